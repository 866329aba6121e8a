"""The recipe of docs/scale-out.md, run as written on a local Dask cluster of two
worker processes over four shards: the same lines as one ``main.py suggest``."""

import json
import os
import re
import subprocess
import sys

import pytest

from core.formats.text import parse_text
from tests.conftest import DATA, ROOT, SAMPLE

pytest.importorskip("distributed", reason="the Dask extra (requirements-dask.txt) is not installed")


def _recipe() -> str:
    doc = (ROOT / "docs" / "scale-out.md").read_text(encoding="utf-8")
    (code,) = re.findall(r"```python\n(.*?)```", doc, re.S)
    return code


@pytest.mark.slow
def test_recipe_on_two_workers_matches_one_suggest(tmp_path):
    files = [*sorted((DATA / "articles").glob("*.txt")), SAMPLE]
    archive = tmp_path / "archive"
    archive.mkdir()
    for n in range(4):
        with (archive / f"part-{n}.jsonl").open("w", encoding="utf-8") as f:
            for path in files[n::4]:
                art = parse_text(path.read_text(encoding="utf-8"), path.name)
                f.write(json.dumps({"text": art.text, "meta": art.meta()}) + "\n")
    (tmp_path / "scale_out.py").write_text(_recipe(), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    run = subprocess.run(
        [sys.executable, "scale_out.py"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr[-3000:]
    shards = sorted((tmp_path / "archive").glob("*.jsonl"))
    one = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "suggest", *map(str, shards)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    out = "".join((tmp_path / "suggested" / s.name).read_text(encoding="utf-8") for s in shards)
    assert len(out.splitlines()) == len(files)
    assert out == one
