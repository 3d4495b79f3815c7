#!/usr/bin/env bash
# npm run setup:python (alias setup:ray): creates .venv/ at the project root with `python3 -m venv` and installs
# python/requirements.txt into it. Idempotent: .venv/.requirements.sha256 holds the hash of the requirements file
# and of the interpreter's version as of the last complete install, and a run whose hash matches (with the venv's
# interpreter the same as python3's) does nothing; a venv made by another interpreter is made anew. A changed
# file installs again in place (pip moves each pin), then `pip check` confirms the set is consistent. pip gets `--retries 0 --timeout 5`: its default index is out of
# reach on the project's machines (a mirror configured for pip serves the packages), and without them it waits on it.
set -euo pipefail
cd "$(dirname "$0")/.."
REQ=python/requirements.txt
VENV=.venv
STAMP="$VENV/.requirements.sha256"
PY=${PYTHON:-python3}

version() { "$1" -c 'import sys; print(sys.version)' 2>/dev/null; }
base="$(version "$PY")"
want="$( { cat "$REQ"; echo "$base"; } | sha256sum | cut -d' ' -f1)"
if [ "$(version "$VENV/bin/python")" = "$base" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$want" ]; then
  echo "setup:python: $VENV is up to date with $REQ ($("$VENV/bin/python" --version))"
  exit 0
fi
start=$(date +%s)
if [ "$(version "$VENV/bin/python")" != "$base" ]; then  # missing, broken or made by another interpreter
  rm -rf "$VENV"
  "$PY" -m venv "$VENV"
fi
rm -f "$STAMP"
log="$(mktemp)"
# pip's output is kept for a failure: on success it is a page of notes that the mirror lacks some indexes.
if ! "$VENV/bin/python" -m pip install --retries 0 --timeout 5 --disable-pip-version-check --quiet --requirement "$REQ" > "$log" 2>&1; then
  grep -v 'is ignored: it is neither a file nor a directory' "$log" >&2 || true
  rm -f "$log"
  echo "setup:python: pip could not install $REQ into $VENV" >&2
  exit 1
fi
rm -f "$log"
"$VENV/bin/python" -m pip check --disable-pip-version-check
echo "$want" > "$STAMP"
echo "setup:python: installed $REQ into $VENV ($("$VENV/bin/python" --version)) in $(( $(date +%s) - start )) s"
