"""The kill harness (issue 19): QuoteLab's writers killed at random, and after each kill
the corpus checked for anything lost. ``make torture KILLS=1000 SEED=1``; not part of
``make test``.

A run builds one corpus (``tests/data/articles`` imported with suggestions: the model's
only load besides the few import children that suggest), then copies it for each child
process. A child drives the public core API as the app does: review verbs through a
:class:`ReviewSession`, undo and redo, speaker rename and merge (``speaker_edit``), and
the jobs the app and the command line run: imports (``import_paths``), exports to fixed
paths (``export``) and backups (``Store.backup``). It writes a line on a pipe before each
action and another once the call has returned (the action is then *acknowledged*).
It is killed (the mode, in turn):

- ``time``: at a random moment after its first action began;
- ``acks``: once it acknowledged its Nth action;
- ``pwrite``, ``fsync``, ``rename``: at its Nth ``pwrite64``, ``fsync``/``fdatasync``/``sync``,
  ``rename``/``renameat``/``renameat2`` (strace's fault injection, where strace is
  installed; N from a calibration run);
- ``eio`` (not a kill): its Nth ``pwrite64``, ``fdatasync`` or ``fsync`` fails with EIO
  once, and it goes on: what then returned an error must have saved nothing, and the
  rest is checked as after a kill.

After each kill the corpus must pass the full check (``Store(check=True)``) and ``PRAGMA
integrity_check``; every acknowledged decision is in the log; the log, replayed over
the first corpus from each change's before and after records, gives the tables; undo
and redo work after reopening; each acknowledged import's articles are there; each
export path holds a whole export (the last acknowledged one, or the one in flight when
the child died), and each backup is a sound copy of the corpus as it was.

    .venv/bin/python -m tools.torture --kills 200 --seed 1
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TextIO

from core.corpus import queries
from core.corpus.errors import CorpusError
from core.corpus.store import Store
from core.formats.export import export
from core.formats.files import ExportError
from core.formats.imported import Imported
from core.formats.ingest import ImportReport, import_paths
from core.formats.reading import read_file
from core.model import QuoteType
from core.review import speaker_edit
from core.review.session import TARGETS, Outcome, Pending, ReviewSession
from core.suggest import Suggester

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "data" / "articles"
#: The syscalls each fault-injection mode kills at (strace counts each one apart).
STRACE = {
    "pwrite": ("pwrite64",),
    "fsync": ("fsync", "fdatasync", "sync"),
    "rename": ("rename", "renameat", "renameat2"),
}
#: Syscalls that may fail with EIO (one of them, once, in mode ``eio``): the child goes on.
FAILING = ("pwrite64", "fdatasync", "fsync")
MODES = ("time", "acks", *STRACE, "eio")
#: Where a child exports each format (one path per format, written over and over).
EXPORTS = {"jsonl": "out.jsonl", "csv": "out.csv", "brat": "brat", "spacy": "spacy"}
EXPORT_WEIGHTS = (4, 3, 4, 1)  # a spaCy export imports spaCy: a second of CPU
#: A child's actions: kind and weight.
ACTIONS = {
    "review": 60,
    "undo": 10,
    "redo": 5,
    "speakers": 5,
    "import": 10,  # (only in children that load spaCy)
    "export": 10,
    "backup": 5,
}
#: The share of children that import and export spaCy (they load spaCy's tokenizer).
SPACY = 0.15
HANG_S = 120.0
CORPUS = "corpus.qlab"


def digest(path: Path) -> str | None:
    """A hash of a file, or of a folder's files and their names; None if absent."""
    if not path.exists():
        return None
    h = hashlib.sha256()
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for f in files:
        h.update(f"{f.relative_to(path)}\0".encode() + f.read_bytes() + b"\0")
    return h.hexdigest()


# -- the child: actions on a corpus, each reported once it returned ---------------------------


def synthetic(tag: str, count: int) -> str:
    """JSON lines of ``count`` new articles, each with two suggested quotes (speaker,
    cue and name), unique to ``tag``."""
    lines = []
    for i in range(count):
        text = f"Torture {tag} {i}\n\n"
        quotes = []
        for q in range(2):
            said = f'"Line {q} of {tag} {i} is here," Speaker{q} Person{i} said. '
            at = len(text)
            quote = (at + 1, at + said.index(",", said.index("here")))
            speaker = (at + said.index("Speaker"), at + said.index(" said"))
            cue = (speaker[1] + 1, speaker[1] + 5)
            quotes.append(
                {
                    "quote": {"start": quote[0], "end": quote[1]},
                    "speaker": {"start": speaker[0], "end": speaker[1]},
                    "cue": {"start": cue[0], "end": cue[1]},
                    "speaker_name": f"Speaker{q} Person{i}",
                }
            )
            text += said
        lines.append(json.dumps({"text": text.rstrip(), "quotes": quotes}))
    return "\n".join(lines) + "\n"


