"""The first-run question names the corpus it fills and, when it is another file, the
sample corpus that `make run` filled (a plain start opens corpus.qlab, and a user took
their reviewed sample for lost)."""

from PySide6.QtWidgets import QMessageBox

from core.config import sample_corpus_path
from core.corpus.store import Store


def test_the_sample_offer_names_the_corpus_and_where_the_sample_corpus_is(
    make_window, tmp_path, qtbot
):
    corpus = tmp_path / "my {corpus}.qlab"  # braces: shown as they are
    w = make_window(corpus)
    box = w.offer_sample()
    assert f"This corpus is empty: {corpus}" in box.text()
    assert "sample corpus" not in box.text()  # none made yet: nothing to point to
    box.button(QMessageBox.StandardButton.No).click()
    sample = sample_corpus_path()
    sample.parent.mkdir(parents=True, exist_ok=True)
    Store(sample).close()  # `make run` made it before
    box = w.offer_sample()
    assert f"The sample corpus of `make run` (main.py --sample) is another file, {sample}" in (
        box.text()
    )
    assert "Ctrl+O" in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    assert w.articles.model.rowCount() == 0  # No imports nothing
