"""The S key names a speaker span as the suggester would name that mention in that
article: the same whole-article pass (core.suggest.names.NameBook.settle)."""

from __future__ import annotations

from core.corpus.store import Store
from core.model import Article
from core.review.session import ReviewSession
from core.tokens import tokenize

ARTICLE = (
    "GENEVA (Reuters) - The World Health Organization (WHO) warned on Monday that cases "
    "were rising.\n\n"
    '"The risk remains high," the WHO said.\n\n'
    "Halvor Pharma, a drug company, said it would send vaccines.\n\n"
    '"We will ship them this week," the company said in a statement.\n\n'
    "A statement from the Red Cross said volunteers were ready.\n\n"
    "Health Minister Dr. Ana Berg said the clinics would reopen.\n"
)


def test_the_s_key_names_a_speaker_as_the_suggester_does(tmp_path, suggester):
    article = Article(text=ARTICLE, title="who", content_hash="who")
    suggested = suggester.suggest(article)
    assert [a.speaker_name for a in suggested] == [
        *["World Health Organization"] * 2,
        *["Halvor Pharma"] * 2,
        "Red Cross",
        "Ana Berg",
    ]
    with Store(tmp_path / "corpus.qlab") as store:  # the quotes alone, no speaker
        bare = [a.with_(speaker=None, speaker_name=None) for a in suggested]
        store.add_article(article, bare, tokenize(ARTICLE))
        session = ReviewSession(store)
        session.open(store.article_ids()[0])
        for i, a in enumerate(suggested):
            session.choose(i)
            assert session.current.quote == a.quote
            session.apply(session.label("speaker", mouse=a.speaker))
            assert session.current.speaker == a.speaker
            assert session.current.speaker_name == a.speaker_name
