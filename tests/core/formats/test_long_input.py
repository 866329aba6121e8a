"""Long input: a huge paragraph is parsed in bounded memory, a running import stops
within a second of a cancel, also inside one long article."""

import json
import os
import subprocess
import sys
import textwrap
import tracemalloc

import pytest
from spacy.language import Language

from core import worker
from core.corpus.store import Store
from core.formats.import_process import POLL_S, ImportProcess
from core.formats.ingest import PARSE_BATCH, import_paths
from core.model import Article
from core.suggest.paragraphs import MAX_PARAGRAPH, paragraphs
from core.tokens import tokenize
from tests.conftest import ROOT

UNIT = "Officials said the plan would work. "


def test_a_long_paragraph_is_cut_after_sentences_into_bounded_pieces():
    text = "Head Line\n\n" + UNIT * 3000 + "x" * 2500 + " end."
    pieces = paragraphs(Article(text=text, non_body=[]))
    assert all(len(p) <= MAX_PARAGRAPH for _, p in pieces)
    assert all(text[s : s + len(p)] == p for s, p in pieces)  # offsets stay true
    assert "".join(p for _, p in pieces[1:]) == text[len("Head Line\n\n") :]
    whole = [p for _, p in pieces[1:] if not p.startswith("x")]
    assert all(p.endswith("work. ") and p.startswith("Officials") for p in whole[:-1])


MEASURE = textwrap.dedent(
    """
    import resource, sys
    from core.model import Article
    from core.suggest import Suggester
    from core.formats.ingest import PARSE_BATCH
    s = Suggester()
    s.load()
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    text = {unit!r} * {n}
    (found,) = s.suggest_many([Article(text=text)], batch_size=PARSE_BATCH)
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base
    print(len(found), grown // 1024)
    """
)


@pytest.mark.slow
def test_a_long_paragraph_is_parsed_in_bounded_memory():
    # 300 KB in one paragraph: with 20,000-character pieces in batches of 64 the parser
    # grew by about 1 GB; in bounded pieces and batches it stays under 150 MB.
    r = subprocess.run(
        [sys.executable, "-c", MEASURE.format(unit=UNIT, n=300_000 // len(UNIT))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert r.returncode == 0, r.stderr
    found, grown_mb = map(int, r.stdout.split())
    assert found > 8000 and grown_mb < 150, (found, grown_mb)


@Language.component("quotelab_test_parsed")
def _parsed(doc):
    PARSED.append(len(doc.text))
    return doc


PARSED: list[int] = []  # the characters of each piece the pipeline finished


@pytest.mark.slow
def test_a_running_import_stops_within_a_batch_of_cancel_inside_a_long_article(
    tmp_path, corpus, suggester
):
    long = tmp_path / "1_long.txt"
    long.write_text("A Long One\n\n" + UNIT * 20_000 + "\n")  # 720 KB: half a minute to parse
    (tmp_path / "2_after.txt").write_text("After\n\nThe mayor said the bridge would open.\n")
    asked = []
    PARSED.clear()

    def cancelled():
        asked.append(len(PARSED))
        return len(asked) > 40  # parsing is well inside the long paragraph by now

    suggester.nlp.add_pipe("quotelab_test_parsed", last=True)
    try:
        report = import_paths(corpus, [tmp_path], suggester, cancelled=cancelled)
    finally:
        suggester.nlp.remove_pipe("quotelab_test_parsed")
    assert report.cancelled and report.imported == [] and corpus.article_ids() == []
    # parsed after the cancel: the batch in flight at most (about a second's work)
    assert 0 < sum(PARSED[asked[40] :]) <= PARSE_BATCH * MAX_PARAGRAPH < len(UNIT) * 20_000


def _import_peak(folder, n):
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:04}.txt").write_text(f"Title {i}\n\n" + f"Item {i} said the mayor. " * 800)
    with Store(folder / "c.qlab") as store:
        tracemalloc.start()
        try:
            report = import_paths(store, [folder], None)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert len(report.imported) == n
    return peak


def _import_peaks(folder):
    """The peaks of importing 20 and 100 articles, in the process this runs in."""
    tokenize("warm the tokenizer up")
    return _import_peak(folder / "small", 20), _import_peak(folder / "large", 100)


@pytest.mark.slow
def test_importing_many_articles_stays_flat_in_memory(tmp_path):
    # In a process of its own: tracemalloc counts every thread's allocations, and what
    # the suite's earlier tests leave running (pools, their threads) is no import's.
    with worker.pool(1) as pool:
        small, large = pool.submit(_import_peaks, tmp_path).result()
    assert large - small < 700_000, (small, large)  # holding 80 more of 20 KB: 1.7 MB more


@pytest.mark.slow
def test_a_cancelled_import_process_stops_within_a_few_polls_also_inside_one_step(tmp_path):
    db = tmp_path / "c.qlab"
    Store(db).close()
    big = tmp_path / "big.jsonl"  # one record of 3.6 MB: read and checked in one step
    big.write_text(json.dumps({"text": UNIT * 100_000}) + "\n")
    importer = ImportProcess(jobs=1)
    started, asked = [], []

    def cancelled():
        if started:  # the worker is inside the import: cancel, and count the polls
            asked.append(True)
        return bool(started)

    try:
        report = importer.run(db, [big], False, lambda done, total: started.append(done), cancelled)
        assert report.cancelled and report.imported == [] and "cancelled" in report.lines()[-1]
        # stopped within a second of polls (killed once it did not stop by itself)
        assert len(asked) <= 1.0 / POLL_S, len(asked)
        with Store(db) as s:
            assert s.article_ids() == []  # the killed step stored nothing
        small = tmp_path / "small.txt"
        small.write_text("Title\n\nThe mayor said the bridge would open.\n")
        again = importer.run(db, [small], False, lambda done, total: None, lambda: False)
        assert len(again.imported) == 1 and again.complete  # in a new worker
    finally:
        importer.close()
