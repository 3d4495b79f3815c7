"""The releases the loader tests read.

- `committed`: the release in dist-data/ of the version pipeline/metadata/dataset.json declares;
- `fresh`: the seeds built now by this code (`npm run -s pipeline -- --out <tmp>`), so a change to the writers is
  caught before the committed release is regenerated;
- `edge`: tests/fixtures/loaders/edge, three articles written to hold what loaders get wrong when told nothing:
  emoji (offsets in UTF-16 code units differ from code points), Arabic and accented text, outlets "NA" and
  "null", a URL with a comma and %22, an empty list, an exact duplicate (duplicate_similarity 1, a whole-number
  double), a non-English article (nulls in every optional field), dates of day, month and year precision and the
  CAMEO code "057";
- `empty`: tests/fixtures/loaders/empty, one French article, so every table but articles is empty.
The three builds run at once, one process each, once per session.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

# Hugging Face datasets works offline here, and keeps its caches out of the user's home.
os.environ["HF_DATASETS_OFFLINE"] = "1"
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["HF_HOME"] = tempfile.mkdtemp(prefix="dispatches-hf-")

from readers import ROOT

VERSION = "v" + json.loads((ROOT / "pipeline" / "metadata" / "dataset.json").read_text())["version"]
BUILT = {"fresh": ROOT / "seeds", "edge": ROOT / "tests/fixtures/loaders/edge", "empty": ROOT / "tests/fixtures/loaders/empty"}
RELEASES = ["committed", *BUILT]


@pytest.fixture(scope="session")
def releases(tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("releases")
    procs = {}
    for name, seeds in BUILT.items():
        out = base / name
        out.mkdir()
        cmd = ["npm", "run", "-s", "pipeline", "--", "--seeds", str(seeds), "--out", str(out)]
        procs[name] = (subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True), out)
    found = {"committed": ROOT / "dist-data" / VERSION}
    failed = []
    for name, (p, out) in procs.items():
        log, _ = p.communicate()
        if p.returncode != 0:
            failed.append(f"{name}: exit {p.returncode}\n{log[-3000:]}")
        found[name] = out / VERSION
    assert not failed, "building the releases failed:\n" + "\n".join(failed)
    for rel in found.values():
        assert (rel / "datapackage.json").is_file(), rel
    return found


@pytest.fixture(scope="session")
def r_dumps(releases, tmp_path_factory) -> dict[str, Path]:
    """Every table of every release as R read it (tests/loaders/load.R), one Rscript per release."""
    from readers import r_dump

    assert shutil.which("Rscript"), "Rscript is not installed (apt-get install r-base-core r-cran-readr r-cran-jsonlite)"
    base = tmp_path_factory.mktemp("r")
    return {name: r_dump(rel, base / name) for name, rel in releases.items()}


@pytest.fixture(scope="session")
def hf_cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("hf-cache")
