"""Where each suggestion comes from and what a fit of decisions makes of it
(core/suggest/learn.py, docs/adr/0036): what made the rules' suggestions on the real pipeline,
the prior that is the rules as they are, the gated cue lexicon, the re-scorer, a fit
as stored, and an import that suggests with the corpus's fit."""

import pytest

from core.corpus import learning
from core.corpus.store import Store
from core.formats.ingest import import_paths
from core.formats.reading import read_file
from core.model import Attribution, MadeBy, Span
from core.suggest.learn import CANDIDATE, PRIOR, Example, Fit, fit
from tests.conftest import SAMPLE


def sample_found(suggester):
    (got,) = read_file(SAMPLE)
    (found,) = suggester.found_many([got.article])
    return found


def test_every_finding_says_its_rule_and_features_and_the_prior_is_its_rules_confidence(
    suggester,
):
    found = sample_found(suggester)
    assert all(a.made_by is not None for a in found)
    rules = {a.made_by.rule for a in found}
    assert {"direct-cue", "direct-continued", "mixed", "indirect", CANDIDATE} <= rules
    for a in found:
        names = [k for k, _ in a.made_by.features]
        assert names == ["rule", "cue", "speaker", "length"]
        assert a.made_by.prior == a.confidence
    said = [a for a in found if a.made_by.rule == "direct-cue"]
    assert {a.made_by.feature("cue") for a in said} == {"say", "tell"}
    assert {a.confidence for a in said} == {0.9}


def test_the_prior_is_the_rules_as_they_are_without_their_candidates(suggester):
    found = sample_found(suggester)
    made = PRIOR.apply(found)
    assert made == [a for a in found if a.made_by.rule != CANDIDATE]
    assert [a.confidence for a in made] == [a.made_by.prior for a in made]
    (got,) = read_file(SAMPLE)
    assert suggester.suggest(got.article) == made


def made_by(rule, cue, prior=0.7):
    return MadeBy(rule, (("rule", rule), ("cue", cue)), prior)


def candidate(cue, kept, covers=None):
    return Example(made_by(CANDIDATE, cue, 0.5), kept, covers)


def test_a_learned_cue_earns_its_place_from_the_hand_added_attributions_it_would_give():
    twice = [candidate("show", True, 1), candidate("show", True, 2)]
    assert fit(twice, added=2).cues == {"show"}
    assert fit(twice[:1], added=1).cues == frozenset()  # once is not enough
    # added by hand twice, but four more times the verb reports nothing the user kept
    noisy = twice + [candidate("show", False) for _ in range(4)]
    assert fit(noisy, added=2).cues == frozenset()
    # a candidate that a kept suggestion already gives is no evidence either way
    assert fit([*twice, *(candidate("show", None) for _ in range(9))], added=2).cues == {"show"}


def test_the_re_scorer_starts_at_the_prior_and_moves_with_the_evidence():
    said, claimed = made_by("indirect", "say"), made_by("mixed", "claim")
    assert fit([]).probability(said) == 0.7 == PRIOR.probability(said)
    learned = fit([Example(said, True)] * 20 + [Example(claimed, False)] * 20, through=41)
    assert learned.probability(said) > 0.9
    assert learned.probability(claimed) < 0.2
    assert learned.through == 41 and learned.examples == 40
    # an unseen rule and cue stay near their prior (the prior's weight and the bias moved)
    other = made_by("direct-cue", "tell", 0.9)
    assert learned.probability(other) == pytest.approx(0.9, abs=0.1)


def test_a_threshold_is_chosen_only_from_enough_decisions_and_never_over_a_half():
    said, claimed = made_by("indirect", "say"), made_by("mixed", "claim")
    few = fit([Example(said, True)] * 10 + [Example(claimed, False)] * 10)
    assert few.threshold == 0.0
    many = fit([Example(said, True)] * 60 + [Example(claimed, False)] * 60)
    assert 0.0 < many.threshold <= 0.5
    found = [Attribution(Span(0, 5), made_by=said), Attribution(Span(9, 20), made_by=claimed)]
    made = many.apply(found)
    assert [a.made_by.rule for a in made] == ["indirect"]
    assert made[0].confidence == round(many.probability(said), 3)


def test_a_fit_reads_back_as_it_was_and_a_bad_one_is_refused_by_name():
    learned = fit([candidate("show", True, 1), candidate("show", True, 2)], added=2, through=7)
    assert Fit.from_json(learned.as_json()) == learned
    for bad, said in (
        ("[]", "not a fit"),
        ('{"weights": {}, "cues": "show"}', "not a list"),
        (learned.as_json().replace('"threshold": 0.0', '"threshold": NaN'), "finite"),
    ):
        with pytest.raises(ValueError, match=said):
            Fit.from_json(bad)


def test_an_import_suggests_with_the_corpus_fit_and_keeps_the_rest_as_candidates(
    tmp_path, suggester
):
    (expect,) = [a for a in sample_found(suggester) if a.made_by.rule == CANDIDATE]
    assert expect.made_by.feature("cue") == "expect"  # the sample's one candidate
    admitting = Fit(cues=frozenset({"expect"})).as_json()
    for name, on in (("on", True), ("off", False)):
        with Store(tmp_path / f"{name}.qlab") as store:
            learning.store_fit(store, 0, admitting, "now")
            learning.set_learning(store, on)
            (art,) = import_paths(store, [SAMPLE], suggester).imported
            rows = list(learning.made(store, [art]))
            suggested = {attr_id for _, attr_id, _ in rows if attr_id is not None}
            assert suggested == {a.id for a in store.attributions(art)}
            learned = [(attr_id, a.quote) for _, attr_id, a in rows if a.made_by.rule == CANDIDATE]
            assert [quote for _, quote in learned] == [expect.quote]
            assert (learned[0][0] is not None) is on  # suggested with learning on, else held
