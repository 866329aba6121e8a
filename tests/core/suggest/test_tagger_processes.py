"""With a trained tagger switched on, import suggests on every core (docs/adr/0043):
each worker loads the tagger from the corpus once, read-only, as held by the importing
process, and suggests what one process does."""

import shutil

import pytest

import core.suggest
from core import worker
from core.cli.main import _learned
from core.corpus import queries, training
from core.corpus.integrity import holder_of
from core.corpus.learning import made_by_id
from core.corpus.store import Store
from core.formats.ingest import PARSE_BATCH, import_paths
from core.formats.shards import suggestion_lines
from core.measure.training import train_corpus
from core.model import Article, Status, content_hash
from core.review.learning import CorpusTagger, tagger
from core.suggest import SuggestError, _load, _suggest_run
from tests.conftest import run_main
from tests.training_data import EPOCHS, article, make_corpus

#: Articles to import: six runs of 8, more than one process suggests alone.
ARTICLES = 48


@pytest.fixture(scope="module")
def trained(tmp_path_factory, suggester):
    """A corpus of 12 done articles with a tagger trained on it, switched on."""
    path = make_corpus(tmp_path_factory.mktemp("tagged") / "trained.qlab")
    with Store(path) as store:
        train_corpus(store, suggester, EPOCHS)
        assert training.tagger_on(store)
    return path


def _texts():
    return [article(n)[0] + f"Story {n}.\n" for n in range(20, 20 + ARTICLES)]


def _files(folder):
    """The articles of :func:`_texts`, a file each in ``folder``."""
    files = []
    for n, text in enumerate(_texts()):
        files.append(folder / f"new{n:02}.txt")
        files[-1].write_text(text, encoding="utf-8")
    return files


def _tagger_loads():
    """In a worker: how many times it loaded a tagger."""
    return core.suggest._tagger_of.cache_info().misses


def test_a_worker_loads_the_corpus_tagger_once_and_suggests_what_this_process_does(
    trained, suggester
):
    arts = [Article(text=t, content_hash=content_hash(t)) for t in _texts()[:16]]
    pool = worker.pool(1)
    try:
        with Store(trained) as store:
            here = tagger(store, suggester)
            assert here is not None
            known = tuple(queries.known_speakers(store))
            one = list(suggester.found_many(arts, known=known, tagger=here))
            source = CorpusTagger(trained, here.name, holder_of(trained))
            pool.submit(_load, suggester.model, source).result()
            there = [
                pool.submit(_suggest_run, suggester.model, run, PARSE_BATCH, known, source)
                for run in (arts[:8], arts[8:])
            ]
            assert [found for run in there for found in run.result()] == one
            assert pool.submit(_tagger_loads).result() == 1
            # the tagger's own suggestions are among them
            assert sum(a.made_by.source == here.name for found in one for a in found) >= 16
            replaced = CorpusTagger(trained, "tagger:another", holder_of(trained))
            with pytest.raises(SuggestError, match="switched off or replaced meanwhile"):
                pool.submit(_suggest_run, suggester.model, arts[:8], 32, known, replaced).result()
    finally:
        pool.shutdown()


def _stored(path):
    with Store(path) as store:
        todo = [i for i in store.article_ids() if store.status(i) is Status.TODO]
        out = []
        for art_id in todo:
            by = made_by_id(store, art_id)
            out.append([(a.with_(id=None), by.get(a.id)) for a in store.attributions(art_id)])
        return out


@pytest.mark.slow
def test_import_with_the_tagger_on_two_cores_stores_what_one_does(
    trained, suggester, tmp_path, monkeypatch
):
    files = _files(tmp_path)
    one, two = tmp_path / "one.qlab", tmp_path / "two.qlab"
    shutil.copy(trained, one)
    shutil.copy(trained, two)
    with Store(one) as store:
        assert import_paths(store, files, suggester, jobs=1).complete

    submitted = _watched_pool(monkeypatch)
    with Store(two) as store:
        report = import_paths(store, files, suggester, jobs=2)
    assert report.complete and len(report.imported) == ARTICLES
    assert submitted.count(_load) == 1 and _suggest_run in submitted  # a worker took runs
    got = _stored(two)
    assert got == _stored(one)
    with Store(two, read_only=True) as store:
        name = training.latest(store).source
    assert all(any(made.source == name for _, made in art) for art in got)  # the tagger's


def _watched_pool(monkeypatch):
    """What worker pools are handed from now on; each worker is ready before this
    process runs out of input, so it takes runs."""
    submitted = []
    real = worker.pool

    def pool(workers, *args, **kwargs):
        executor = real(workers, *args, **kwargs)
        submit = executor.submit

        def ready_first(fn, *a, **k):
            future = submit(fn, *a, **k)
            submitted.append(fn)
            if fn is _load:
                future.result()
            return future

        executor.submit = ready_first
        return executor

    monkeypatch.setattr(core.suggest.worker, "pool", pool)
    return submitted


@pytest.mark.slow
def test_suggest_on_the_corpus_with_two_cores_prints_what_one_does(
    trained, suggester, tmp_path, monkeypatch
):
    files = _files(tmp_path)
    learned = _learned(trained, suggester)  # what `main.py suggest --db CORPUS` uses
    assert learned[1] is not None and learned[2] is not None
    problems: list[str] = []
    one = list(suggestion_lines(suggester, files, problems, 1, *learned))
    submitted = _watched_pool(monkeypatch)
    two = list(suggestion_lines(suggester, files, problems, 2, *learned))
    assert submitted.count(_load) == 1 and _suggest_run in submitted  # a worker took runs
    assert two == one and not problems


def test_suggest_into_shards_on_the_corpus_uses_its_tagger(trained, tmp_path):
    text = article(5)[0]
    new = tmp_path / "new.txt"
    new.write_text(text, encoding="utf-8")
    printed = run_main("--db", trained, "suggest", new)
    assert printed.returncode == 0, printed.stderr
    rules = run_main("suggest", new).stdout
    assert printed.stdout != rules
    for args in ((), ("--db", trained)):
        out = tmp_path / f"out{len(args)}"
        done = run_main(*args, "suggest", "--out-dir", out, new)
        assert done.returncode == 0, done.stderr
        assert (out / "new.txt").read_text(encoding="utf-8") == (printed.stdout if args else rules)
