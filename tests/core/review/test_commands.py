import pytest

from core.corpus.store import Store
from core.model import QuoteType, Span, SpanError, State, Status
from core.review import commands as cmd


@pytest.fixture
def store(sample_corpus):
    with Store(sample_corpus) as s:
        yield s


def _first(store):
    art_id = store.article_ids()[0]
    return art_id, store.attributions(art_id)[0]


def _text(store, art_id, span):
    return store.article(art_id).text[span.start : span.end]


def test_apply_revert_reapply_and_log(store):
    art_id, a = _first(store)
    c = cmd.set_state(store, a.id, State.ACCEPTED)
    assert cmd.apply(store, c) == c.log_id == store.decisions()[-1]["id"]
    assert [(ch.table, ch.id) for ch in c.changes] == [("attribution", a.id), ("article", art_id)]
    assert store.attribution(a.id)[1].state is State.ACCEPTED
    assert store.article(art_id).status is Status.IN_PROGRESS  # first edit starts the article
    cmd.revert(store, c)
    assert store.attribution(a.id)[1].state is State.SUGGESTED
    assert store.article(art_id).status is Status.TODO
    cmd.reapply(store, c)
    assert store.attribution(a.id)[1].state is State.ACCEPTED
    kinds = [d["kind"] for d in store.decisions()]
    assert kinds[-3:] == ["edit", "undo", "redo"]
    assert all(d["annotator"] == "tester" for d in store.decisions())


def test_no_op_edits_make_no_command(store):
    _, a = _first(store)
    assert cmd.set_state(store, a.id, State.SUGGESTED) is None
    assert cmd.set_type(store, a.id, a.type) is None


@pytest.mark.slow
def test_move_edges_snap_to_tokens(store):
    art_id, a = _first(store)
    assert _text(store, art_id, a.quote) == "went very well"
    c = cmd.move_edge(store, a.id, "quote", "end", -1)
    cmd.apply(store, c)
    assert _text(store, art_id, store.attribution(a.id)[1].quote) == "went very"
    cmd.apply(store, cmd.move_edge(store, a.id, "quote", "start", +1))
    assert _text(store, art_id, store.attribution(a.id)[1].quote) == "very"
    with pytest.raises(SpanError, match="cannot move"):
        cmd.move_edge(store, a.id, "quote", "start", +1)  # would leave an empty quote
    cmd.apply(store, cmd.move_edge(store, a.id, "quote", "start", -1))
    cmd.apply(store, cmd.move_edge(store, a.id, "quote", "start", -1))
    # the opening mark is its own token
    assert _text(store, art_id, store.attribution(a.id)[1].quote) == '"went very'
    cmd.apply(store, cmd.move_edge(store, a.id, "cue", "end", +1))
    assert _text(store, art_id, store.attribution(a.id)[1].cue) == "said the"


def test_speaker_may_not_overlap_quote(store):
    _, a = _first(store)
    with pytest.raises(SpanError, match="overlap"):
        cmd.set_span(store, a.id, "speaker", a.quote)


def test_add_delete_and_history_survive_reopen(sample_corpus):
    with Store(sample_corpus) as s:
        art_id = s.article_ids()[0]
        text = s.article(art_id).text
        start = text.index("Trump's recap")
        add = cmd.add(s, art_id, cmd.new_manual(Span(start + 8, start + 25)))
        cmd.apply(s, add)
        new_id = add.changes[0].id
        cmd.apply(s, cmd.set_speaker(s, new_id, Span(start, start + 5), "Donald Trump"))
        cmd.apply(s, cmd.set_type(s, new_id, QuoteType.INDIRECT))
        undone = cmd.history(s)[0][-1]
        cmd.revert(s, undone)
        assert s.attribution(new_id)[1].type is QuoteType.DIRECT
    with Store(sample_corpus) as s:
        done, redo = cmd.history(s)
        assert [c.label for c in done] == ["add quote", "speaker Donald Trump"]
        assert [c.label for c in redo] == ["type indirect"]
        cmd.reapply(s, redo[-1])
        assert s.attribution(new_id)[1].type is QuoteType.INDIRECT
        for c in reversed(cmd.history(s)[0]):
            cmd.revert(s, c)
        assert s.attribution(new_id) is None
        cmd.reapply(s, cmd.history(s)[1][-1])  # redo the add: same id comes back
        assert s.attribution(new_id)[1].speaker is None


