"""The corpus's known speakers as name resolution sees them (docs/adr/0024): each one's
kind (as stated, else guessed from its name) and the speaker a name stands for (its
canonical name or one of its aliases, up to :func:`core.suggest.names.name_key`)."""

from __future__ import annotations

from collections.abc import Sequence

from core.model import Attribution, Speaker, SpeakerKind
from core.suggest.lexicon import CALENDAR, DETERMINERS, NON_PERSON_WORDS, PERSONAL
from core.suggest.names import is_acronym, is_description, name_key, unowned_word


def looks_like_person(name: str) -> bool:
    """A guess without a parser: two or more words, none of which names an
    organisation, a place or a date (``Ana Ruiz``, not ``Reuters`` nor ``City Hall``),
    or ``he``/``she``."""
    words = name.split()
    if name.strip().lower() in PERSONAL:
        return True
    lowered = {w.lower().strip(".") for w in words}
    return len(words) >= 2 and not lowered & (NON_PERSON_WORDS | CALENDAR)


def guess_kind(name: str) -> SpeakerKind:
    """A name's kind when nobody stated it: an organisation when a word of it says so
    (``Ministry``, ``Reuters``) or it is an acronym (``WHO``), a person as
    :func:`looks_like_person` guesses, else other."""
    words = name.split()
    if {w.lower().strip(".") for w in words} & NON_PERSON_WORDS:
        return SpeakerKind.ORGANISATION
    if len(words) == 1 and len(words[0]) > 1 and words[0].isupper() and words[0].isalpha():
        return SpeakerKind.ORGANISATION
    return SpeakerKind.PERSON if looks_like_person(name) else SpeakerKind.OTHER


def kind_of(speaker: Speaker) -> SpeakerKind:
    """The speaker's kind as stated, else as its name suggests (:func:`guess_kind`)."""
    return speaker.kind if speaker.kind is not None else guess_kind(speaker.name)


def _the_same_word(name: str, known: str) -> bool:
    """``police`` (``Officials``, ``the company``) and another article's ``Police``: a
    description of one word (its first letter's case aside) and a known name that is
    that word, case and article aside.
    Each article's police are its own, named as it writes them (docs/adr/0085)."""
    key = name_key(name)
    described = is_description(name[:1].lower() + name[1:])  # ("Officials say": case aside)
    return described and " " not in key and name_key(known) == key


def _carries(alias: str) -> bool:
    """Whether an alias names its speaker in other articles too: one of two words or
    more (``J. Okafor``, ``US State Department``), or an acronym (``WHO``, ``the NWS's``).
    One word alone, a surname or a capitalised noun (``Scott``, ``Ministry``), is
    another person or body from one article to the next (docs/adr/0087)."""
    words = alias.split()
    while len(words) > 1 and words[0].lower() in DETERMINERS:
        words.pop(0)
    if len(words) > 1:
        return True
    return bool(words) and is_acronym(unowned_word(words[0]))


class Registry:
    """Known speakers by the :func:`name_key` of every name they go by: a name that is
    one of them becomes that speaker's canonical name. A
    speaker's own name wins over another's alias, and an alias two speakers share
    stands for neither (the user decides; a merge candidate shows it)."""

    def __init__(self, known: Sequence[Speaker] = ()) -> None:
        owners: dict[str, dict[str, Speaker]] = {}
        for s in known:
            for alias in filter(_carries, s.aliases):
                owners.setdefault(name_key(alias), {})[s.name] = s
        self._by_key = {k: next(iter(o.values())) for k, o in owners.items() if len(o) == 1}
        self._by_key.update((name_key(s.name), s) for s in known)
        self._by_key.pop("", None)

    def __bool__(self) -> bool:
        return bool(self._by_key)

    def find(self, name: str) -> Speaker | None:
        """The speaker ``name`` stands for, if one does."""
        return self._by_key.get(name_key(name))

    def canonical(self, name: str) -> str:
        """The known speaker's name for a ``name`` the article resolved, else ``name``.
        The mention is not looked up alone: a surname the article resolved to another
        full name stays that article's person."""
        found = self.find(name) if self._by_key else None
        return name if found is None or _the_same_word(name, found.name) else found.name

    def identify(self, a: Attribution) -> Attribution:
        """``a`` with the canonical name of the known speaker its speaker name stands
        for (the corpus then gives it that speaker); as it is when none does."""
        if not a.speaker_name:
            return a
        name = self.canonical(a.speaker_name)
        return a if name == a.speaker_name else a.with_(speaker_name=name, speaker_id=None)
