"""User-derived text (titles, speaker names, quotes) as Qt must be given it where it
would read markup: a tooltip (or an auto-format label) takes any string that looks
like HTML for rich text, so a speaker name ``<b>x</b><img src='file:///...'>`` would be
drawn bold, with a local file as its picture."""

from __future__ import annotations

from PySide6.QtGui import Qt


def plain(text: str) -> str:
    """``text`` shown as written, character for character, where Qt guesses the format:
    escaped inside a paragraph, which Qt always reads as rich text (line breaks kept)."""
    return Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpacePre)
