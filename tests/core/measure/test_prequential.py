"""``main.py evaluate --prequential`` on a corpus of three articles whose answers are
counted by hand (tests/learning_data.py): each article has two suggestions (``said``
kept, ``claimed`` rejected) and a candidate of ``show`` whose attribution the user
added by hand, so its final attributions are ``said`` and ``Polls show``.

- article 1, fitted on nothing: the rules' two suggestions, one right of two gold;
- article 2, fitted on article 1: ``show`` was added by hand once, not enough to be
  learned: the same two, one right;
- article 3, fitted on articles 1 and 2: ``show`` was added by hand twice in two
  candidates, and is learned: three suggestions, two right.

Rules: gold 6, predicted 6, right 3. Learned: gold 6, predicted 7, right 4."""

import json

import pytest

from core.cli.main import build_parser, run
from core.corpus.store import Store
from core.measure.prequential import prequential
from core.review.session import ReviewSession
from tests.learning_data import make_corpus, review


@pytest.fixture
def path(tmp_path):
    path = make_corpus(tmp_path / "learn.qlab")
    with Store(path) as store:
        session = ReviewSession(store)
        for article_id in store.article_ids():
            review(session, article_id)
    return path


def test_each_article_is_scored_with_what_was_learned_before_it_was_opened(path):
    with Store(path) as store:
        paired = prequential(store)
    rules, learned = paired.rules.overall, paired.learned.overall
    assert (rules.gold, rules.pred, rules.speaker) == (6, 6, 3)
    assert (learned.gold, learned.pred, learned.speaker) == (6, 7, 4)
    assert learned.attribution_f1 == pytest.approx(8 / 13)  # 2 * 4 / (7 + 6)
    assert rules.attribution_f1 == pytest.approx(0.5)
    assert [(r, w) for _, r, w in paired.articles] == [
        (0.5, 0.5),
        (0.5, 0.5),
        (0.5, pytest.approx(0.8)),  # P 2/3, R 1
    ]


def main(argv):
    return run(build_parser().parse_args(argv))


def test_the_command_line_prints_the_paired_figures(path, capsys):
    assert main(["evaluate", "--prequential", str(path)]) == 0
    out = capsys.readouterr().out
    assert "learned better on 1, worse on 0, the same on 2" in out
    assert main(["evaluate", "--prequential", str(path), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["learned"]["attribution_f1"] == round(8 / 13, 4)


def test_prequential_takes_no_gold(path, capsys):
    assert main(["evaluate", "--prequential", str(path), "--gold", str(path)]) == 1
    assert "no gold" in capsys.readouterr().err
    assert main(["evaluate"]) == 1
    assert "--prequential CORPUS" in capsys.readouterr().err
