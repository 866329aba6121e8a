"""Hand out work (``main.py assign``, docs/adr/0032): one corpus per annotator, holding
a share of the articles every annotator gets (for agreement) and an even part of the
rest, dealt by a seed, so the same seed, names and articles deal the same again.

Each hand-out is written beside its target and renamed onto it once every one is
whole; the rows are copied through the corpus's API a batch of articles at a time (one
transaction and one decision each), never the whole corpus in memory."""

from __future__ import annotations

import hashlib
import os
import unicodedata
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from fractions import Fraction
from math import floor
from pathlib import Path
from typing import Any

from core.corpus import handout
from core.corpus.annotator import name_problem
from core.corpus.integrity import JOURNAL_SUFFIXES
from core.corpus.store import Store

#: Articles copied in one transaction.
BATCH = 500
#: What SQLite may keep beside a corpus (removed with a hand-out left half-written).
_BESIDE = ("", *JOURNAL_SUFFIXES, "-shm")


class AssignError(Exception):
    """The hand-out was refused; nothing was written."""


def parse_names(spec: str) -> list[str]:
    """The annotators of ``--annotators a,b,c``, each stripped of the spaces around it and
    composed (NFC), in the order given; ValueError as :func:`check_names` says."""
    names = [unicodedata.normalize("NFC", n.strip()) for n in spec.split(",")]
    check_names(names)
    return names


def check_names(names: Sequence[str]) -> None:
    """ValueError naming every name that cannot be an annotator's: not a valid name
    (:func:`core.corpus.annotator.name_problem`: empty, a path separator...), or the same
    as an earlier one up to case (their files would be one on macOS and Windows)."""
    problems: list[str] = []
    seen: dict[str, int] = {}
    for i, name in enumerate(names, 1):
        problem = name_problem(name)
        if problem is None and name.casefold() in seen:
            problem = f"the same name as annotator {seen[name.casefold()]} up to case"
        seen.setdefault(name.casefold(), i)
        if problem is not None:
            problems.append(f"annotator {i} {name!r}: {problem}")
    if problems or not names:
        raise ValueError("; ".join(problems) or "no annotator")


def parse_overlap(text: str) -> Fraction:
    """``--overlap``: the share of all articles every annotator gets, from 0 to 1, as a
    decimal (``0.2``) or a fraction (``1/5``), kept exact."""
    try:
        share = Fraction(text.strip())
    except (ValueError, ZeroDivisionError):
        raise ValueError(f"{text!r} is not a share such as 0.2") from None
    if not 0 <= share <= 1:
        raise ValueError(f"{text!r} is not a share from 0 to 1")
    return share


def shared_count(articles: int, overlap: Fraction) -> int:
    """How many of ``articles`` every annotator gets: ``overlap`` of them rounded half
    up, and at least one when ``overlap`` is over 0 (an overlap is asked for agreement)."""
    if not articles or not overlap:
        return 0
    return max(1, floor(overlap * articles + Fraction(1, 2)))


def _rank(seed: int, content_hash: str) -> bytes:
    """An article's place in the deal: a hash of the seed and its text's hash, so the
    deal depends on neither the article ids nor Python's random number generator."""
    return hashlib.blake2b(f"{seed}\0{content_hash}".encode(), digest_size=16).digest()


@dataclass(frozen=True)
class Deal:
    """Which articles (ids) each annotator gets: the ``shared`` ones and their ``own``."""

    shared: list[int]
    own: dict[str, list[int]]

    def of(self, name: str) -> list[int]:
        return sorted([*self.shared, *self.own[name]])


def deal(
    articles: Sequence[tuple[int, str]], names: Sequence[str], overlap: Fraction, seed: int
) -> Deal:
    """Deal ``articles`` ((id, content hash)) to ``names``: in the order of their rank
    (:func:`_rank`), the first :func:`shared_count` go to everyone and the rest are dealt
    round, one each in the order of ``names``, so the parts differ by one at most."""
    order = [i for i, h in sorted(articles, key=lambda a: _rank(seed, a[1]))]
    n = shared_count(len(order), overlap)
    rest = order[n:]
    return Deal(
        shared=sorted(order[:n]),
        own={name: sorted(rest[k :: len(names)]) for k, name in enumerate(names)},
    )


@dataclass
class Handout:
    """What :func:`assign` wrote: each annotator's file and how many articles it holds."""

    source: str
    seed: int
    overlap: Fraction
    articles: int
    shared: int
    suggestions: bool
    files: dict[str, tuple[str, int]] = field(default_factory=dict)

    def lines(self) -> list[str]:
        what = "with their suggestions" if self.suggestions else "without suggestions"
        out = [
            f"dealt {self.articles} article(s) of {self.source} {what} (seed {self.seed}): "
            f"{self.shared} to every annotator (overlap {_decimal(self.overlap)}, rounded "
            f"half up), the other {self.articles - self.shared} dealt out"
        ]
        for name, (path, n) in self.files.items():
            out.append(f"wrote {path}: {n} article(s) for {name}")
        return out

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "seed": self.seed,
            "overlap": _decimal(self.overlap),
            "articles": self.articles,
            "shared": self.shared,
            "suggestions": self.suggestions,
            "files": {name: {"path": p, "articles": n} for name, (p, n) in self.files.items()},
        }