Verb = Callable[[ReviewSession, random.Random], Outcome]


def _edge(s: ReviewSession, rng: random.Random) -> Outcome:
    s.cycle_target(rng.randrange(len(TARGETS)))
    return s.move_edge(rng.choice(("start", "end")), rng.choice((-1, 1)))


def _new_quote(s: ReviewSession, rng: random.Random) -> Outcome:
    if s.article is None:
        return "no article"
    s.cursor_to(rng.randrange(len(s.article.text)))
    s.select_sentence(clause=rng.random() < 0.5)
    return s.label("quote")


def _cue(s: ReviewSession, rng: random.Random) -> Outcome:
    if s.article is None:
        return "no article"
    s.cursor_to(rng.randrange(len(s.article.text)))
    s.toggle_selection()
    return s.label("cue")


#: Review verbs, as keys reach them (ReviewSession's edits).
REVIEW: dict[str, Verb] = {
    "accept": lambda s, rng: s.accept(),
    "reject": lambda s, rng: s.reject(),
    "type": lambda s, rng: s.set_type(rng.choice(list(QuoteType))),
    "edge": _edge,
    "candidate": lambda s, rng: s.candidate(rng.choice((1, -1))),
    "same speaker": lambda s, rng: s.same_speaker(),
    "name": lambda s, rng: s.rename(rng.choice(("Ana Ruiz", "the mayor", "Police", ""))),
    "delete": lambda s, rng: s.delete(),
    "quote": _new_quote,
    "cue": _cue,
    "accept all": lambda s, rng: s.accept_all(),
    "done": lambda s, rng: s.done(),
}


@dataclass(frozen=True)
class Plan:
    """What a child does: ``steps`` actions drawn from ``seed``; first an import with
    suggestions (``model``: it loads the model); first an import, and more of them and
    spaCy exports among its actions (``spacy``: both load spaCy's tokenizer, a second
    of CPU)."""

    seed: str
    steps: int
    model: bool = False
    spacy: bool = False

    def argv(self) -> list[str]:
        flags = [f"--{f}" for f in ("model", "spacy") if getattr(self, f)]
        return ["--child-seed", self.seed, "--steps", str(self.steps), *flags]


