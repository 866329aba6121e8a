"""The command line: ``main.py SUBCOMMAND ...`` runs the core headless.

With no subcommand, ``main.py`` starts the desktop app instead (see main.py).

Conventions: results on stdout, errors and refusals on stderr, exit status 1 when
anything was refused; a ``--db`` that does not exist is an error except for ``import``
or with ``--create``; ``-`` reads stdin (``import``, ``suggest``) or writes stdout
(``export --out``); a progress bar on stderr, on a terminal only, for imports and
exports that run over a second; ``--json`` prints a report as one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from core import __version__
from core.cli import assign as cli_assign
from core.cli import curate as cli_curate
from core.cli import report as cli_report
from core.config import (
    DEFAULT_MODEL,
    default_corpus_path,
    model_name,
    sample_corpus_path,
)
from core.corpus import learning, queries
from core.corpus.errors import CorpusError
from core.corpus.store import Store
from core.formats.export import STDOUT, export
from core.formats.files import ExportError
from core.formats.format import parse_labels
from core.formats.imported import shown
from core.formats.ingest import import_paths
from core.formats.known_speakers import (
    SpeakersListError,
    jsonl_speakers,
    read_speakers,
    write_speakers,
)
from core.formats.registry import DEFAULT, WRITTEN, written_as
from core.formats.shards import suggestion_lines, write_shard
from core.model import State
from core.review import commands, speaker_edit
from core.suggest import AUTO, PARALLEL_WORDS, Suggester, SuggestError

#: The suffixes an export's --out may name its format by.
_SUFFIXES = [s for f in WRITTEN.values() if f.writer is not None for s in f.suffixes]


class _Parser(argparse.ArgumentParser):
    """The command line's parser: a subcommand's ``CORPUS`` argument (``quotelab stats
    c.qlab``, as sqlite-utils and spaCy take their file first) is ``--db``, given once;
    ``import`` takes its corpus as its first path when that is a ``.qlab`` file and more
    paths follow (a corpus is no article to import)."""

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        ns, rest = super().parse_known_args(*args, **kwargs)
        corpus = ns.__dict__.pop("corpus", None)
        paths = getattr(ns, "paths", [])
        if ns.command == "import" and len(paths) > 1 and paths[0].suffix == ".qlab":
            corpus = paths.pop(0)
        if corpus is not None:
            if ns.db is not None and ns.db != corpus:
                self.error(f"two corpora: --db {ns.db} and {corpus}; give one")
            ns.db = corpus
        return ns, rest


def _corpus_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "corpus",
        nargs="?",
        type=Path,
        default=None,
        metavar="CORPUS",
        help="the corpus file (the same as --db)",
    )


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="quotelab",
        description="QuoteLab: label who said what in news articles. With no subcommand "
        "the desktop app starts (on FILE.qlab if one is given).",
    )
    p.add_argument("--version", action="version", version=f"QuoteLab {__version__}")
    p.add_argument(
        "--db",
        type=Path,
        default=None,
        help="corpus file, also given as CORPUS after the subcommand (`quotelab stats "
        f"c.qlab`; default: {default_corpus_path()}; `make run` and --sample use "
        f"{sample_corpus_path()})",
    )
    p.add_argument(
        "--create",
        action="store_true",
        help="create the --db corpus if it does not exist (import always does)",
    )
    p.add_argument(
        "--model",
        default=None,
        help=f"installed spaCy English pipeline for suggestions (default: {DEFAULT_MODEL}; "
        "also QUOTELAB_MODEL)",
    )
    p.add_argument(
        "--sample",
        action="store_true",
        help="app only: open a corpus holding the bundled sample article",
    )
    # subcommands parse with argparse's own parser: only the top level moves CORPUS
    sub = p.add_subparsers(
        dest="command", metavar="SUBCOMMAND", parser_class=argparse.ArgumentParser
    )

    imp = sub.add_parser(
        "import",
        help="import files, folders (recursive), JSONL or brat folders into the corpus "
        "(a first PATH that is a .qlab file, with more after it, is the corpus)",
    )
    imp.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="- reads stdin")
    imp.add_argument(
        "--no-suggest", action="store_true", help="store the articles without suggestions"
    )
    imp.add_argument(
        "--labels",
        "--brat-labels",
        dest="brat_labels",
        type=_labels,
        default=None,
        metavar="MAP",
        help="span labels of another corpus (brat entities, Prodigy spans), e.g. "
        "Statement=quote,Author=speaker; any case (quote/content, speaker/source and cue "
        "are known already); spans of other labels are left out, each named by line",
    )
    imp.add_argument("--json", action="store_true", help="print the report as one JSON object")
    _jobs_argument(imp)

    sug = sub.add_parser(
        "suggest", help="print suggested attributions as JSON lines (nothing is stored)"
    )
    sug.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="- reads stdin")
    _jobs_argument(sug)
    sug.add_argument(
        "--out-dir",
        type=Path,
        metavar="DIR",
        help="write one JSONL shard per input file into DIR (same name) instead of printing",
    )

    done = [f.name for f in WRITTEN.values() if f.scope[0]]
    accepted = [f.name for f in WRITTEN.values() if f.scope[1]]
    everything = [f.name for f in WRITTEN.values() if not any(f.scope)]
    exp = sub.add_parser("export", help="write the corpus as JSONL, spaCy DocBin, CSV or brat")
    _corpus_argument(exp)
    exp.add_argument(
        "--out", required=True, help="the file (a folder for brat) to write; - for stdout"
    )
    exp.add_argument(
        "--format",
        choices=list(WRITTEN),
        default=None,
        help="; ".join(f"{f.name}: {f.help}" for f in WRITTEN.values())
        + f" (default: the one the --out suffix names ({', '.join(_SUFFIXES)}); {DEFAULT.name} "
        "for -; any other suffix, or none, is refused without --format)",
    )
    exp.add_argument(
        "--done-only",
        action="store_true",
        default=None,
        help=f"only articles marked done (the default of {_listed(done)}, training data)",
    )
    exp.add_argument(
        "--accepted-only",
        action="store_true",
        default=None,
        help=f"only accepted attributions (the default of {_listed(accepted)}, training data)",
    )
    exp.add_argument(
        "--all",
        action="store_true",
        help="every article and attribution, unreviewed suggestions too (the default of "
        f"{_listed(everything)}, which carry each status and state); the report line says "
        "what was left out or what is unreviewed",
    )
    exp.add_argument(
        "--excel",
        action="store_true",
        help="start the file with a UTF-8 byte order mark, so a spreadsheet opened by a "
        "double-click reads curly quotes and accents right (csv only)",
    )
    exp.add_argument(
        "--no-tokens",
        action="store_true",
        help="jsonl without what only Prodigy's token-based interfaces read (tokens, "
        "relations, token indices; a sixth of the size): for spaCy, pandas and jq readers; "
        "Prodigy's span and relation interfaces need the full form",
    )
    exp.add_argument("--json", action="store_true", help="print the report as one JSON object")

    bak = sub.add_parser(
        "backup", help="copy the corpus to one file, with every change (also those in -wal)"
    )
    _corpus_argument(bak)
    bak.add_argument("out", type=Path, metavar="OUT", help="the copy to write")

    chk = sub.add_parser(
        "check",
        help="the full check of the corpus file and every row (opening checks only what is "
        "cheap, and the rest after an unclean shutdown); exit status 1 if anything is damaged",
    )
    _corpus_argument(chk)

    spk = sub.add_parser(
        "speakers",
        help="the corpus's known speakers: import a list of people and organisations "
        "(CSV or JSONL: name, kind, aliases, id), or export it",
    )
    actions = spk.add_subparsers(dest="speakers_command", metavar="ACTION", required=True)
    listed = actions.add_parser(
        "import",
        help="add a list's speakers to the corpus (one undoable edit); a list with any bad "
        "line is refused whole, each bad line named",
    )
    _corpus_argument(listed)
    listed.add_argument("file", type=Path, metavar="FILE", help="a .csv or .jsonl list")
    out = actions.add_parser("export", help="write the corpus's known speakers as a list")
    _corpus_argument(out)
    out.add_argument(
        "--out", default=STDOUT, help="a .csv or .jsonl file (default: - prints JSON lines)"
    )

    st = sub.add_parser("stats", help="counts of articles, attributions and speakers")
    _corpus_argument(st)
    st.add_argument("--json", action="store_true", help="print one JSON object")
    lrn = sub.add_parser(
        "learning",
        help="whether the suggestions learn from this corpus's decisions, and what they learned",
    )
    _corpus_argument(lrn)
    switch = lrn.add_mutually_exclusive_group()
    switch.add_argument("--on", dest="switch", action="store_const", const="on", help="learn")
    switch.add_argument(
        "--off", dest="switch", action="store_const", const="off", help="suggest with the rules"
    )
    trn = sub.add_parser(
        "train",
        help="train a tagger on the corpus's done articles and print its figures on a "
        "held-out part of them, beside the rules'; suggestions (import, suggest --db, the "
        "app) use it with the rules from then on when it beats them there",
    )
    _corpus_argument(trn)
    use = trn.add_mutually_exclusive_group()
    use.add_argument(
        "--on", dest="switch", action="store_const", const="on", help="suggest with the last one"
    )
    use.add_argument(
        "--off", dest="switch", action="store_const", const="off", help="suggest with the rules"
    )
    use.add_argument(
        "--show",
        dest="switch",
        action="store_const",
        const="show",
        help="print the last one's figures and whether it is used",
    )
    trn.add_argument(
        "--epochs",
        type=int,
        default=None,
        metavar="N",
        help="epochs at most (default 12; it stops sooner when the held-out F1 stops rising)",
    )
    _corpus_argument(cli_assign.add_parser(sub))
    cli_curate.add_parser(sub)
    cli_report.add_parsers(sub)
    _corpus_argument(sub.choices["report"])
    return p


def _labels(spec: str) -> dict[str, str]:
    try:
        return parse_labels(spec)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def app_corpus(args: argparse.Namespace) -> Path:
    """The corpus the app opens: ``--db``, else the sample's (``--sample``), else the
    default one."""
    if args.db is not None:
        return Path(args.db)
    return sample_corpus_path() if args.sample else default_corpus_path()


def imports_at_start(args: argparse.Namespace) -> bool:
    """Whether the app imports as soon as it opens: on a first run, whose corpus does not
    exist yet, it imports the sample (``--sample``) or offers to."""
    return args.db is None and not app_corpus(args).exists()


def app_argv(argv: list[str], parser: argparse.ArgumentParser) -> list[str]:
    """``main.py FILE.qlab`` (how a file manager opens a corpus: ``Exec=... %f``) means
    ``main.py --db FILE.qlab``: a lone argument that is no subcommand of ``parser`` and
    names a ``.qlab`` or an existing file is the corpus. Anything else (a mistyped
    subcommand) is left for the parser to refuse, never taken for a new corpus."""
    subcommands = next(  # argparse lists its subcommands in no public attribute
        a.choices
        for a in parser._actions  # noqa: SLF001
        if isinstance(a, argparse._SubParsersAction)  # noqa: SLF001
    )
    bare = []
    i = 0
    while i < len(argv):
        if argv[i] in ("--db", "--model"):
            i += 2
            continue
        if not argv[i].startswith("-"):
            bare.append(i)
        i += 1
    if len(bare) != 1 or "--db" in argv:
        return argv
    j = bare[0]
    name = argv[j]
    if name in subcommands or not (name.endswith(".qlab") or Path(name).is_file()):
        return argv
    return [*argv[:j], "--db", name, *argv[j + 1 :]]


def _jobs_argument(parser: argparse.ArgumentParser) -> None:
    def jobs(text: str) -> int:
        n = int(text)
        if n < 0:
            raise argparse.ArgumentTypeError(f"{text}: not a number of processes (0: the default)")
        return n

    parser.add_argument(
        "--jobs",
        type=jobs,
        default=AUTO,
        metavar="N",
        help="processes suggesting: this one and N-1 workers, each loading the pipeline once "
        f"(default 0: every core from {PARALLEL_WORDS:,} words of input on, where it pays, "
        "else this one; with N > 1 workers start only for more than 32 articles)",
    )


def _fail(message: str) -> int:
    print(f"quotelab: error: {message}", file=sys.stderr)
    return 1


@contextmanager
def _progress(what: str) -> Iterator[Callable[[int, int], None]]:
    """A progress callback drawing a bar on stderr: on a terminal only, and only once
    the job has run for a second (tqdm's ``delay``)."""
    from tqdm import tqdm  # type: ignore[import-untyped]

    with tqdm(
        desc=what,
        unit=" articles",
        file=sys.stderr,
        disable=not sys.stderr.isatty(),
        delay=1.0,
        leave=False,
    ) as bar:

        def update(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)
            if done == total:  # drawn even when it comes right after the last update
                bar.refresh()

        yield update


@contextmanager
def _stdin_as_file(paths: list[Path]) -> Iterator[list[Path]]:
    """The paths with ``-`` replaced by a file holding standard input (``stdin.jsonl`` if
    it is JSON lines, else ``stdin.txt``), so stdin passes the same checks as files."""
    if Path("-") not in paths:
        yield paths
        return
    data = sys.stdin.buffer.read()
    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / ("stdin.jsonl" if data.lstrip().startswith(b"{") else "stdin.txt")
        f.write_bytes(data)
        yield [f if p == Path("-") else p for p in paths]


def _learning(store: Store, switch: str | None) -> int:
    """Switch learning on or off (docs/adr/0036); say whether it is, and the last fit."""
    from core.review.learning import current  # numpy: only when asked

    if switch is not None:
        learning.set_learning(store, switch == "on")
    if not learning.learning_on(store):
        print("learning: off (suggestions are the rules' as they are)")
        return 0
    fit = current(store)
    print("learning: on")
    print("\n".join(fit.lines() if fit else ["nothing learned yet: no article is done"]))
    return 0


def _train(store: Store, args: argparse.Namespace) -> int:
    """Train a tagger on the done articles (docs/adr/0041), or switch it, or show it."""
    from core.corpus import training
    from core.measure.training import EPOCHS, Figures, train_corpus
    from core.review.tagger_switch import use_tagger
    from core.suggest.tagger import Progress

    if args.switch in ("on", "off"):
        if training.latest(store) is None:
            return _fail("no tagger trained yet: `train CORPUS` trains one")
        try:
            use_tagger(store, model_name(args.model), args.switch == "on")
        except ValueError as exc:  # trained from another pipeline, or a read-only corpus
            return _fail(str(exc))
    if args.switch is None:
        with _progress("training") as bar:

            def progress(p: Progress) -> None:
                bar(p.done, p.total)

            try:
                figures = train_corpus(
                    store, Suggester(args.model), args.epochs or EPOCHS, progress
                )
            except ValueError as exc:
                return _fail(str(exc))
        print("\n".join(figures.lines()))
    kept = training.latest(store)
    if kept is None:
        print("no tagger trained yet")
        return 0
    if args.switch == "show":
        try:
            print("\n".join(Figures.from_json(kept.figures).lines()))
        except ValueError as exc:
            return _fail(f"the last tagger's figures do not read: {exc}")
    on = training.tagger_on(store)
    print(
        f"tagger {kept.source}: {'on' if on else 'off'} "
        + ("(suggestions are its own, then the rules')" if on else "(suggestions are the rules')")
    )
    return 0


def _open(args: argparse.Namespace) -> Store:
    path = args.db or default_corpus_path()
    if not path.exists() and not (args.create or args.command == "import"):
        raise CorpusError(
            f"{path}: no such corpus (import creates one; --create makes an empty one)"
        )
    return Store(path, check=args.command == "check")


def run(args: argparse.Namespace) -> int:
    try:
        status = _command(args)
        sys.stdout.flush()  # a reader that stopped early shows here, not at the exit
        return status
    except (CorpusError, ExportError, SuggestError) as exc:
        return _fail(str(exc))
    except BrokenPipeError:  # the reader stopped early (`... | head`): not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _command(args: argparse.Namespace) -> int:
    if args.command == "suggest":
        return _suggest(args)
    if args.command in cli_report.COMMANDS:
        return cli_report.run(args)
    if args.command == "curate":  # (corpora of its own, no --db)
        with _progress("curate") as progress:
            return cli_curate.run(args, progress)
    with _open(args) as store:
        if args.command == "check":
            return _check(store)
        try:
            status = _on_store(store, args)
        finally:  # what the open (after an unclean shutdown) or the command found
            for damage in store.damage:
                print(f"quotelab: damaged, left out: {damage}", file=sys.stderr)
        return 1 if store.damage else status  # something was left out: say so


def _on_store(store: Store, args: argparse.Namespace) -> int:
    if args.command == "import":
        return _import(store, args)
    if args.command == "export":
        return _export(store, args)
    if args.command == "backup":
        return _backup(store, args.out)
    if args.command == "speakers":
        return _speakers(store, args)
    if args.command == "assign":
        return cli_assign.run(store, args)
    if args.command == "learning":
        return _learning(store, args.switch)
    if args.command == "train":
        return _train(store, args)
    if args.command == "stats":
        stats = store.stats()
        # by type and top speakers count every attribution not rejected: say how many of
        # those are suggestions nobody has decided yet
        states = stats["attributions_by_state"]
        counted = sum(n for st, n in states.items() if st != State.REJECTED.value)
        stats["unreviewed"] = (
            f"{states.get(State.SUGGESTED.value, 0)} of the {counted} attributions counted "
            "by type and in top_speakers are unreviewed suggestions"
        )
        if args.json:
            print(json.dumps(stats))
        else:
            for k, v in stats.items():
                print(f"{k:24} {_plain(v)}")
        return 0
    return _fail(f"unknown subcommand {args.command!r}")


def _listed(names: list[str]) -> str:
    """``a, b and c``."""
    return " and ".join(filter(None, [", ".join(names[:-1]), *names[-1:]]))


def _check(store: Store) -> int:
    """Print each damaged row (the open ran the full check, so a file SQLite finds
    damaged was refused already) and a summary."""
    for damage in store.damage:
        print(f"damaged: {damage}")
    found = len(store.damage)
    print(f"{store.path}: " + (f"damaged ({found} listed)" if found else "ok"))
    return 1 if found else 0


def _plain(value: Any) -> str:
    """A stats value as a person reads it: ``todo 3, done 1``; ``Ana Ruiz 5, ...``."""
    if isinstance(value, dict):
        return ", ".join(f"{k} {v}" for k, v in value.items()) or "none"
    if isinstance(value, list):
        return ", ".join(" ".join(map(str, item)) for item in value) or "none"
    return str(value)


def _import(store: Store, args: argparse.Namespace) -> int:
    suggester = None if args.no_suggest else Suggester(args.model)
    with _stdin_as_file(args.paths) as paths, _progress("import") as progress:
        report = import_paths(
            store, paths, suggester, progress, brat_labels=args.brat_labels, jobs=args.jobs
        )
        held = [str(p) for p in paths if p not in args.paths]  # the file holding stdin

    def said(text: str) -> str:  # stdin by its name, not by the temporary file's
        return text.replace(held[0], "stdin") if held else text

    for line in map(said, report.lines()):
        if line.startswith(("not imported:", "not applied:", "warning:", "cancelled:", "stopped:")):
            print(f"quotelab: {line}", file=sys.stderr)
        elif not args.json:
            print(line)
    if args.json:
        print(said(json.dumps(report.to_dict(), ensure_ascii=False)))
    return 0 if report.complete else 1


def _export(store: Store, args: argparse.Namespace) -> int:
    folder = args.out.endswith(("/", os.sep)) or Path(args.out).is_dir()
    if args.format is None and folder:  # not a JSONL file named like the folder
        writers = " or ".join(f"--format {f.name}" for f in WRITTEN.values() if f.folder)
        return _fail(f"{args.out}: is a folder; {writers} writes one")
    named = None if args.out == STDOUT else written_as(Path(args.out))
    if args.format is None and args.out != STDOUT and named is None:  # never JSONL unasked
        return _fail(
            f"{args.out}: {Path(args.out).suffix or 'no suffix'} names no export format "
            f"({', '.join(_SUFFIXES)}); give --format"
        )
    fmt = args.format or (named or DEFAULT).name
    if args.all and (args.done_only or args.accepted_only):
        return _fail("--all exports everything; leave out --done-only and --accepted-only")
    with _progress("export") as progress:
        report = export(
            store,
            args.out,
            fmt,
            done_only=False if args.all else args.done_only,
            accepted_only=False if args.all else args.accepted_only,
            progress=progress,
            excel=args.excel,
            tokens=not args.no_tokens,
        )
    message = json.dumps(report.as_json()) if args.json else report.line()
    print(message, file=sys.stderr if args.out == STDOUT else sys.stdout)
    return 0


def _speakers(store: Store, args: argparse.Namespace) -> int:
    """``speakers import FILE`` (one command, nothing half-imported) or ``speakers export``."""
    if args.speakers_command == "import":
        try:
            listed = read_speakers(args.file)
        except SpeakersListError as exc:
            for line in str(exc).splitlines():
                print(f"quotelab: not imported: {line}", file=sys.stderr)
            return 1
        command = speaker_edit.import_known(store, listed, shown(args.file))
        if command is not None:
            commands.apply(store, command)
        said = "" if command else "; the corpus knew them all already"
        print(f"imported {len(listed)} known speaker(s) from {shown(args.file)}{said}")
        return 0
    known = queries.known_speakers(store)
    if args.out == STDOUT:
        sys.stdout.writelines(jsonl_speakers(known))
        return 0
    print(f"wrote {write_speakers(known, Path(args.out))} known speaker(s) to {args.out}")
    return 0


def _backup(store: Store, out: Path) -> int:
    if out.exists():  # (the app's file dialog asks before it replaces a file)
        return _fail(f"{out}: already exists; choose another name, or remove it first")
    store.backup(out)
    print(f"copied {store.path} to {out}")
    return 0


def _learned(db: Path | None, suggester: Suggester) -> tuple[Any, Any, Any]:
    """What the corpus ``db`` learned (its fit, its tagger and how a worker process
    loads that tagger), for ``suggest --db``; nothing without one (the rules as they
    are)."""
    if db is None:
        return None, None, None
    from core.review.learning import current, tagger, tagger_source

    if not db.exists():
        raise CorpusError(f"{db}: no such corpus")
    with Store(db, create=False) as store:
        trained = tagger(store, suggester)
        return current(store), trained, tagger_source(store, trained)


def _suggest(args: argparse.Namespace) -> int:
    problems: list[str] = []
    with _stdin_as_file(args.paths) as paths:
        suggester = Suggester(model_name(args.model))
        learned = _learned(args.db, suggester)
        if args.out_dir is None:
            for line in suggestion_lines(suggester, paths, problems, args.jobs, *learned):
                sys.stdout.write(line)
        else:
            args.out_dir.mkdir(parents=True, exist_ok=True)
            for path in paths:
                lines = suggestion_lines(suggester, [path], problems, args.jobs, *learned)
                write_shard(args.out_dir / path.name, lines)
    for problem in problems:
        print(f"quotelab: {problem}", file=sys.stderr)
    return 1 if problems else 0