def _decimal(share: Fraction) -> str:
    return f"{float(share):g}"


def assign(
    source: Store,
    names: Sequence[str],
    overlap: Fraction,
    seed: int,
    out: Path,
    *,
    suggestions: bool = True,
    keep_decisions: bool = False,
) -> Handout:
    """Write ``out/NAME.qlab`` for each of ``names`` (valid and distinct:
    :func:`check_names`) from the articles of ``source`` dealt by :func:`deal` (damaged
    ones left out, as an export leaves them), with their attributions as they are
    (``suggestions``) or none, and the corpus's known speakers. AssignError when a
    target exists, or when ``source`` holds decisions and they would be copied without
    ``keep_decisions``: a hand-out starts undecided. Nothing is written unless all are."""
    try:
        check_names(names)
    except ValueError as exc:
        raise AssignError(str(exc)) from None
    targets = {name: out / f"{name}.qlab" for name in names}
    there = [str(p) for p in targets.values() for s in _BESIDE if Path(f"{p}{s}").exists()]
    if there:
        raise AssignError(f"{', '.join(there)}: already there; choose another --out folder")
    articles, attributions = handout.decided(source)
    if suggestions and not keep_decisions and (articles or attributions):
        raise AssignError(
            f"{source.path}: holds decisions ({articles} article(s) not todo or flagged, "
            f"{attributions} attribution(s) accepted, rejected or flagged), and a hand-out "
            "starts undecided: "
            "--keep-decisions copies them as they are, --no-suggestions the articles alone"
        )
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AssignError(f"{out}: the folder cannot be made ({exc.strerror})") from None
    with source.snapshot():
        source.find_damage()
        keys = handout.article_keys(source)
        dealt = deal(keys, names, overlap, seed)
        result = Handout(source.path.name, seed, overlap, len(keys), len(dealt.shared), suggestions)
        how = {
            "source": result.source,
            "annotators": list(names),
            "seed": seed,
            "overlap": str(overlap),  # exact: Fraction reads it back
            "shared": len(dealt.shared),
            "suggestions": suggestions,
        }
        made = {name: out / f".{name}.qlab.assign.tmp" for name in names}
        try:
            speakers = handout.speaker_rows(source)
            for name, tmp in made.items():
                _remove(tmp)  # left by a run that was killed
                ids = dealt.of(name)
                with Store(tmp) as dst:
                    _copy(source, dst, ids, speakers, suggestions)
                    dst.hand_to(name, {**how, "articles": len(ids)})
                result.files[name] = (str(targets[name]), len(ids))
            _rename(made, targets)
        except OSError as exc:  # (a leftover of that name SQLite cannot replace: a folder)
            raise AssignError(f"{exc.filename}: cannot be written ({exc.strerror})") from None
        finally:
            for tmp in made.values():
                with suppress(OSError):
                    _remove(tmp)
    return result


def _rename(made: dict[str, Path], targets: dict[str, Path]) -> None:
    """Each whole hand-out onto its target; if one cannot be, none stays."""
    done: list[Path] = []
    try:
        for name, tmp in made.items():
            os.replace(tmp, targets[name])
            done.append(targets[name])
    except OSError as exc:
        for path in done:
            path.unlink(missing_ok=True)
        raise AssignError(f"{targets[name]}: cannot be written ({exc.strerror})") from None


def _copy(
    source: Store,
    dst: Store,
    ids: list[int],
    speakers: list[list[tuple[Any, ...]]],
    suggestions: bool,
) -> None:
    """Copy the articles ``ids`` of ``source`` into ``dst``, a batch a transaction, the
    known speakers with the first; with their suggestions, what made each (another
    transaction a batch: ``dst`` is a file of its own until it is whole)."""
    for start in range(0, max(len(ids), 1), BATCH):
        batch = ids[start : start + BATCH]
        articles, attributions, flags = handout.article_batch(
            source, batch, attributions=suggestions
        )
        dst.add_copies(
            articles,
            attributions,
            flags,
            {"source": source.path.name, "articles": batch},
            speakers=speakers if start == 0 else (),
            todo=not suggestions,
        )
        if suggestions:  # what made them: the annotator's refit reads the same features
            handout.add_suggestion_rows(dst, handout.suggestion_rows(source, batch))


def _remove(path: Path) -> None:
    """``path`` and what SQLite keeps beside it, if there."""
    for suffix in _BESIDE:
        Path(f"{path}{suffix}").unlink(missing_ok=True)