class Child:
    """One child's actions on its corpus: each reported on ``acks`` before it starts
    (``begin``) and after it returned (``ack``; ``fail`` if it returned an error)."""

    def __init__(self, store: Store, plan: Plan, work: Path, acks: TextIO) -> None:
        self.store = store
        self.db = str(store.path)
        self.plan = plan
        self.rng = random.Random(plan.seed)
        self.work = work
        self.acks = acks
        self.tag = plan.seed
        self.session = ReviewSession(store)

    def say(self, event: str, n: int, verb: str, **data: Any) -> None:
        self.acks.write(json.dumps({"event": event, "n": n, "verb": verb, **data}) + "\n")
        self.acks.flush()

    def run(self) -> None:
        if self.plan.model:
            self.model_import(0)
        if self.plan.spacy:
            self.import_(0)
        kinds = [k for k in ACTIONS if self.plan.spacy or k != "import"]
        weights = [ACTIONS[k] for k in kinds]
        act = {
            "review": self.review,
            "undo": self.undo,
            "redo": self.redo,
            "speakers": self.speakers,
            "import": self.import_,
            "export": self.export,
            "backup": self.backup,
        }
        for n in range(1, self.plan.steps + 1):
            for _ in range(10):  # until something could be done
                if act[self.rng.choices(kinds, weights)[0]](n):
                    break

    def apply(self, n: int, verb: str, pending: Pending) -> bool:
        self.say("begin", n, verb)
        delta = self.session.apply(pending)
        cmd = pending.command
        if delta.error:
            self.say("fail", n, verb, error=delta.error)
        elif cmd.log_id is not None:  # (else refused by the store's own check: not written)
            self.say("ack", n, verb, log=cmd.log_id, kind="edit", label=cmd.label)
        return True

    def review(self, n: int) -> bool:
        s, rng = self.session, self.rng
        if s.article is None or rng.random() < 0.1:
            s.open(rng.choice(self.store.article_ids()))
        elif s.attrs and rng.random() < 0.5:
            s.choose(rng.randrange(len(s.attrs)))
        verb = rng.choice(list(REVIEW))
        outcome = REVIEW[verb](s, rng)
        return not isinstance(outcome, str) and self.apply(n, verb, outcome)

    def undo(self, n: int) -> bool:
        return self._history(n, "undo")

    def redo(self, n: int) -> bool:
        return self._history(n, "redo")

    def _history(self, n: int, kind: str) -> bool:
        stack = self.session.stack
        ours = stack.done if kind == "undo" else stack.undone
        if not ours:
            return False
        ref = ours[-1].log_id
        self.say("begin", n, kind)
        delta = self.session.undo() if kind == "undo" else self.session.redo()
        if delta.error:
            self.say("fail", n, kind, error=delta.error)
        else:
            self.say("ack", n, kind, log=queries.last_decision(self.store), kind=kind, ref=ref)
        return True

    def speakers(self, n: int) -> bool:
        names = [s.name for s, _ in queries.speaker_counts(self.store)]
        if not names:
            return False
        rng = self.rng
        old = rng.sample(names, min(len(names), rng.choice((1, 2))))
        into = rng.choice(names) if rng.random() < 0.5 else f"Speaker {self.tag} {n}"
        cmd = speaker_edit.merge(self.store, old, into)
        if cmd is None:
            return False
        return self.apply(n, "merge" if len(old) > 1 else "rename", Pending(cmd))

    def job(self, n: int, verb: str, run: Callable[[], object], **data: Any) -> bool:
        """A job on the corpus (the app runs them in the background: import, export,
        backup); acknowledged once it returned, with everything done."""
        self.say("begin", n, verb, **data)
        try:
            report = run()
        except (CorpusError, ExportError) as exc:
            self.say("fail", n, verb, error=str(exc), **data)
            return True
        if isinstance(report, ImportReport) and not report.complete:
            self.say("fail", n, verb, error="; ".join(report.lines()), **data)
        else:
            done = {"digest": digest(Path(data["path"]))} if verb == "export" else {}
            self.say("ack", n, verb, **data, **done)
        return True

    def import_(self, n: int) -> bool:
        f = self.work / f"import-{n}.jsonl"
        f.write_text(synthetic(f"{self.tag}-{n}", self.rng.randint(1, 3)))
        self.job(n, "import", lambda: import_paths(self.store, [f], None), files=[str(f)])
        self.session.refresh()
        return True

    def model_import(self, n: int) -> None:
        """Import articles with suggestions: this child loads the model."""
        files = []
        for i, src in enumerate(self.rng.sample(sorted(ARTICLES.glob("*.txt")), 2)):
            f = self.work / f"model-{i}.txt"
            f.write_text(f"Torture {self.tag} {i}: {src.read_text()}")
            files.append(f)
        run = partial(import_paths, self.store, files, Suggester())
        self.job(n, "import", run, files=list(map(str, files)))
        self.session.refresh()

    def export(self, n: int) -> bool:
        formats = [f for f in EXPORTS if self.plan.spacy or f != "spacy"]
        fmt = self.rng.choices(formats, EXPORT_WEIGHTS[: len(formats)])[0]
        path = str(self.work / EXPORTS[fmt])
        return self.job(n, "export", partial(export, self.store, path, fmt), path=path, fmt=fmt)

    def backup(self, n: int) -> bool:
        path = str(self.work / f"backup-{n}.qlab")
        last = queries.last_decision(self.store)
        return self.job(n, "backup", partial(self.store.backup, path), path=path, last=last)


def child_main(work: Path, plan: Plan, ack_fd: int) -> None:
    with os.fdopen(ack_fd, "w") as acks:
        try:
            store = Store(work / CORPUS)
        except CorpusError as exc:  # (an I/O error at open is said, as the app says it)
            acks.write(
                json.dumps({"event": "fail", "n": 0, "verb": "open", "error": str(exc)}) + "\n"
            )
            return
        with store:
            Child(store, plan, work, acks).run()


# -- the parent: a child started, killed, and its corpus checked ------------------------------


@dataclass
class Base:
    """The corpus every child starts from, as records by (table, id) (what
    ``Store.current`` reads), and its last decision."""

    path: Path
    records: dict[tuple[str, int], Any]
    last: int
    model_s: float  # how long its import with suggestions took (the model loaded)


