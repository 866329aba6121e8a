"""Suggesting on every core: the same suggestions as one process, in order."""

import pytest

from core.formats.text import parse_text
from core.suggest import Suggester, SuggestError
from tests.conftest import DATA, SAMPLE, pool_threads


def _articles():
    """The 11 real articles, three times (33)."""
    files = [*sorted((DATA / "articles").glob("*.txt")), SAMPLE]
    return [parse_text(f.read_text(encoding="utf-8"), f.name) for f in files] * 3


def _counted_here(suggester, monkeypatch):
    """The sizes of the runs this process suggests itself (not in a worker)."""
    here = []
    whole = suggester.found_many

    def counted(articles, *args, n_process=1, **kwargs):
        if n_process == 1:  # a run suggested in this process
            articles = list(articles)
            here.append(len(articles))
        return whole(articles, *args, n_process=n_process, **kwargs)

    monkeypatch.setattr(suggester, "found_many", counted)
    return here


@pytest.mark.slow
def test_two_processes_suggest_what_one_does(suggester, monkeypatch):
    """This process suggests runs itself while the worker starts and whenever the
    oldest run is not back; the worker takes the rest: the same suggestions, in order.
    How much the worker takes is the machine's (it runs at a lower priority: on a busy
    machine it may take none, test_jobs_default's stopped worker)."""
    arts = _articles() * 6  # 198 articles: long enough for the worker to start and join
    one = list(suggester.suggest_many(arts))
    here = _counted_here(suggester, monkeypatch)
    two = list(suggester.suggest_many(iter(arts), n_process=2))
    assert sum(map(len, one)) > 400
    assert two == one
    assert 0 < sum(here) <= len(arts)  # this process did part of it, at least


def workers_loaded_first(monkeypatch, then=lambda executor, fn: None):
    """Each worker's pipeline loaded before the run goes on (on a busy machine a
    worker's start can take longer than this process's whole input); ``then(executor,
    fn)`` after each task handed to the pool."""
    import core.suggest

    real = core.suggest.worker.pool

    def pool(workers, *args, **kwargs):
        executor = real(workers, *args, **kwargs)
        submit = executor.submit

        def submitted(fn, *a, **k):
            future = submit(fn, *a, **k)
            if fn is core.suggest._load:
                future.result()
            then(executor, fn)
            return future

        executor.submit = submitted
        return executor

    monkeypatch.setattr(core.suggest.worker, "pool", pool)


@pytest.mark.slow
def test_a_run_whose_workers_hold_nothing_at_its_end_waits_for_their_pool(suggester, monkeypatch):
    """Its end waits until the pool's manager thread is done (:func:`pool_threads`), as
    the CLI's exit comes next; each worker's run is waited for here (none is given up
    to this process, as on a busy machine, where a worker still holding one is not)."""
    import core.suggest

    monkeypatch.setattr(core.suggest, "_back", lambda sent, *args: sent.future.result())
    workers_loaded_first(monkeypatch)
    arts = _articles() * 3
    before = set(pool_threads())  # (another test's pool may still be ending)
    assert len(list(suggester.suggest_many(iter(arts), n_process=2))) == len(arts)
    assert set(pool_threads()) <= before


@pytest.mark.slow
def test_a_few_articles_start_no_worker(suggester, monkeypatch):
    """Four runs of 8 are done here before a worker could have started."""
    import core.suggest

    def no_pool(*args, **kwargs):
        raise AssertionError("a worker process was started")

    arts = _articles()[:32]
    one = list(suggester.suggest_many(arts))
    monkeypatch.setattr(core.suggest.worker, "pool", no_pool)
    assert list(suggester.suggest_many(arts, n_process=2)) == one
    with pytest.raises(AssertionError, match="worker process was started"):
        list(suggester.suggest_many(_articles()[:33], n_process=2))


@pytest.mark.slow
def test_cancel_stops_the_workers_early(suggester):
    arts = _articles()
    seen = []
    for found in suggester.suggest_many(arts, cancelled=lambda: len(seen) >= 3, n_process=2):
        seen.append(found)
    assert len(seen) == 3


def test_a_missing_model_is_named():
    art = parse_text(SAMPLE.read_text(encoding="utf-8"), "s.txt")
    with pytest.raises(SuggestError, match="no_such_pipeline"):
        list(Suggester("no_such_pipeline").suggest_many([art], n_process=2))


@pytest.mark.slow
def test_cli_writes_shards_on_two_cores_as_one_prints(tmp_path):
    import json
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    shards = []
    # the second shard is long enough (over 4 runs of 8) for a worker to start
    for n, chunk in enumerate((_articles()[:5], _articles()[5:11] * 7)):
        shards.append(tmp_path / f"part-{n}.jsonl")
        shards[-1].write_text(
            "".join(json.dumps({"text": a.text, "meta": a.meta()}) + "\n" for a in chunk),
            encoding="utf-8",
        )
    env = dict(os.environ, QUOTELAB_HOME=str(tmp_path))

    def main(*args):
        return subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "suggest", *args, *map(str, shards)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    printed = main()
    main("--jobs", "2", "--out-dir", str(tmp_path / "out"))
    written = "".join((tmp_path / "out" / s.name).read_text(encoding="utf-8") for s in shards)
    assert len(printed.splitlines()) == 47 and written == printed


@pytest.mark.slow
def test_import_on_two_cores_stores_what_one_process_does(tmp_path, suggester, monkeypatch):
    """Articles that need suggestions and pre-annotated ones, interleaved across files:
    the same articles, ids, attributions and order on one core or two (this process
    suggests part of them, a worker the rest, as much as the machine's load lets it)."""
    import json

    from core.corpus.store import Store
    from core.formats.ingest import import_paths

    arts = _articles()[:11]
    jsonl = tmp_path / "mixed.jsonl"
    lines = []
    for i, a in enumerate(arts[:6]):
        record = {"text": a.text + f"\n\nEdition {i}.", "meta": {"title": f"m{i}"}}
        if i % 2:
            record["quotes"] = []  # annotated: never suggested, stored in its place
        lines.append(json.dumps(record))
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    texts = []
    for i in range(130):  # distinct texts, enough for the worker to start and join
        texts.append(tmp_path / f"t{i}.txt")
        texts[-1].write_text(arts[i % 11].text + f"\n\nPrinted {i}.", encoding="utf-8")
    here = _counted_here(suggester, monkeypatch)

    def corpus(jobs):
        with Store(tmp_path / f"c{jobs}.qlab") as s:
            report = import_paths(s, [jsonl, *texts], suggester, jobs=jobs)
            assert report.complete
            return [(s.article(i).text, s.attributions(i)) for i in s.article_ids()]

    one = corpus(1)
    assert len(one) == 136 and sum(len(attrs) for _, attrs in one) > 500
    assert [len(attrs) for _, attrs in one][1:6:2] == [0, 0, 0]
    here.clear()
    assert corpus(2) == one
    assert 0 < sum(here) <= 133  # this process did part of it, at least
