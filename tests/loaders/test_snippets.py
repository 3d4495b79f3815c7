"""Every fenced code block of README.md and DATASHEET.md, and of the dataset card the pipeline writes, run as it
stands, so that no snippet can rot: Python in this environment (.venv), SQL in DuckDB, R with Rscript, shell with
bash. README.md's blocks run from the project root (their paths name dist-data/v<version>); DATASHEET.md and the
card live in the release folder, so theirs run there, in the release built from the seeds by this code.

A block that cannot run here opens with a visible line `# not run: <why>` (`-- not run: <why>` in SQL): it is
reported as skipped with that reason, and nothing else may be skipped. Blocks that are not code (a folder layout
marked `text`, a BibTeX entry) are listed as such.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

FENCE = re.compile(r"^```([\w+-]*)[^\n]*\n(.*?)^```[ \t]*$", re.M | re.S)
MARKER = re.compile(r"^\s*(#|--)\s*not run[^:]*:\s*(.+)$")
NOT_CODE = {"text", "bibtex"}
RUN = {"python", "sql", "r", "sh", "bash"}


def blocks(text: str) -> list[tuple[int, str, str]]:
    """(line of the opening fence, language, code) for each fenced block."""
    return [(text.count("\n", 0, m.start()) + 1, m.group(1).lower(), m.group(2)) for m in FENCE.finditer(text)]


def marker(code: str) -> str | None:
    first = next((line for line in code.splitlines() if line.strip()), "")
    m = MARKER.match(first)
    return m.group(2).strip() if m else None


def run_block(lang: str, code: str, cwd: Path, tmp: Path, name: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "MPLBACKEND": "agg", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    # The file is named after the block, never after a module it imports (a pandas.py would shadow pandas).
    stem = tmp / re.sub(r"[^\w]+", "_", f"snippet_{name}")
    if lang == "python":
        cmd = [sys.executable, str(stem.with_suffix(".py"))]
        stem.with_suffix(".py").write_text(code, encoding="utf-8")
    elif lang == "sql":
        stem.with_suffix(".sql").write_text(code, encoding="utf-8")
        runner = "import duckdb, sys\ncon = duckdb.connect()\nfor st in duckdb.extract_statements(open(sys.argv[1], encoding='utf-8').read()):\n    rel = con.sql(st.query)\n    if rel is not None:\n        rel.show()\n"
        cmd = [sys.executable, "-c", runner, str(stem.with_suffix(".sql"))]
    elif lang == "r":
        stem.with_suffix(".R").write_text(code, encoding="utf-8")
        cmd = ["Rscript", "--vanilla", str(stem.with_suffix(".R"))]
    else:
        stem.with_suffix(".sh").write_text(code, encoding="utf-8")
        cmd = ["bash", "-euo", "pipefail", str(stem.with_suffix(".sh"))]
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def check_block(doc: str, line: int, lang: str, code: str, cwd: Path, tmp: Path) -> None:
    name = f"{doc}:{line}"
    why = marker(code)
    if lang in NOT_CODE:
        pytest.skip(f"{name} is not code ({lang})")
    if why:
        pytest.skip(f"{name} not run: {why}")
    assert lang in RUN, f"{name}: a ```{lang or '(no language)'} block: give it a language this test runs ({', '.join(sorted(RUN))}), mark it text, or open it with '# not run: <why>'"
    r = run_block(lang, code, cwd, tmp, name)
    print(f"--- {name} ({lang}) in {cwd}\n{r.stdout[-1500:]}")
    assert r.returncode == 0, f"{name} ({lang}) failed with exit {r.returncode}:\n{r.stdout[-2000:]}\n{r.stderr[-4000:]}"


def params(doc: str) -> list:
    text = (ROOT / doc).read_text(encoding="utf-8")
    return [pytest.param(line, lang, code, id=f"{doc}:{line}:{lang or 'none'}") for line, lang, code in blocks(text)]


@pytest.mark.parametrize("line,lang,code", params("README.md"))
def test_readme_snippet(line, lang, code, tmp_path):
    check_block("README.md", line, lang, code, ROOT, tmp_path)


@pytest.mark.parametrize("line,lang,code", params("DATASHEET.md"))
def test_datasheet_snippet(releases, line, lang, code, tmp_path):
    check_block("DATASHEET.md", line, lang, code, releases["fresh"], tmp_path)


def test_dataset_card_snippets(releases, tmp_path):
    """The card (README.md of the release, written by pipeline/export/metadata.ts) as built now, run in its folder."""
    rel = releases["fresh"]
    found = blocks((rel / "README.md").read_text(encoding="utf-8"))
    ran = []
    for line, lang, code in found:
        if lang in NOT_CODE or marker(code):
            print(f"card README.md:{line} ({lang}) not run: {marker(code) or 'not code'}")
            continue
        assert lang in RUN, f"card README.md:{line}: a ```{lang} block this test cannot run"
        r = run_block(lang, code, rel, tmp_path, f"card_{line}")
        assert r.returncode == 0, f"card README.md:{line} ({lang}) failed:\n{r.stdout[-2000:]}\n{r.stderr[-4000:]}"
        ran.append(lang)
    assert sorted(ran) == ["python", "sql"], ran


def test_every_document_has_its_snippets_found():
    """The fence pattern finds the blocks (a change of fence style would silently run nothing)."""
    for doc in ("README.md", "DATASHEET.md"):
        text = (ROOT / doc).read_text(encoding="utf-8")
        assert len(blocks(text)) == sum(1 for line in text.splitlines() if line.startswith("```")) // 2, doc
    langs = {lang for _, lang, _ in blocks((ROOT / "README.md").read_text(encoding="utf-8"))}
    assert {"python", "sql", "r", "sh"} <= langs
