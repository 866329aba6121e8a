"""The app's import process opens the corpus the app holds as held: the app's -wal
beside the file is no unclean shutdown to it (docs/adr/0016); closed, it is gone."""

from pathlib import Path

from core.corpus.store import Store
from core.formats.import_process import ImportProcess
from core.formats.text import parse_text
from core.tokens import tokenize
from tests.conftest import pool_threads
from tests.core.corpus.test_open_cost import _damaged_page


def test_an_import_beside_the_app_holding_the_corpus_runs_no_full_check(tmp_path):
    """Seen by a page of an article the import never reads, damaged so that only the
    full check's quick_check finds it: the import process ran it and was refused."""
    db = _damaged_page(tmp_path / "c.qlab")
    new = tmp_path / "new.txt"
    new.write_text("Title\n\nThe mayor said the bridge would open.\n", encoding="utf-8")
    importer = ImportProcess(jobs=1)
    try:
        with Store(db) as store:  # the window's
            art = parse_text("Second\n\nThe mayor said it twice.", "b.txt")
            store.add_article(art, [], tokenize(art.text))
            assert Path(f"{db}-wal").stat().st_size > 0 and not store.checked
            report = importer.run(db, [new], False, lambda done, total: None, lambda: False)
            assert report.complete and report.imported == [6], report.lines()
            assert store.article(6).title == "Title"
    finally:
        importer.close()


def test_closed_the_import_process_leaves_no_thread_for_the_app_s_exit(tmp_path):
    """Closing waits until its pool's manager thread is done (:func:`pool_threads`)."""
    before = set(pool_threads())  # (another test's pool may still be ending)
    importer = ImportProcess(jobs=1)
    try:
        importer.prepare().result()  # the worker started, the pipeline loaded
        assert set(pool_threads()) - before
    finally:
        importer.close()
    assert set(pool_threads()) <= before