def test_accept_all_is_one_command(store):
    art_id, _ = _first(store)
    c = cmd.accept_all(store, art_id)
    cmd.apply(store, c)
    assert {a.state for a in store.attributions(art_id)} == {State.ACCEPTED}
    assert cmd.accept_all(store, art_id) is None
    cmd.revert(store, c)
    assert {a.state for a in store.attributions(art_id)} == {State.SUGGESTED}


def test_delete_and_status(store):
    art_id, a = _first(store)
    d = cmd.delete(store, a.id)
    cmd.apply(store, d)
    assert store.attribution(a.id) is None
    cmd.revert(store, d)
    assert store.attribution(a.id)[1] == a
    cmd.apply(store, cmd.set_status(store, art_id, Status.DONE))
    assert store.article_summaries()[0].status is Status.DONE


def test_a_quote_may_not_swallow_another_attributions_speaker(store):
    """Moving a quote's end word by word over the next sentence stopped at nothing: it
    took in the next attribution's speaker ("candid.\\" While Trump"), which the export
    then wrote as overlapping QUOTE and SPEAKER spans."""
    art_id = store.article_ids()[0]
    attrs = sorted(store.attributions(art_id), key=lambda a: a.quote.start)
    own = {id(a): [s for s in (a.speaker, a.cue) if s] for a in attrs}

    def clear_way(a, b):  # nothing of a's own, and no quote, between a's quote and b's speaker
        end = b.speaker.end
        return all(s.end <= a.quote.start or s.start >= end for s in own[id(a)]) and not any(
            a.quote.end <= c.quote.start < end for c in attrs
        )

    a, b = next(
        (a, b)
        for a in attrs
        for b in attrs
        if b is not a and b.speaker and b.speaker.start >= a.quote.end and clear_way(a, b)
    )
    with pytest.raises(SpanError, match=r"overlaps the speaker .* of another attribution"):
        for _ in range(60):
            cmd.apply(store, cmd.move_edge(store, a.id, "quote", "end", +1))
    assert store.attribution(a.id)[1].quote.end <= b.speaker.start


def test_a_rejected_suggestion_does_not_block_the_real_quote():
    from core.model import Attribution, check_attributions

    quote, speaker = Span(0, 20), Span(5, 8)
    wrong = Attribution(Span(30, 40), speaker, None, state=State.REJECTED)
    check_attributions([Attribution(quote), wrong], 50)
    with pytest.raises(SpanError, match="of another attribution"):
        check_attributions([Attribution(quote), wrong.with_(state=State.ACCEPTED)], 50)


def test_an_undo_whose_write_failed_can_be_undone_again(store, sample_corpus):
    """A write that fails (here the log's row-id counter at its maximum, as a full disk
    would) leaves the command on its stack: the next undo undoes it (it was dropped, and
    the one under it was undone instead)."""
    import sqlite3

    from core.corpus.errors import CorpusError

    stack = cmd.UndoStack(store)
    art_id, a = _first(store)
    stack.apply(cmd.set_state(store, a.id, State.ACCEPTED))
    stack.apply(cmd.set_type(store, a.id, QuoteType.INDIRECT))
    counter = sqlite3.connect(sample_corpus)
    with counter:
        sql = "SELECT seq FROM sqlite_sequence WHERE name='decisions'"
        (seq,) = counter.execute(sql).fetchone()
        counter.execute("UPDATE sqlite_sequence SET seq=? WHERE name='decisions'", (2**63 - 1,))
    with pytest.raises(CorpusError):
        stack.undo()
    assert store.attribution(a.id)[1].type is QuoteType.INDIRECT  # nothing written
    with counter:
        counter.execute("UPDATE sqlite_sequence SET seq=? WHERE name='decisions'", (seq,))
    counter.close()
    assert stack.undo() is not None
    after = store.attribution(a.id)[1]
    assert after.type is not QuoteType.INDIRECT and after.state is State.ACCEPTED