def records(store: Store) -> dict[tuple[str, int], Any]:
    """Every article's status and every attribution, as the store's records."""
    found: dict[tuple[str, int], Any] = {}
    for art in store.article_ids():
        found["article", art] = store.current("article", art)
        for a in store.attributions(art):
            assert a.id is not None
            found["attribution", a.id] = store.current("attribution", a.id)
    return found


def make_base(path: Path, given: Path | None) -> Base:
    started = time.monotonic()
    if given is not None:
        shutil.copyfile(given, path)
    else:
        with Store(path) as store:
            report = import_paths(store, [ARTICLES], Suggester())
        if not report.complete:
            raise SystemExit("torture: the first corpus could not be built: " + report.lines()[-1])
    with Store(path) as store:
        return Base(path, records(store), queries.last_decision(store), time.monotonic() - started)


@dataclass
class ChildRun:
    """A child as the parent saw it: its events (begin, ack, fail), whether it was
    killed, its exit status and what it wrote on stderr."""

    index: int
    mode: str
    work: Path
    plan: Plan
    how: str  # when it was to be killed
    events: list[dict[str, Any]] = field(default_factory=list)
    killed: bool = False
    status: int | None = None
    stderr: str = ""
    hung: bool = False

    @property
    def acked(self) -> list[dict[str, Any]]:
        return [e for e in self.events if e["event"] == "ack"]

    @property
    def interrupted(self) -> str:
        """What the kill interrupted: an action (an export with its format), else the
        start or the time between two actions."""
        e = self.in_flight
        if e is None:
            return "between actions" if self.events else "the start"
        return f"{e['verb']} {e['fmt']}" if e["verb"] == "export" else e["verb"]

    @property
    def in_flight(self) -> dict[str, Any] | None:
        """The action begun and neither acknowledged nor failed when the child died."""
        last = self.events[-1] if self.events else None
        return last if last is not None and last["event"] == "begin" else None


def child_command(work: Path, plan: Plan, fd: int) -> list[str]:
    tool = [sys.executable, "-m", "tools.torture"]
    return [*tool, "--child", str(work), "--ack-fd", str(fd), *plan.argv()]


def strace(calls: tuple[str, ...], when: int, fault: str = "signal=SIGKILL") -> list[str]:
    names = ",".join(calls)
    inject = f"inject={names}:{fault}:when={when}"
    return ["strace", "-f", "-qq", "-o", "/dev/null", "-e", f"trace={names}", "-e", inject]


def _lines(fd: int, buf: bytearray) -> Iterator[dict[str, Any]] | None:
    """The whole lines read from ``fd`` now (None at its end)."""
    chunk = os.read(fd, 65536)
    if not chunk:
        return None
    buf += chunk
    *whole, rest = bytes(buf).split(b"\n")
    buf[:] = rest
    return (json.loads(line) for line in whole)


def watch(proc: subprocess.Popen[bytes], fd: int, child: ChildRun, kill_at: float | None) -> None:
    """Read the child's events until its pipe closes; in mode ``time`` kill it
    ``kill_at`` seconds after its first event, in mode ``acks`` at its ``kill_at``th
    acknowledged action."""
    buf = bytearray()
    first: float | None = None
    hang = time.monotonic() + HANG_S
    while True:
        deadline = hang
        if child.mode == "time" and first is not None and kill_at is not None:
            deadline = hang if child.killed else min(hang, first + kill_at)
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            child.hung = child.hung or time.monotonic() >= hang
            proc.kill()
            child.killed = True
            hang = time.monotonic() + HANG_S
            continue
        got = _lines(fd, buf)
        if got is None:
            break
        for event in got:
            child.events.append(event)
            first = first or time.monotonic()
            if child.mode == "acks" and not child.killed and len(child.acked) == kill_at:
                proc.kill()
                child.killed = True
    child.status = proc.wait()
    child.killed = child.status == -signal.SIGKILL


def _nth(rng: random.Random, per_step: dict[str, float], calls: tuple[str, ...], steps: int) -> int:
    """Which call to inject at: one of those ``steps`` actions make (strace counts to
    65,535)."""
    top = max(per_step.get(c, 0.0) for c in calls) * steps
    return rng.randint(1, max(1, min(round(top), 65535)))


