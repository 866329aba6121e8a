"""Merge candidates among the corpus's speakers (issue 20, item 4)."""

from core.model import Speaker
from core.suggest.duplicates import ACRONYM, PART, SAME_NAME, SHARED_ALIAS, duplicates


def sp(i, name, *aliases):
    return Speaker(name, None, aliases, "", i)


SPEAKERS = [
    sp(1, "World Health Organization"),
    sp(2, "WHO"),
    sp(3, "the WHO's report"),
    sp(4, "Dmitry Peskov"),
    sp(5, "Peskov"),
    sp(6, "Kremlin spokesman", "the Kremlin's man"),
    sp(7, "Ana Ruiz", "Kremlin's man"),
    sp(8, "Ben Cole"),
    sp(9, "Of"),  # too short to be a part of anything
]


def test_each_rule_finds_its_pairs_and_names_the_fuller_name_to_keep():
    found = {(d.into.name, d.other.name): d for d in duplicates(SPEAKERS)}
    assert found[("WHO", "the WHO's report")].rule == SAME_NAME
    assert found[("World Health Organization", "WHO")].rule == ACRONYM
    assert found[("World Health Organization", "the WHO's report")].rule == ACRONYM
    assert found[("Dmitry Peskov", "Peskov")].rule == PART
    assert found[("Kremlin spokesman", "Ana Ruiz")].rule == SHARED_ALIAS
    assert "Ben Cole" not in {n for pair in found for n in pair}
    assert len(found) == 5
    assert [d.rule for d in duplicates(SPEAKERS)] == sorted(d.rule for d in found.values())


def test_an_alias_that_is_another_speaker_s_name():
    found = duplicates([sp(1, "Kremlin spokesman"), sp(2, "Dmitry Peskov", "Kremlin spokesman")])
    assert [(d.into.name, d.other.name, d.rule) for d in found] == [
        ("Dmitry Peskov", "Kremlin spokesman", SHARED_ALIAS)  # the one that goes by it keeps
    ]


def test_a_dismissed_pair_is_left_out():
    assert [d.pair for d in duplicates(SPEAKERS[3:5], dismissed={(4, 5)})] == []
    assert [d.pair for d in duplicates(SPEAKERS[3:5])] == [(4, 5)]
