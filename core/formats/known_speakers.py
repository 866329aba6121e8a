"""Known speakers lists: a newsroom's own people and organisations, as CSV or JSONL
(``name``, ``kind``, ``aliases``, ``id``: an external id such as a Wikidata QID, never
looked up), read into a corpus and written out of one (docs/adr/0024); and who an
imported article's file says its speakers are (:func:`carry_identities`).

A list is untrusted like any file (docs/adr/0007): every line is checked field by
field, and a list with any bad line is refused whole, each bad line named
(``FILE line N: why``), so nothing is half-imported.
"""

from __future__ import annotations

import csv
import io
import json
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from core.config import MAX_IMPORT_BYTES
from core.corpus import queries
from core.corpus.store import Store
from core.formats.csv_rows import cell, uncell
from core.formats.decoding import decode
from core.formats.files import written_file
from core.formats.format import SPEAKER_KINDS
from core.formats.imported import ImportProblem, shown
from core.formats.jsonl import _load, jsonl_lines
from core.model import Speaker, SpeakerKind
from core.review import commands, speaker_edit
from core.suggest.registry import kind_of

#: The columns of a CSV list (its header) and the keys of a JSONL one.
COLUMNS = ("name", "kind", "aliases", "id")
#: Between a CSV list's aliases (a JSONL list has a JSON list).
ALIAS_SEPARATOR = "|"
#: The longest name, alias or id a list may hold (characters).
MAX_FIELD = 300


class SpeakersListError(Exception):
    """A list refused whole; the message names each bad line (or the file) and why."""


def read_speakers(path: Path) -> list[Speaker]:
    """The speakers of a CSV (``.csv``) or JSONL (``.jsonl``, ``.ndjson``) list, in its
    order; SpeakersListError naming every bad line if any line is bad."""
    name = shown(path)
    rows = _csv_rows if path.suffix.lower() == ".csv" else _jsonl_rows
    if path.suffix.lower() not in (".csv", ".jsonl", ".ndjson"):
        raise SpeakersListError(f"{name}: a speakers list is a .csv or a .jsonl file")
    text = _text(path, name)
    speakers: list[Speaker] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    try:
        for n, record in rows(text):
            try:
                s = _speaker(record)
            except ValueError as exc:
                problems.append(f"{name} line {n}: {exc}")
                continue
            if s.name in seen:
                again = f"{s.name!r} is listed already (line {seen[s.name]})"
                problems.append(f"{name} line {n}: {again}")
                continue
            seen[s.name] = n
            speakers.append(s)
    except ValueError as exc:  # the file as a whole (a CSV header)
        problems.append(f"{name}: {exc}")
    if problems:
        raise SpeakersListError("\n".join(problems))
    if not speakers:
        raise SpeakersListError(f"{name}: lists no speakers")
    return speakers


def _text(path: Path, name: str) -> str:
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise SpeakersListError(f"{name}: not a regular file")
        with path.open("rb") as f:
            data = f.read(MAX_IMPORT_BYTES + 1)
    except OSError as exc:
        raise SpeakersListError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    if len(data) > MAX_IMPORT_BYTES:
        raise SpeakersListError(f"{name}: too large (the limit is {MAX_IMPORT_BYTES // 2**20} MB)")
    try:
        return decode(data, name)[0]
    except ImportProblem as exc:
        raise SpeakersListError(f"{name}: {exc}") from None


def _jsonl_rows(text: str) -> Iterator[tuple[int, dict[str, Any]]]:
    for n, line in jsonl_lines(text):
        if not line.strip():
            continue
        try:
            record = _load(line)
        except ValueError as exc:
            yield n, {"": str(exc)}  # refused by _speaker with the reason
            continue
        yield n, record if isinstance(record, dict) else {"": "not a JSON object"}


def _csv_rows(text: str) -> Iterator[tuple[int, dict[str, Any]]]:
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    header = [h.strip().lower() for h in next(reader, [])]
    unknown = [h for h in header if h not in COLUMNS]
    if "name" not in header or unknown or len(set(header)) != len(header):
        raise ValueError(
            f"line 1 must name the columns, each once: name, and any of kind, aliases, id "
            f"(it holds {', '.join(map(repr, header)) or 'nothing'})"
        )
    start = reader.line_num + 1
    for row in reader:
        if any(cell.strip() for cell in row):
            if len(row) > len(header):
                yield start, {"": f"{len(row)} fields, the header names {len(header)}"}
            else:
                record: dict[str, Any] = dict(zip(header, map(uncell, row), strict=False))
                record["aliases"] = record.get("aliases", "").split(ALIAS_SEPARATOR)
                yield start, record
        start = reader.line_num + 1


