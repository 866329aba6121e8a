"""spaCy's DocBin: training data for ``spacy train``, written only.

The spans are in ``doc.spans["sc"]``, labelled QUOTE, SPEAKER and CUE, and every
attribution is in ``doc.user_data["quotelab"]``; to a ``.spacy`` file (or standard
output) one DocBin, to a folder one per ``SpacyPartsWriter.PART`` articles.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import IO, Any

from core.formats.format import FileWriter, Folder, Format, Item
from core.model import State
from core.tokens import make_doc

LABELS = {"quote": "QUOTE", "speaker": "SPEAKER", "cue": "CUE"}


class SpacyWriter(FileWriter):
    """A DocBin; the spans carry no QuoteLab types, so plain spaCy reads it."""

    def __init__(self, f: IO[bytes]) -> None:
        super().__init__(f)
        self.vocab = make_doc("").vocab
        self.bin = self._new_bin()

    @staticmethod
    def _new_bin() -> Any:
        from spacy.tokens import DocBin

        return DocBin(attrs=["ORTH", "SPACY"], store_user_data=True)  # the text, no more

    def add(self, item: Item) -> None:
        from spacy.tokens import Span as SpacySpan

        doc = item.tokens.doc(self.vocab)
        seen: dict[tuple[int, int, str], SpacySpan] = {}
        for a in item.attributions:
            if a.state is State.REJECTED:
                continue
            for kind, sp in a.spans().items():
                key = (sp.start, sp.end, LABELS[kind]) if sp else None
                if key is not None and key not in seen:
                    span = doc.char_span(key[0], key[1], label=key[2], alignment_mode="expand")
                    if span is not None:
                        seen[key] = span
        doc.spans["sc"] = sorted(seen.values(), key=lambda s: (s.start, s.end, s.label_))
        doc.user_data["quotelab"] = {
            "meta": item.meta(),
            "attributions": [
                {
                    **item.record(a),
                    **{f"{k}_text": item.span_text(sp) for k, sp in a.spans().items()},
                }
                for a in item.attributions
            ],
        }
        self.bin.add(doc)

    def close(self) -> None:
        self.f.write(self.bin.to_bytes())


class SpacyPartsWriter(SpacyWriter):
    """DocBins of ``PART`` articles each in a folder (``spacy train`` reads every
    ``.spacy`` file in a folder), so memory stays bounded however large the corpus."""

    PART = 1000

    def __init__(self, folder: Path) -> None:
        super().__init__(io.BytesIO())  # unused: each part is a file of its own
        self.folder = folder
        self.parts = 0

    def add(self, item: Item) -> None:
        super().add(item)
        if len(self.bin) >= self.PART:
            self.close()

    def close(self) -> None:
        if len(self.bin):
            self.parts += 1
            (self.folder / f"{self.parts:06d}.spacy").write_bytes(self.bin.to_bytes())
            self.bin = self._new_bin()


def is_spacy_parts(folder: Path) -> bool:
    """Whether ``folder`` holds only what :class:`SpacyPartsWriter` writes."""
    return all(p.is_file() and p.suffix == ".spacy" for p in folder.iterdir())


FORMAT = Format(
    name="spacy",
    title="spaCy DocBin (training)",
    help="DocBin for spacy train",
    suffixes=(".spacy",),
    writer=SpacyWriter,
    folder=Folder(SpacyPartsWriter, is_spacy_parts),
    # Training data: only what a person confirmed, so only done articles (in an article
    # under review, a quote nobody has decided yet would be taught as no quote) and only
    # accepted attributions (docs/adr/0022).
    scope=(True, True),
)