def start_child(
    base: Base,
    work: Path,
    index: int,
    mode: str,
    seed: int,
    per_step: dict[str, float],
    model_every: int,
) -> ChildRun:
    """Copy the corpus for a child, run it and kill it as ``mode`` says: ``per_step``
    is what one action takes (seconds, and each syscall injected), as calibrated."""
    rng = random.Random(f"{seed}-{index}-kill")
    steps = rng.randint(5, 30)
    model = mode in ("time", "acks") and model_every > 0 and rng.randrange(model_every) == 0
    plan = Plan(f"{seed}-{index}", steps, model, spacy=rng.random() < SPACY)
    work.mkdir(parents=True)
    shutil.copyfile(base.path, work / CORPUS)
    read, write = os.pipe()
    cmd = child_command(work, plan, write)
    kill_at: float | None = None
    if mode in STRACE:
        when = _nth(rng, per_step, STRACE[mode], steps)
        cmd = strace(STRACE[mode], when) + cmd
        how = f"at call {when} of {'/'.join(STRACE[mode])}"
    elif mode == "eio":
        call = rng.choice(FAILING)
        when = _nth(rng, per_step, (call,), steps)
        cmd = strace((call,), when, "error=EIO") + cmd
        how = f"call {when} of {call} failed with EIO"
    elif mode == "time":
        each = per_step["spacy seconds" if plan.spacy else "seconds"]
        kill_at = rng.uniform(0, each * steps + (base.model_s if model else 0.0))
        how = f"{kill_at:.3f} s after the first action began"
    else:
        kill_at = rng.randint(1, steps)
        how = f"after {kill_at:.0f} acknowledged actions"
    child = ChildRun(index, mode, work, plan, how)
    with (work / "stderr").open("wb") as err:
        proc = subprocess.Popen(
            cmd, cwd=ROOT, pass_fds=(write,), stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=err,
        )  # fmt: skip
        os.close(write)
        try:
            watch(proc, read, child, kill_at)
        finally:
            os.close(read)
    child.stderr = (work / "stderr").read_text(errors="replace")[-2000:]
    return child


def _to_the_end(base: Base, work: Path, plan: Plan, wrap: list[str]) -> float:
    """Run a child to its end (``wrap``: the command it runs under); the seconds one of
    its actions takes, on average."""
    work.mkdir(parents=True)
    shutil.copyfile(base.path, work / CORPUS)
    read, write = os.pipe()
    cmd = [*wrap, *child_command(work, plan, write)]
    proc = subprocess.Popen(cmd, cwd=ROOT, pass_fds=(write,), stdout=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read, "rb") as events:
        events.read(1)  # the first action begins
        started = time.monotonic()
        events.read()
    proc.wait()
    return (time.monotonic() - started) / plan.steps


def calibrate(base: Base, work: Path, seed: int) -> dict[str, float]:
    """Children run to their end: what one action takes, on average: seconds, and with
    spaCy's loads (for the ``time`` mode); under ``strace -c`` where it is installed,
    calls of each syscall injected."""
    plan = Plan(f"{seed}-calibrate", 30)
    per_step = {
        "seconds": _to_the_end(base, work / "light", plan, []),
        "spacy seconds": _to_the_end(
            base, work / "spacy", Plan(f"{seed}-calibrate", 15, spacy=True), []
        ),
    }
    if shutil.which("strace") is not None:
        summary = work / "strace"
        calls = [c for cs in STRACE.values() for c in cs]
        wrap = ["strace", "-f", "-qq", "-c", "-o", str(summary), f"-etrace={','.join(calls)}"]
        _to_the_end(base, work / "traced", plan, wrap)
        for line in summary.read_text().splitlines():
            parts = line.split()
            if len(parts) >= 5 and parts[-1] in calls and parts[3].isdigit():
                per_step[parts[-1]] = int(parts[3]) / plan.steps
    shutil.rmtree(work)
    return per_step


# -- the checks after a kill ------------------------------------------------------------------


@dataclass
class Verdict:
    """What the checks found wrong after one child."""

    problems: list[str] = field(default_factory=list)
    lost: int = 0  # acknowledged actions not found whole

    def loss(self, what: str) -> None:
        self.lost += 1
        self.problems.append(f"LOST: {what}")


def _article_of(key: tuple[str, int], record: Any) -> int | None:
    if key[0] == "article":
        return key[1]
    return int(record["article_id"]) if key[0] == "attribution" and record else None