def _field(value: Any, what: str) -> str:
    """A string field: text on one line, at most MAX_FIELD characters, stripped."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"{what} is not a string")
    text: str = value.strip()
    if not text.isprintable():
        raise ValueError(f"{what} {text[:40]!r} holds control characters or line breaks")
    if len(text) > MAX_FIELD:
        raise ValueError(f"{what} is longer than {MAX_FIELD} characters")
    return text


def _speaker(record: dict[str, Any]) -> Speaker:
    """One list line as a speaker; ValueError saying why it is not one."""
    if "" in record:
        raise ValueError(record[""])
    unknown = sorted(set(record) - set(COLUMNS))
    if unknown:
        raise ValueError(f"unknown field {unknown[0]!r} (a line holds {', '.join(COLUMNS)})")
    name = _field(record.get("name"), "name")
    if not name:
        raise ValueError("no name")
    kind_text = _field(record.get("kind"), "kind").lower()
    if kind_text and kind_text not in SPEAKER_KINDS:
        kinds = ", ".join(k.value for k in SpeakerKind)
        raise ValueError(f"kind {kind_text!r} is not one of {kinds}")
    aliases = record.get("aliases") or []
    if not isinstance(aliases, list):
        raise ValueError("aliases is not a list of strings")
    found = [_field(a, "an alias") for a in aliases]
    return Speaker(
        name,
        SPEAKER_KINDS[kind_text] if kind_text else None,
        tuple(dict.fromkeys(a for a in found if a and a != name)),
        _field(record.get("id"), "id"),
    )


def _rows(speakers: Sequence[Speaker]) -> list[dict[str, Any]]:
    """The list's lines, the fields the import reads (a kind nobody stated as guessed)."""
    return [
        {"name": s.name, "kind": kind_of(s).value, "aliases": list(s.aliases), "id": s.external_id}
        for s in speakers
    ]


def jsonl_speakers(speakers: Sequence[Speaker]) -> Iterator[str]:
    """The list as JSON lines (what ``speakers export`` prints)."""
    for r in _rows(speakers):
        yield json.dumps(r, ensure_ascii=False) + "\n"


def write_speakers(speakers: Sequence[Speaker], out: Path) -> int:
    """Write the list to ``out``: CSV for a ``.csv``, else JSONL. Written beside it and
    renamed over it. Returns how many."""
    with written_file(out) as f:
        if out.suffix.lower() == ".csv":
            text = io.TextIOWrapper(f, encoding="utf-8", newline="", write_through=True)
            writer = csv.writer(text)
            writer.writerow(COLUMNS)
            for r in _rows(speakers):
                fields = [r["name"], r["kind"], ALIAS_SEPARATOR.join(r["aliases"]), r["id"]]
                writer.writerow([cell(f) for f in fields])
            text.detach()
        else:
            for line in jsonl_speakers(speakers):
                f.write(line.encode())
    return len(speakers)


# -- who an imported file says its speakers are -------------------------------------------


def carry_identities(store: Store, said: Sequence[tuple[Speaker, str]], source: str) -> list[str]:
    """Who an imported article's file says its speakers are (the kind and external id
    an export writes beside each speaker name) into the corpus's known speakers, as one
    command (:func:`core.review.speaker_edit.import_known`) when anything is new. A kind
    or id never replaces one the corpus (or an earlier line) states: each such conflict
    is returned, by line (``FILE line N: ...``), and the stated one kept."""
    names = [s.name for s, _ in said]
    stated = {s.name: s for s in queries.speakers_named(store, names)} if names else {}
    conflicts: list[str] = []
    taken: dict[str, Speaker] = {}
    for s, where in said:
        known = taken.get(s.name) or stated.get(s.name) or Speaker(s.name, None)
        kind, external_id = known.kind, known.external_id
        if s.kind is not None and kind not in (None, s.kind):
            conflicts.append(f"{where}: {s.name!r} is {s.kind} here, {kind} in the corpus: kept")
        else:
            kind = s.kind or kind
        if s.external_id and external_id not in ("", s.external_id):
            conflicts.append(
                f"{where}: {s.name!r} has the id {s.external_id!r} here, "
                f"{external_id!r} in the corpus: kept"
            )
        else:
            external_id = s.external_id or external_id
        taken[s.name] = Speaker(s.name, kind, (), external_id)
    command = speaker_edit.import_known(store, list(taken.values()), source) if taken else None
    if command is not None:
        commands.apply(store, command)
    return conflicts
