"""The status bar shows every running job, each with its label, its progress and a
Cancel that stops it alone (a training and an export at once: both seen, either
stopped). A real window, offscreen."""

import threading

from gui.jobs import LABEL_WIDTH


def held(started, release, done, total):
    """A job that says how far it is, then waits until released."""

    def run(progress, _cancelled):
        progress(done, total)
        started.set()
        release.wait(60)

    return run


def test_every_running_job_shows_its_label_progress_and_cancel(make_window, small, qtbot):
    w = make_window(small)
    gates = [(threading.Event(), threading.Event()) for _ in range(2)]
    training = w.jobs.start("Training suggestions", held(*gates[0], 3, 10), apart=True)
    export = w.jobs.start("Exporting", held(*gates[1], 1, 4))
    try:
        rows = [w.jobs.row(training), w.jobs.row(export)]
        assert w.jobs.rows == rows
        qtbot.waitUntil(lambda: [r.progress.value() for r in rows] == [3, 1])
        assert [r.progress.maximum() for r in rows] == [10, 4]  # each its own
        assert [r.label.text() for r in rows] == ["Training suggestions\u2026", "Exporting\u2026"]
        assert all(r.isVisible() and r.cancel_button.isVisible() for r in rows)
        rows[1].cancel_button.click()  # the export's Cancel: the training goes on
        assert export.cancelled and not training.cancelled
        assert w.statusBar().currentMessage() == "Exporting: cancelling\u2026"
    finally:
        gates[1][1].set()
    with qtbot.waitSignal(w.jobs.done, timeout=30_000) as finished:
        pass
    assert finished.args == ["Exporting"] and w.jobs.rows == [rows[0]]
    assert not w.hint.isVisible()  # the message still shows alone, not over the hint
    assert rows[0].isVisible() and w.jobs.jobs == [training]
    gates[0][1].set()
    qtbot.waitUntil(lambda: not w.jobs.rows and not w.jobs.jobs, timeout=30_000)


def test_a_long_label_is_cut_and_its_tooltip_has_all_of_it(make_window, small, qtbot):
    w = make_window(small)
    release = threading.Event()
    label = "Training suggestions from the done articles of a corpus with a long name " * 2
    job = w.jobs.start(label, held(threading.Event(), release, 0, 0), apart=True)
    try:
        row = w.jobs.row(job)
        assert row.label.text().endswith("\u2026") and len(row.label.text()) < len(label)
        assert row.label.sizeHint().width() <= LABEL_WIDTH + 2 * row.label.margin() + 8
        assert row.label.toolTip() == label + "\u2026"
    finally:
        release.set()
    qtbot.waitUntil(lambda: not w.jobs.rows, timeout=30_000)
