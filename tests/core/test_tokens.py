"""The tokenizer's work is linear in the text, whatever the text: spaCy's own tokens
where it is, offsets exact everywhere (issue 19)."""

import random

import pytest
import spacy

from core.tokens import MAX_WORD, doc_of, make_doc, tokenize

_RANDOM = random.Random(19)
_AFFIXES = "([{\"'«“‘$%)]}»”’…!?;:,.\U0001f600"
HOSTILE = {
    "a run of (": lambda n: "(" * n,
    "a run of [ on a JSONL line": lambda n: "[" * n,
    "affixes": lambda n: "".join(_RANDOM.choice(_AFFIXES) for _ in range(n)),
    "'s 'd 'll": lambda n: "".join(_RANDOM.choice(("'s", "'d", "'ll")) for _ in range(n // 2)),
    "a:b:": lambda n: "".join(_RANDOM.choice("ab") + ":" for _ in range(n // 2)),
    "x((([[(x": lambda n: "x" + "".join(_RANDOM.choice("([") for _ in range(n)) + "x",
    "emoji": lambda n: "\U0001f600" * n,
}


def _counting_tokenizer():
    """A fresh English tokenizer (no cache) that adds up the work of its searches: the
    square of each string's length (a search may scan, and backtrack over, all of it)."""
    tokenizer = spacy.blank("en").tokenizer
    work = [0]
    for name in ("prefix_search", "suffix_search", "url_match"):
        search = getattr(tokenizer, name)

        def counted(s, search=search):
            work[0] += len(s) ** 2
            return search(s)

        setattr(tokenizer, name, counted)
    return tokenizer, work


@pytest.mark.slow
@pytest.mark.parametrize("hostile", HOSTILE)
def test_the_tokenizers_work_is_linear_on_hostile_words(hostile):
    tokenizer, work = _counting_tokenizer()
    for n in (4_000, 16_000):
        text = f"He said {HOSTILE[hostile](n)} said Bob.\n"
        work[0] = 0
        doc = doc_of(tokenizer, text)
        assert work[0] <= 10 * MAX_WORD * len(text), (hostile, n, work[0] / len(text))
        assert doc.text == text  # offsets exact: the tokens tile the text
        assert [t.text for t in doc[:2]] == ["He", "said"] and doc[-3].text == "Bob"
        assert all(text[t.idx : t.idx + len(t)] == t.text for t in doc)


def test_ordinary_text_is_tokenized_as_spacy_does():
    tokenizer = spacy.blank("en").tokenizer
    text = (
        "“We won’t go,” said Dr. O’Neill (D-N.Y.) on 3/4/2025 at 10:30 a.m.; see "
        "https://example.com/a/b?c=d&e=f#g, mail me@example.org :-) — 50% of $3.5bn... "
        "state-of-the-art U.S.-led talks!!! (((really))) \U0001f600\U0001f600\n\n"
        "Under-secretary-general-designate-elect's speech-writer-in-chief said so."
    )
    assert [(t.idx, t.text, t.whitespace_) for t in make_doc(text)] == [
        (t.idx, t.text, t.whitespace_) for t in tokenizer(text)
    ]
    assert tokenize(text) == [(t.idx, t.idx + len(t)) for t in tokenizer(text) if not t.is_space]
