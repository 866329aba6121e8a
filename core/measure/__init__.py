"""Measures over a corpus: the scorer, the report, agreement between corpora, charts."""