def replay(base: Base, decisions: list[dict[str, Any]], store: Store, verdict: Verdict) -> None:
    """The log after the first corpus, replayed over it: each change's before must be
    what the replay holds for that row, and the replay must end where the tables are.
    An article imported meanwhile starts with the attributions its import logged. A row
    of another table (not in the first corpus's records) starts as its first change
    found it, and ends as ``Store.current`` reads it."""
    state = dict(base.records)
    imported: dict[int, int] = {}  # article -> attributions it must hold, by the log
    for d in decisions:
        if d["id"] <= base.last:
            continue
        if d["kind"] == "import":
            imported[d["article_id"]] = d["changes"]["attributions"]
            continue
        for c in d["changes"]:
            key = (c["table"], c["id"])
            art = _article_of(key, c["after"] or c["before"])
            if key in state and state[key] != c["before"]:
                verdict.problems.append(f"decision {d['id']}: {key} was not {c['before']}")
            elif c["before"] is not None and key not in state and art not in (None, *imported):
                verdict.problems.append(f"decision {d['id']}: changes unknown {key}")
            if art in imported and c["table"] == "attribution":
                imported[art] += (c["after"] is not None) - (c["before"] is not None)
            state[key] = c["after"]
    tables = records(store)
    for key in sorted(set(state) | set(tables)):
        if key[0] not in ("article", "attribution"):
            held = store.current(*key)
        else:
            held = tables.get(key)
        want = state.get(key)
        art = _article_of(key, want or held)
        if key not in state and art in imported:
            continue  # imported after the first corpus and never changed since
        if want != held:
            verdict.problems.append(f"replay: {key} is {held}, the log says {want}")
    held_by = Counter(_article_of(k, r) for k, r in tables.items() if k[0] == "attribution")
    for art, n in imported.items():
        if held_by[art] != n:
            verdict.problems.append(
                f"replay: article {art} holds {held_by[art]} attributions, the log {n}"
            )


def check_acked(
    base: Base, child: ChildRun, decisions: list[dict[str, Any]], store: Store, verdict: Verdict
) -> None:
    """Every acknowledged decision in the log, and no other but the one in flight (an
    action that said it failed saved nothing); every acknowledged import's articles in
    the corpus."""
    by_id = {d["id"]: d for d in decisions}
    acked = {e["log"] for e in child.acked if "log" in e}
    flight = child.in_flight
    edits = [d for d in decisions if d["id"] > base.last and d["kind"] != "import"]
    unsaid = [d for d in edits if d["id"] not in acked]
    if unsaid and flight is not None and flight["verb"] not in ("import", "export", "backup"):
        unsaid = unsaid[:-1]  # the action in flight may have been saved
    for d in unsaid:
        verdict.problems.append(
            f"decision {d['id']} ({d['kind']} {d['label']!r}) is saved, but its action was "
            "not acknowledged: it returned an error"
        )
    for e in child.acked:
        if "log" in e:
            d = by_id.get(e["log"])
            if (
                d is None
                or d["kind"] != e["kind"]
                or d["label"] != e.get("label", d["label"])
                or d["ref"] != e.get("ref", d["ref"])
            ):
                verdict.loss(f"action {e['n']} {e['verb']}: decision {e['log']} is {d}")
        for f in e.get("files", ()):
            for item in read_file(Path(f)):
                if (
                    isinstance(item, Imported)
                    and store.find_article(item.article.content_hash) is None
                ):
                    verdict.loss(
                        f"action {e['n']} import: {item.article.source} is not in the corpus"
                    )


def integrity(db: Path) -> str:
    """``PRAGMA integrity_check`` and ``foreign_key_check`` on a read-only connection."""
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        said = conn.execute("PRAGMA integrity_check").fetchone()[0]
        keys = conn.execute("PRAGMA foreign_key_check").fetchall()
        return said if not keys else f"{said}; foreign keys: {keys[:3]}"
    finally:
        conn.close()


def check_exports(child: ChildRun, verdict: Verdict) -> None:
    """Each export path holds the last acknowledged export (none if none was), or the
    one in flight when the child died (made again here from the corpus, which nothing
    changed since it began)."""
    last: dict[str, str | None] = {}
    for e in child.acked:
        if e["verb"] == "export":
            last[e["path"]] = e["digest"]
    flight = child.in_flight
    fresh: dict[str, str | None] = {}
    if flight is not None and flight["verb"] == "export":
        again = child.work / "again" / Path(flight["path"]).name
        again.parent.mkdir(exist_ok=True)
        try:
            with Store(child.work / CORPUS) as store:
                export(store, again, flight["fmt"])
        except (CorpusError, ExportError) as exc:
            verdict.problems.append(f"the export in flight could not be made again: {exc}")
        fresh[flight["path"]] = digest(again)
    for path in sorted(set(last) | set(fresh)):
        held = digest(Path(path))
        if held in (last.get(path), fresh.get(path, last.get(path))):
            continue
        temps = sorted(p.name for p in Path(path).parent.glob(f".{Path(path).name}.*.tmp"))
        what = "gone" if held is None else "neither the old export nor the new one"
        where = f" (beside it: {', '.join(temps)})" if temps else ""
        if path in last:
            verdict.loss(f"export {Path(path).name}: {what}{where}; in flight: {flight}")
        else:
            verdict.problems.append(f"export {Path(path).name}: half-written{where}")


