"""Merge candidates: pairs of the corpus's speakers that are likely one (docs/adr/0024).

Four rules, the surest first: the same name up to :func:`name_key` (case, a leading
article, a possessive, a trailing "report"); one name the other's initials
(:func:`initials`: ``WHO`` and ``World Health Organization``); an alias of one the
name or an alias of the other; one name a run of whole words of the other (``Peskov``
and ``Dmitry Peskov``). Each looks pairs up by key, never compares every pair, so the
cost grows with the speakers, not with their square.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass

from core.model import Speaker
from core.suggest.names import initials, name_key

#: The rules, surest first: a pair found by several is shown with the first.
SAME_NAME, ACRONYM, SHARED_ALIAS, PART = range(4)


@dataclass(frozen=True)
class Duplicate:
    """Two speakers likely one, and why: ``into`` is the one a merge keeps (the
    fuller name: ``Dmitry Peskov``, ``World Health Organization``; the one that goes by
    the other's name; of two spellings, the plainer), ``other`` the one it takes in."""

    into: Speaker
    other: Speaker
    rule: int
    why: str

    @property
    def pair(self) -> tuple[int, int]:
        """The speakers' ids, lower first (as dismissals are kept)."""
        a, b = self.into.id or 0, self.other.id or 0
        return (a, b) if a < b else (b, a)


def _plainer(a: Speaker, b: Speaker) -> tuple[Speaker, Speaker]:
    """Two spellings of one name, the plainer first (``WHO`` before ``the WHO's
    report``; shorter, then not all lower case)."""
    return (a, b) if (len(a.name), a.name.islower()) <= (len(b.name), b.name.islower()) else (b, a)


def _fuller(a: Speaker, b: Speaker) -> tuple[Speaker, Speaker]:
    """The pair, the fuller name first (more words, then more characters)."""
    return (
        (a, b)
        if (len(a.name.split()), len(a.name)) >= (len(b.name.split()), len(b.name))
        else (b, a)
    )


def duplicates(
    speakers: Sequence[Speaker], dismissed: Collection[tuple[int, int]] = ()
) -> list[Duplicate]:
    """The likely duplicates among ``speakers`` (with ids), surest first, then by name;
    a pair in ``dismissed`` (ids, lower first) is left out."""
    found: dict[tuple[int, int], Duplicate] = {}
    for d in _found(speakers):
        if d.pair not in dismissed and d.into.id != d.other.id:
            if d.pair not in found or d.rule < found[d.pair].rule:
                found[d.pair] = d
    return sorted(found.values(), key=lambda d: (d.rule, d.into.name.casefold(), d.other.name))


def _found(speakers: Sequence[Speaker]) -> Iterator[Duplicate]:
    by_key: dict[str, list[Speaker]] = defaultdict(list)
    by_alias: dict[str, list[Speaker]] = defaultdict(list)
    for s in speakers:
        by_key[name_key(s.name)].append(s)
        for key in {name_key(a) for a in s.aliases}:
            by_alias[key].append(s)
    for same in by_key.values():
        yield from _pairs(same, SAME_NAME, "the same name", _plainer)
    for key, sharing in by_alias.items():
        yield from _pairs(sharing, SHARED_ALIAS, f"both go by {key!r}", _fuller)
    for s in speakers:
        yield from _of_one(s, by_key)


def _pairs(
    group: list[Speaker],
    rule: int,
    why: str,
    keeper: Callable[[Speaker, Speaker], tuple[Speaker, Speaker]],
) -> Iterator[Duplicate]:
    """Each pair of a group that share a key, the one to keep first."""
    for i, a in enumerate(group):
        for b in group[i + 1 :]:
            yield Duplicate(*keeper(a, b), rule, f"{why}: {a.name!r}, {b.name!r}")


def _of_one(s: Speaker, by_key: dict[str, list[Speaker]]) -> Iterator[Duplicate]:
    """The speakers named as ``s``'s initials, an alias of ``s`` or a part of its name."""
    short = initials(s.name).casefold()
    for b in by_key.get(short, []) if len(short) >= 2 else []:
        yield Duplicate(s, b, ACRONYM, f"{b.name!r} is the initials of {s.name!r}")
    for alias in s.aliases:
        for b in by_key.get(name_key(alias), []):
            yield Duplicate(s, b, SHARED_ALIAS, f"{b.name!r} is an alias of {s.name!r}")
    words = name_key(s.name).split()
    for length in range(1, len(words)):
        for start in range(len(words) - length + 1):
            part = " ".join(words[start : start + length])
            for b in by_key.get(part, []) if len(part) >= 3 else []:
                yield Duplicate(s, b, PART, f"{b.name!r} is part of {s.name!r}")
