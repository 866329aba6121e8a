"""How many processes suggest by default: what is fastest for the input (issue 21, item
13): every core from PARALLEL_WORDS words of input on, this process alone below; and
whatever the choice, the suggestions are those of one process, in order."""

import pytest

import core.suggest
from core.cli.main import build_parser
from core.formats.text import parse_text
from core.suggest import AUTO, PARALLEL_WORDS, jobs_for
from tests.conftest import DATA, SAMPLE
from tests.core.suggest.test_suggest_processes import workers_loaded_first


def _articles(words):
    """The real articles, repeated up to ``words`` words."""
    files = [*sorted((DATA / "articles").glob("*.txt")), SAMPLE]
    base = [parse_text(f.read_text(encoding="utf-8"), f.name) for f in files]
    out, total = [], 0
    while total < words:
        art = base[len(out) % len(base)]
        out.append(art)
        total += len(art.text.split())
    return out


def test_every_core_from_the_words_where_it_pays():
    assert jobs_for(0, 2) == jobs_for(PARALLEL_WORDS - 1, 2) == 1
    assert jobs_for(PARALLEL_WORDS, 2) == 2 and jobs_for(10**7, 8) == 8
    assert jobs_for(10**7, 1) == 1 and jobs_for(10**7, 0) == 1


def test_the_command_line_chooses_by_default_and_refuses_a_negative_count(capsys):
    parser = build_parser()
    for command in ("suggest", "import"):
        assert parser.parse_args([command, "a.txt"]).jobs == AUTO
        assert parser.parse_args([command, "a.txt", "--jobs", "2"]).jobs == 2
        with pytest.raises(SystemExit):
            parser.parse_args([command, "a.txt", "--jobs", "-1"])
        assert "not a number of processes" in capsys.readouterr().err


def _pools(monkeypatch, cores):
    """The worker counts of the pools started (real pools) on ``cores`` cores."""
    started = []
    real = core.suggest.worker.pool

    def pool(workers, *args, **kwargs):
        started.append(workers)
        return real(workers, *args, **kwargs)

    monkeypatch.setattr(core.suggest.worker, "pool", pool)
    monkeypatch.setattr(core.suggest, "cores", lambda: cores)
    return started


@pytest.mark.slow
def test_fewer_words_are_suggested_here_alone(suggester, monkeypatch):
    arts = _articles(PARALLEL_WORDS // 2)
    assert len(arts) > 8 * 4  # more runs than a count of processes would start workers for
    one = list(suggester.suggest_many(arts))
    started = _pools(monkeypatch, cores=2)
    assert list(suggester.suggest_many(iter(arts), n_process=AUTO)) == one
    assert started == []


@pytest.mark.slow
def test_from_the_words_where_it_pays_every_core_suggests_what_one_does(suggester, monkeypatch):
    arts = _articles(PARALLEL_WORDS + 2000)
    one = list(suggester.suggest_many(arts))
    started = _pools(monkeypatch, cores=2)
    assert list(suggester.suggest_many(iter(arts), n_process=AUTO)) == one
    assert started == [1]  # this process and one worker
    assert sum(map(len, one)) > 300


@pytest.mark.slow
def test_a_worker_runs_below_its_callers_priority():
    """A worker takes the cores the machine leaves idle: its caller's own runs gate the
    output, and on a busy machine a worker at the same priority took its caller's CPU."""
    import os

    with core.suggest.worker.pool(1, core.suggest._helper) as pool:
        niceness = pool.submit(os.nice, 0).result()
    assert niceness == min(19, os.nice(0) + core.suggest.HELPER_NICE)


@pytest.mark.slow
def test_a_worker_that_gets_no_cpu_holds_nothing_up(suggester, monkeypatch):
    """A worker stopped (as one starved of CPU on a busy machine, its priority lower)
    once it holds runs: this process suggests them itself, the same suggestions, in
    order, instead of waiting for ever."""
    import os
    import signal
    import threading

    arts = _articles(PARALLEL_WORDS + 2000)
    one = list(suggester.suggest_many(arts))
    stopped = []

    def stop_after_first_run(executor, fn):
        if fn is core.suggest._suggest_run and not stopped:
            stopped.extend(executor._processes)
            for pid in stopped:
                os.kill(pid, signal.SIGSTOP)

    workers_loaded_first(monkeypatch, stop_after_first_run)
    got = []
    run = threading.Thread(target=lambda: got.extend(suggester.suggest_many(arts, n_process=2)))
    run.start()
    try:
        run.join(120)
        assert not run.is_alive(), "this process waited on the stopped worker"
    finally:
        for pid in stopped:
            os.kill(pid, signal.SIGCONT)
        run.join()
    assert stopped and got == one