def check_backups(child: ChildRun, verdict: Verdict) -> None:
    """Each acknowledged backup, and the one in flight if it was written, is a sound
    corpus holding the log as it was when the backup began."""
    flight = child.in_flight
    for e in [*child.acked, *([flight] if flight else [])]:
        if e["verb"] != "backup":
            continue
        path = Path(e["path"])
        if not path.exists():
            if e["event"] == "ack":
                verdict.loss(f"backup {path.name}: gone")
            continue
        try:
            with Store(path, read_only=True, check=True) as copy:
                last = queries.last_decision(copy)
                damage = copy.damage
        except CorpusError as exc:
            verdict.loss(f"backup {path.name}: refused ({exc})")
            continue
        ok = integrity(path)
        if last != e["last"] or damage or ok != "ok":
            verdict.loss(
                f"backup {path.name}: last decision {last} (want {e['last']}), {damage}, {ok}"
            )


def check_undo(db: Path, verdict: Verdict) -> None:
    """After reopening, undo takes the last edit back and redo puts it again."""
    with Store(db) as store:
        session = ReviewSession(store)
        if not session.stack.done:
            return
        cmd = session.stack.done[-1]
        for verb, records_of in (("undo", "before"), ("redo", "after")):
            delta = session.undo() if verb == "undo" else session.redo()
            if delta.error:
                verdict.problems.append(f"{verb} after reopening: {delta.error}")
                return
            for c in cmd.changes:
                if store.current(c.table, c.id) != getattr(c, records_of):
                    verdict.problems.append(f"{verb} after reopening left {c.table} {c.id} wrong")


def check(base: Base, child: ChildRun) -> Verdict:
    verdict = Verdict()
    db = child.work / CORPUS
    if child.hung:
        verdict.problems.append(f"the child hung (killed after {HANG_S:.0f} s without a line)")
    if not child.killed and child.status != 0:
        verdict.problems.append(f"the child failed (exit status {child.status}): {child.stderr}")
    for e in child.events:  # (in mode eio, the I/O error is said, as it must)
        if e["event"] == "fail" and (child.mode != "eio" or "changed elsewhere" in e["error"]):
            verdict.problems.append(f"action {e['n']} {e['verb']} returned an error: {e}")
    try:
        with Store(db, check=True) as store:
            if store.damage:
                verdict.problems.append(f"the full check found damage: {store.damage}")
            decisions = store.decisions()
            check_acked(base, child, decisions, store, verdict)
            replay(base, decisions, store, verdict)
    except CorpusError as exc:
        verdict.problems.append(f"the full check refused the corpus: {exc}")
        verdict.lost += len(child.acked)
        return verdict
    ok = integrity(db)
    if ok != "ok":
        verdict.problems.append(f"PRAGMA integrity_check: {ok}")
    check_exports(child, verdict)
    check_backups(child, verdict)
    check_undo(db, verdict)
    return verdict


# -- the run ----------------------------------------------------------------------------------


@dataclass
class Tally:
    """A run's figures."""

    kills: Counter[str] = field(default_factory=Counter)
    survived: Counter[str] = field(default_factory=Counter)  # ran to the end, not killed
    during: Counter[str] = field(default_factory=Counter)  # what each kill interrupted
    loads: Counter[str] = field(default_factory=Counter)  # children that loaded spaCy, the model
    errors: int = 0  # children that met an injected I/O error (and went on)
    failed: int = 0  # actions that returned an error (the I/O error's)
    acked: int = 0
    lost: int = 0
    failures: list[str] = field(default_factory=list)

    def report(self, seconds: float) -> str:
        lines = [
            f"kills: {sum(self.kills.values())} ("
            + ", ".join(f"{m} {self.kills[m]}" for m in MODES if m in self.kills)
            + ")",
            "ran to the end unkilled: "
            + (", ".join(f"{m} {n}" for m, n in sorted(self.survived.items())) or "none"),
            f"children that loaded spaCy: {self.loads['spacy']}, the model: {self.loads['model']}",
            "killed during: " + ", ".join(f"{v} {n}" for v, n in self.during.most_common()),
            f"children that met an I/O error: {self.errors} ({self.failed} actions said it)",
            f"acknowledged actions: {self.acked}",
            f"lost: {self.lost}",
            f"failures: {len(self.failures)}",
            *self.failures,
            f"time: {seconds:.0f} s",
        ]
        return "\n".join(lines)


