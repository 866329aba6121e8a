"""The whole review flow by keys only, on the sample; then the corpus on disk and the
export hold exactly those decisions, also after closing and reopening the app."""

import json

import pytest

from core.corpus.store import Store
from core.formats.export import export_jsonl
from core.measure.evaluate import trim
from core.model import QuoteType, Span, State, Status
from tests.conftest import SAMPLE_GOLD
from tests.gui.conftest import press
from tests.gui.keys_to_gold import read_gold, to_gold


def spans_text(w, a):
    t = w.session.article.text
    return {k: (t[s.start : s.end] if s else None) for k, s in a.spans().items()}


@pytest.mark.slow
def test_review_by_keys_then_export_and_reopen(make_window, sample_copy, tmp_path):
    w = make_window(sample_copy)
    assert (
        w.session.current is not None
        and spans_text(w, w.session.current)["quote"] == "went very well"
    )

    # accept the first two, reject the third (pretend it is wrong)
    press(w, "A", "A")
    assert w.session.index == 2
    press(w, "X")
    first3 = w.session.attrs[:3]
    assert [a.state for a in first3] == [State.ACCEPTED, State.ACCEPTED, State.REJECTED]

    # X moved on to the next suggestion; J and K step through them
    press(w, "J", "K")
    experts = w.session.current
    assert spans_text(w, experts)["speaker"] == "Experts"
    press(w, ",")
    assert spans_text(w, w.session.current)["quote"].endswith("invasion")
    press(w, ".", ".")
    assert spans_text(w, w.session.current)["quote"].endswith("invasion of\n\nUkraine")

    # fix a speaker: put the token cursor on "Experts"' cue and label the cue's neighbour
    press(w, "Tab")
    assert w.session.target == "speaker"
    press(w, "M")  # next candidate mention
    changed = spans_text(w, w.session.current)["speaker"]
    assert changed != "Experts"
    press(w, "Ctrl+Z")
    assert spans_text(w, w.session.current)["speaker"] == "Experts"
    press(w, "Ctrl+Shift+Z")
    assert spans_text(w, w.session.current)["speaker"] == changed
    press(w, "Ctrl+Z")

    # type change
    press(w, "2")
    assert w.session.current.type is QuoteType.MIXED
    press(w, "3")
    assert w.session.current.type is QuoteType.INDIRECT

    # add a missed quote with its speaker, by the token cursor
    text = w.session.article.text
    target = text.index("Trump's recap")
    while w.session.tokens[w.session.cursor][0] < target:
        press(w, "Down") if w.session.tokens[w.session.cursor][0] < target - 200 else press(
            w, "Right"
        )
    assert text[w.session.tokens[w.session.cursor][0] :].startswith("Trump")
    press(w, "Right", "Right")  # past "Trump" and "'s"
    press(w, "V", "Right", "Right", "Right")
    press(w, "Q")
    added = w.session.current
    assert spans_text(w, added)["quote"] == "recap of the call"
    assert added.state is State.ACCEPTED and w.session.target == "speaker"
    # (indirect: no quotation marks) the word before it, where an indirect quote's cue is
    assert text[w.session.cursor_span().start :].startswith("'s")
    press(w, "Left")
    assert text[w.session.cursor_span().start :].startswith("Trump")
    press(w, "V", "S")  # labelling takes a selection, even of one token
    assert spans_text(w, w.session.current)["speaker"] == "Trump"
    assert w.session.current.speaker_name == "Donald Trump"  # the fullest name already in use

    # accept the rest, mark done
    press(w, "Shift+A")
    assert all(a.state is not State.SUGGESTED for a in w.session.attrs)
    press(w, "Shift+D")  # as D (the cheat sheet writes it as a capital): it did nothing
    assert w.store.article(w.session.article.id).status is Status.DONE
    decisions = {
        a.id: (a.state, a.type, spans_text(w, a)["quote"], a.speaker_name) for a in w.session.attrs
    }
    stack_count = len(w.session.stack.done) + len(w.session.stack.undone)
    w.close()

    with Store(sample_copy) as s:
        (art_id,) = s.article_ids()
        on_disk = {
            a.id: (
                a.state,
                a.type,
                s.article(art_id).text[a.quote.start : a.quote.end],
                a.speaker_name,
            )
            for a in s.attributions(art_id)
        }
        assert on_disk == decisions
        out = tmp_path / "out.jsonl"
        export_jsonl(s, out, done_only=True, accepted_only=True)
    (task,) = [json.loads(line) for line in out.read_text().splitlines()]
    accepted = {(q["quote"]["start"], q["speaker_name"]) for q in task["quotes"]}
    assert len(accepted) == sum(1 for v in decisions.values() if v[0] is State.ACCEPTED)
    assert task["answer"] == "accept"

    # reopen: the same decisions, and the undo history is still there
    w2 = make_window(sample_copy)
    assert len(w2.session.stack.done) + len(w2.session.stack.undone) == stack_count
    press(w2, "Ctrl+Z")  # undo "mark done"
    assert w2.store.article(w2.session.article.id).status is Status.IN_PROGRESS
    press(w2, "Ctrl+Shift+Z")
    assert w2.store.article(w2.session.article.id).status is Status.DONE


@pytest.mark.slow
def test_sample_to_its_gold_by_keys(make_window, sample_copy, tmp_path):
    """The whole sample to its gold by keys, whatever the suggester proposed: each key
    is chosen from what the window shows (tests/gui/keys_to_gold.py); at most 18 keys;
    the export holds the gold, speaker names included (so a Shift+A over a wrong
    suggestion fails it)."""
    w = make_window(sample_copy)
    text = w.session.article.text
    gold = read_gold(SAMPLE_GOLD, text)
    pressed = to_gold(w, gold)
    print(f"sample to gold: {len(pressed)} keys: {' '.join(pressed)}")
    assert len(pressed) <= 18, " ".join(pressed)
    out = tmp_path / "gold.jsonl"
    w.close()
    with Store(sample_copy) as s:
        export_jsonl(s, out, done_only=True, accepted_only=True)
    (task,) = [json.loads(line) for line in out.read_text().splitlines()]

    def said(q, kind):
        return text[q[kind]["start"] : q[kind]["end"]] if q[kind] else ""

    def trimmed(span):  # the quote as the scorer sees it: closing punctuation aside
        t = trim(text, span)
        return text[t.start : t.end]

    got = {trimmed(Span.from_dict(q["quote"])): q for q in task["quotes"]}
    for g in gold:
        quote = trimmed(g.quote)
        if g.optional and quote not in got:
            continue
        q = got.pop(quote)
        assert said(q, "speaker") in g.names and q["speaker_name"] == g.speaker_name, quote
        assert said(q, "cue") == g.cue and q["type"] == g.type, quote
    assert got == {}  # nothing but the gold
