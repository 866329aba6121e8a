"""QuoteLab's core: the product without a screen (no Qt imports here)."""

__version__ = "0.1.0"