def torture(
    kills: int,
    seed: int,
    *,
    modes: tuple[str, ...] = MODES,
    start: int = 0,
    model_every: int = 25,
    base_from: Path | None = None,
    workdir: Path | None = None,
    say: Callable[[str], None] = print,
) -> Tally:
    """Kill ``kills`` children (those that run to their end are checked too, and not
    counted) and check each corpus; a failing child's folder is kept in ``workdir``."""
    if shutil.which("strace") is None:
        skipped = [m for m in modes if m in STRACE]
        modes = tuple(m for m in modes if m not in STRACE)
        if skipped:
            say(f"torture: strace is not installed: no {', '.join(skipped)} kills")
    # A RAM disk where there is one: a killed process leaves its writes in the page cache
    # whatever the disk, and the children's syncs then cost nothing on a shared machine.
    ram = Path("/dev/shm")
    work = workdir or Path(
        tempfile.mkdtemp(prefix="quotelab-torture-", dir=ram if ram.is_dir() else None)
    )
    base = make_base(work / "base.qlab", base_from)
    per_step = calibrate(base, work / "calibrate", seed)
    said = ", ".join(f"{k} {v:.3g}" for k, v in per_step.items())
    say(f"torture: seed {seed}, in {work}; an action takes about: {said}")
    tally = Tally()
    index = start
    while sum(tally.kills.values()) < kills and index < start + 3 * kills:
        mode = modes[index % len(modes)]
        child = start_child(base, work / f"{index:05d}", index, mode, seed, per_step, model_every)
        verdict = check(base, child)
        tally.loads.update(k for k in ("spacy", "model") if getattr(child.plan, k))
        if mode == "eio":
            tally.errors += 1
            tally.failed += sum(e["event"] == "fail" for e in child.events)
        else:
            (tally.kills if child.killed else tally.survived)[mode] += 1
        tally.acked += len(child.acked)
        if child.killed:
            tally.during[child.interrupted] += 1
        tally.lost += verdict.lost
        if verdict.problems:
            tally.failures.append(
                f"child {index} ({mode}: {child.how}; {child.plan}; rerun: --seed {seed} "
                f"--modes {mode} --start {index} --kills 1) in {child.work}:\n  "
                + "\n  ".join(verdict.problems)
            )
        else:
            shutil.rmtree(child.work)
        index += 1
    if workdir is None and not tally.failures:
        shutil.rmtree(work)
    return tally


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="torture", description=__doc__.split("\n\n")[0])
    p.add_argument("--kills", type=int, default=100)
    p.add_argument("--seed", type=int, default=1, help="the same seed makes the same children")
    p.add_argument("--start", type=int, default=0, help="the first child's number")
    p.add_argument("--modes", default=",".join(MODES), help=f"of {', '.join(MODES)}")
    p.add_argument(
        "--model-every",
        type=int,
        default=25,
        help="one in N of the time and acks children imports with the model (0: none)",
    )
    p.add_argument("--base", type=Path, help="start each child from this corpus")
    p.add_argument("--workdir", type=Path, help="where the children run (kept for failures)")
    p.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--child-seed", help=argparse.SUPPRESS)
    p.add_argument("--steps", type=int, help=argparse.SUPPRESS)
    p.add_argument("--ack-fd", type=int, help=argparse.SUPPRESS)
    p.add_argument("--model", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--spacy", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child is not None:
        plan = Plan(args.child_seed, args.steps, args.model, args.spacy)
        child_main(args.child, plan, args.ack_fd)
        return 0
    started = time.monotonic()
    tally = torture(
        args.kills,
        args.seed,
        modes=tuple(args.modes.split(",")),
        start=args.start,
        model_every=args.model_every,
        base_from=args.base,
        workdir=args.workdir,
    )
    print(tally.report(time.monotonic() - started))
    return 1 if tally.failures or tally.lost else 0


if __name__ == "__main__":
    sys.exit(main())
