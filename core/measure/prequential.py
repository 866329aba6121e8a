"""Does learning help this corpus? (``main.py evaluate --prequential``, docs/adr/0036.)

Each article done is taken in the order it was opened for review: the suggestions are
fitted on the decisions made before it was opened (``core.review.learning.replay``),
that fit makes its suggestions from what the rules found in it when it was imported
(kept with the corpus: ``core.corpus.learning.made``), and they are scored by
:mod:`core.measure.evaluate` against the article's final attributions (those kept),
beside the frozen rules' suggestions of the same findings: a paired comparison, each
article scored by both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.corpus import learning as stored
from core.corpus.store import Store
from core.measure.evaluate import Score, align, items
from core.model import State
from core.review.learning import replay
from core.suggest.learn import PRIOR


@dataclass
class Paired:
    """The rules' and the learned suggestions' scores, overall and per article (id,
    the rules' attribution F1, the learned one's)."""

    rules: Score = field(default_factory=Score)
    learned: Score = field(default_factory=Score)
    articles: list[tuple[int, float, float]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "rules": self.rules.as_dict(),
            "learned": self.learned.as_dict(),
            "articles": [
                {
                    "id": i,
                    "rules_attribution_f1": round(r, 4),
                    "learned_attribution_f1": round(w, 4),
                }
                for i, r, w in self.articles
            ],
        }

    def lines(self) -> list[str]:
        r, w = self.rules.overall, self.learned.overall
        better = sum(b > a for _, a, b in self.articles)
        worse = sum(b < a for _, a, b in self.articles)
        return [
            f"articles done {len(self.articles)}, each learned from the decisions before it",
            f"{'':8} {'attr P':>6} {'attr R':>6} {'attr F1':>7}   {'gold':>5} {'pred':>5}",
            *(
                f"{name:8} {c.attribution_precision:6.3f} {c.attribution_recall:6.3f} "
                f"{c.attribution_f1:7.3f}   {c.gold:5} {c.pred:5}"
                for name, c in (("rules", r), ("learned", w))
            ),
            f"per article: learned better on {better}, worse on {worse}, "
            f"the same on {len(self.articles) - better - worse}",
        ]


def prequential(store: Store) -> Paired:
    out = Paired()
    for article_id, first in stored.opened(store):
        fit = replay(store, first - 1)
        found = [a for _, _, a in stored.made(store, [article_id])]
        text = store.article(article_id).text
        final = [a for a in store.attributions(article_id) if a.state is State.ACCEPTED]
        gold = items(text, final)
        scores = []
        for score, made in ((out.rules, PRIOR.apply(found)), (out.learned, fit.apply(found))):
            one = Score()
            one.add(align(gold, items(text, made)))
            score.add(align(gold, items(text, made)))
            scores.append(one.overall.attribution_f1)
        out.articles.append((article_id, scores[0], scores[1]))
    return out
