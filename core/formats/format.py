"""What a file format is to QuoteLab: a :class:`Format` record (its name, its file
suffixes, its reader and writer, what it carries), the :class:`Item` a writer is given
(one article as the corpus stores it) and the :class:`Writer` it is.

Each format is a module of :mod:`core.formats` defining its ``FORMAT``;
:mod:`core.formats.registry` lists them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import IO, Any

from core.corpus.curation import Provenance
from core.corpus.rows import (
    ARTICLE_RECORD,
    ATTRIBUTION_COLUMNS,
    article_from_row,
    attribution_from_row,
)
from core.formats.imported import Imported, ImportProblem, named
from core.model import Article, Attribution, Span, Speaker, SpeakerKind, State
from core.tokens import DocTokens

#: Span labels (brat entities, Prodigy spans; matched in lower case) of other corpora
#: and what they are here; ``import --labels`` adds to them (:func:`parse_labels`).
DEFAULT_LABELS = {
    "quote": "quote",
    "content": "quote",
    "speaker": "speaker",
    "source": "speaker",
    "cue": "cue",
}
KINDS = ("quote", "speaker", "cue")
#: A speaker's kind by the names files give it (a known speakers list, an export's
#: ``speaker_kind`` or brat ``Kind``), in lower case.
SPEAKER_KINDS = {k.value: k for k in SpeakerKind} | {"organization": SpeakerKind.ORGANISATION}


def parse_labels(spec: str) -> dict[str, str]:
    """``Statement=quote,Author=speaker`` (any case): labels added to the default map."""
    labels: dict[str, str] = {}
    for pair in filter(None, (p.strip() for p in spec.split(","))):
        theirs, _, ours = pair.partition("=")
        if ours.strip().lower() not in KINDS or not theirs.strip():
            raise ValueError(f"bad label mapping {pair!r}: use LABEL=quote|speaker|cue")
        labels[theirs.strip().lower()] = ours.strip().lower()
    return labels


def label_map(labels: dict[str, str] | None) -> dict[str, str]:
    """The labels a reader knows: the defaults and those given (``--labels``)."""
    return {**DEFAULT_LABELS, **(labels or {})}


def left_out(label: str) -> str:
    """Why a span of a label no map knows is left out, and what to do about it."""
    return (
        f"label {label!r} is none of quote, speaker, cue: left out "
        f"(map it with --labels '{label}=quote')"
    )


def named_suggestions(article: Article, attrs: list[Attribution]) -> list[Attribution]:
    """``attrs`` (sound spans) with the speaker name the S key gives a mention
    (:func:`core.formats.imported.named`, from the article's body) where the file gave
    none, on suggestions only:
    that name is the model's, a suggestion like the rest of the attribution. An accepted
    or rejected attribution keeps the name its file gave, or none: a name nobody gave is
    never stored as an annotator's (docs/adr/0028). In text order."""
    ordered = sorted(attrs, key=lambda a: a.quote.start)  # (the order named keeps)
    return [
        filled if a.state is State.SUGGESTED else a
        for a, filled in zip(
            ordered, named(article.text, ordered, article.body_text()), strict=True
        )
    ]


@dataclass
class Item:
    """One article as exported, as the corpus stores it: its row, its attributions'
    rows. The model objects and the tokens are made when a format first asks for them:
    plain rows are what the export sends to its worker processes (they pickle in a
    fraction of the time dataclasses take)."""

    row: tuple[Any, ...]
    attribution_rows: list[tuple[Any, ...]]
    #: The speakers of its attributions by id (their kinds as stated, else guessed).
    speakers: dict[int, Speaker] = field(default_factory=dict)
    #: The comment of the article's flag when it is flagged as a whole (docs/adr/0033).
    flag: str | None = None
    #: In a gold corpus (docs/adr/0034): who had the article, and where each of its
    #: attributions came from, by id; None in another corpus.
    annotators: tuple[str, ...] = ()
    provenance: dict[int, Provenance] | None = None

    @cached_property
    def article(self) -> Article:
        article = article_from_row(self.row)
        if self.flag is not None:
            article.flagged, article.comment = True, self.flag
        return article

    @cached_property
    def attributions(self) -> list[Attribution]:
        return [
            attribution_from_row(dict(zip(ATTRIBUTION_COLUMNS, r, strict=True)))
            for r in self.attribution_rows
        ]

    def identity(self, a: Attribution) -> dict[str, Any]:
        """Who ``a``'s speaker is in the corpus, as every export writes it:
        ``speaker_id``, ``speaker_kind`` and ``speaker_external_id`` (its canonical name
        is ``speaker_name``); None each when it has no speaker."""
        s = self.speakers.get(a.speaker_id) if a.speaker_id is not None else None
        return {
            "speaker_id": s.id if s else None,
            "speaker_kind": s.kind.value if s and s.kind else None,
            "speaker_external_id": s.external_id if s else None,
        }

    def meta(self) -> dict[str, Any]:
        """The article's metadata as every export writes it: with, in a gold corpus,
        ``annotators``, who had the article."""
        meta = self.article.meta()
        if self.provenance is not None:
            meta["annotators"] = list(self.annotators)
        return meta

    def origin(self, a: Attribution) -> Provenance | None:
        """Where ``a`` came from, in a gold corpus (agreed, adjudicated or the
        curator's); None in another corpus."""
        if self.provenance is None:
            return None
        return self.provenance.get(a.id or 0, Provenance("curator"))

    def record(self, a: Attribution) -> dict[str, Any]:
        """``a``'s record as JSON exports write it: :meth:`Attribution.to_record`, who
        its speaker is (:meth:`identity`) and, in a gold corpus, its ``provenance``."""
        record = {**a.to_record(), **self.identity(a)}
        origin = self.origin(a)
        if origin is not None:
            record["provenance"] = origin.as_dict()
        return record

    def span_text(self, sp: Span | None) -> str:
        return "" if sp is None else self.article.text[sp.start : sp.end]

    @cached_property
    def tokens(self) -> DocTokens:
        text = self.row[ARTICLE_RECORD.index("text")]
        return DocTokens.load(text, self.row[len(ARTICLE_RECORD)])  # (packed_tokens)


class Writer:
    """Writes one format's articles, one at a time."""

    def add(self, item: Item) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Called once after the last article."""


class FileWriter(Writer):
    """Writes one format to an open binary file."""

    def __init__(self, f: IO[bytes]) -> None:
        self.f = f


#: Reads the articles of one file: given the file, its text (decoded), the warnings the
#: decoding gave (for the first article) and the span labels of another corpus
#: (``--labels``: brat entities, Prodigy spans), it yields an article or a problem for
#: each record (what it leaves out in the article's warnings, by line), or raises
#: ImportProblem for the whole file (the caller names the file).
Reader = Callable[[Path, str, list[str], dict[str, str] | None], Iterator[Imported | ImportProblem]]


@dataclass(frozen=True)
class Folder:
    """How a format writes a folder of files."""

    writer: Callable[[Path], Writer]
    #: Whether a folder holds only what ``writer`` writes (so an export may replace it).
    is_export: Callable[[Path], bool]


@dataclass(frozen=True)
class Format:
    """One file format: what the command line, the Export dialog, the exporter and the
    import know of it."""

    name: str
    #: What the Export dialog lists it as, and what ``--format``'s help says it is.
    title: str
    help: str
    #: Its files' suffixes (lower case): what an import takes from a folder; the first
    #: is what an export to a file is named with.
    suffixes: tuple[str, ...] = ()
    reader: Reader | None = None
    #: Whether it reads a file its suffix does not tell (brat: a ``.txt`` with its
    #: ``.ann``); such a claim comes before any suffix's.
    claims: Callable[[Path], bool] | None = None
    writer: Callable[[IO[bytes]], Writer] | None = None
    folder: Folder | None = None
    #: An article's bytes alone, for a format that writes a line per article: a large
    #: corpus has them made in worker processes.
    line: Callable[[Item], bytes] | None = None
    #: The line without what only some of its readers need, the article's tokens and what
    #: refers to them (``export --no-tokens``; JSONL: Prodigy's token-based interfaces).
    line_without_tokens: Callable[[Item], bytes] | None = None
    #: What an export holds unless told otherwise, as (done_only, accepted_only) (the
    #: command line's and the Export dialog's default). Everything, for a format that
    #: carries each article's status and each attribution's state (JSONL's ``answer``,
    #: a CSV column, brat's ``State`` attribute): it round-trips into a corpus and serves
    #: review and analysis, and the report says how much of it is unreviewed
    #: (docs/adr/0022).
    scope: tuple[bool, bool] = (False, False)
    #: A row per attribution: an article without any writes nothing.
    row_per_attribution: bool = False
    #: Whether a file of it may start with a UTF-8 byte order mark when asked
    #: (``export --excel``): spreadsheets read a CSV without one in the system's code
    #: page, so curly quotes and accents come out garbled on a double-click.
    bom: bool = False

    @property
    def writes(self) -> bool:
        return self.writer is not None or self.folder is not None

    @property
    def ending(self) -> str:
        """What an export's name ends with: the file suffix, or ``-NAME`` for a format
        that writes only folders (the Export dialog's names)."""
        return self.suffixes[0] if self.writer is not None else f"-{self.name}"

    def folder_for(self, out: Path) -> Folder | None:
        """How an export to ``out`` writes a folder, if it does: always for a format
        that writes only folders; for one that writes both, unless ``out`` is named
        with its suffix."""
        if self.writer is not None and out.suffix.lower() in self.suffixes:
            return None
        return self.folder
