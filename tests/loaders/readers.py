"""Every way the loader tests read a release table, written the way README.md tells users to read it.

Each reader returns a `Table`: the column names in order, each column's type as the tool names it, and the
rows as plain Python values converted from the tool's own objects by `plain` (pandas' NA and numpy scalars,
numpy arrays of lists) and nothing else: no NaN is turned into a null, no float into an integer, no string
into a date. The tests compare those values cell by cell with the JSON Lines file, read with the json module.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


@dataclass
class Table:
    columns: list[str]
    types: dict[str, str]
    rows: list[dict[str, Any]]


def fields(rel: Path, table: str) -> list[dict[str, Any]]:
    """The table's fields as datapackage.json declares them (name, type: string/integer/number/date/array)."""
    pkg = json.loads((rel / "datapackage.json").read_text(encoding="utf-8"))
    return next(r for r in pkg["resources"] if r["name"] == f"{table}-csv")["schema"]["fields"]


def tables(rel: Path) -> list[str]:
    pkg = json.loads((rel / "datapackage.json").read_text(encoding="utf-8"))
    return [r["name"][: -len("-csv")] for r in pkg["resources"] if r["name"].endswith("-csv")]


def reference(rel: Path, table: str) -> list[dict[str, Any]]:
    """The JSON Lines rows, read with the json module: the values every loader must give."""
    with open(rel / "jsonl" / f"{table}.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def plain(v: Any) -> Any:
    """A tool's cell as a plain Python value (only representation changes: the value and its kind stay)."""
    import numpy as np
    import pandas as pd

    if v is None or v is pd.NA:
        return None
    if isinstance(v, np.ndarray):
        return [plain(x) for x in v.tolist()]
    if isinstance(v, list):
        return [plain(x) for x in v]
    if isinstance(v, np.bool_):
        return bool(v)
    if isinstance(v, np.integer):
        return int(v)
    if isinstance(v, np.floating):
        return float(v)
    return v


def rows_of_pandas(df) -> list[dict[str, Any]]:
    return [{c: plain(v) for c, v in zip(df.columns, rec)} for rec in df.astype(object).itertuples(index=False, name=None)]


# --- pandas -------------------------------------------------------------------------------------------------
PANDAS = {"integer": "Int64", "number": "Float64", "string": "string", "date": "string"}


def _pandas_dates(df, fs):
    """ISO date strings to real dates (pyarrow's date32: a date without a time, null as <NA>)."""
    for f in fs:
        if f["type"] == "date":
            df[f["name"]] = df[f["name"]].astype("date32[pyarrow]")
    return df


def pandas_csv(rel: Path, table: str) -> Table:
    import pandas as pd

    fs = fields(rel, table)
    lists = [f["name"] for f in fs if f["type"] == "array"]
    dtype = {f["name"]: PANDAS[f["type"]] for f in fs if f["name"] not in lists}
    df = pd.read_csv(rel / "csv" / f"{table}.csv", dtype=dtype, converters={c: json.loads for c in lists}, keep_default_na=False, na_values=[""])
    return _pandas_table(_pandas_dates(df, fs))


def pandas_jsonl(rel: Path, table: str) -> Table:
    import pandas as pd

    fs = fields(rel, table)
    dtype = {f["name"]: PANDAS[f["type"]] for f in fs if f["type"] != "array"}
    df = pd.read_json(rel / "jsonl" / f"{table}.jsonl", lines=True, dtype=dtype, convert_dates=False, precise_float=True)
    # An empty file gives a frame without columns: give it the table's, typed (lists as objects).
    df = df.reindex(columns=[f["name"] for f in fs]).astype({f["name"]: dtype.get(f["name"], object) for f in fs})
    return _pandas_table(_pandas_dates(df, fs))


def pandas_parquet(rel: Path, table: str) -> Table:
    import pandas as pd

    return _pandas_table(pd.read_parquet(rel / "parquet" / f"{table}.parquet", engine="pyarrow", dtype_backend="pyarrow"))


def _pandas_table(df) -> Table:
    return Table(list(df.columns), {c: str(t) for c, t in df.dtypes.items()}, rows_of_pandas(df))


# --- pyarrow ------------------------------------------------------------------------------------------------
def pyarrow_parquet(rel: Path, table: str) -> Table:
    import pyarrow.parquet as pq

    t = pq.read_table(rel / "parquet" / f"{table}.parquet")
    return Table(t.column_names, {f.name: str(f.type) for f in t.schema}, t.to_pylist())


# --- polars -------------------------------------------------------------------------------------------------
def polars_schema(rel: Path, table: str):
    import polars as pl

    types = {"string": pl.String, "integer": pl.Int64, "number": pl.Float64, "date": pl.Date, "array": pl.List(pl.String)}
    return {f["name"]: types[f["type"]] for f in fields(rel, table)}


def polars_parquet(rel: Path, table: str) -> Table:
    import polars as pl

    return _polars_table(pl.read_parquet(rel / "parquet" / f"{table}.parquet"))


def polars_csv(rel: Path, table: str) -> Table:
    import polars as pl

    schema = polars_schema(rel, table)
    lists = [c for c, t in schema.items() if t == pl.List(pl.String)]
    df = pl.read_csv(rel / "csv" / f"{table}.csv", schema={c: pl.String if c in lists else t for c, t in schema.items()})
    return _polars_table(df.with_columns(pl.col(c).str.json_decode(pl.List(pl.String)) for c in lists))


def polars_jsonl(rel: Path, table: str) -> Table:
    import polars as pl

    return _polars_table(pl.read_ndjson(rel / "jsonl" / f"{table}.jsonl", schema=polars_schema(rel, table)))


def _polars_table(df) -> Table:
    return Table(df.columns, {c: str(t) for c, t in df.schema.items()}, df.rows(named=True))


# --- DuckDB -------------------------------------------------------------------------------------------------
DUCK = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE", "date": "DATE", "array": "VARCHAR[]"}


def _duck_table(rel_sql) -> Table:
    return Table(list(rel_sql.columns), dict(zip(rel_sql.columns, (str(t) for t in rel_sql.types))), [dict(zip(rel_sql.columns, r)) for r in rel_sql.fetchall()])


def duckdb_parquet(rel: Path, table: str) -> Table:
    import duckdb

    con = duckdb.connect()
    return _duck_table(con.sql(f"SELECT * FROM read_parquet('{rel / 'parquet' / f'{table}.parquet'}')"))


def duckdb_csv(rel: Path, table: str) -> Table:
    import duckdb

    fs = fields(rel, table)
    # Lists are JSON arrays in the CSV: read as text, then parsed with from_json.
    columns = {f["name"]: "VARCHAR" if f["type"] == "array" else DUCK[f["type"]] for f in fs}
    select = ", ".join(f"from_json(\"{f['name']}\", '[\"VARCHAR\"]') AS \"{f['name']}\"" if f["type"] == "array" else f'"{f["name"]}"' for f in fs)
    con = duckdb.connect()
    return _duck_table(con.sql(f"SELECT {select} FROM read_csv('{rel / 'csv' / f'{table}.csv'}', columns = {columns}, header = true, auto_detect = false, allow_quoted_nulls = false)"))


def duckdb_jsonl(rel: Path, table: str) -> Table:
    import duckdb

    columns = {f["name"]: DUCK[f["type"]] for f in fields(rel, table)}
    con = duckdb.connect()
    return _duck_table(con.sql(f"SELECT * FROM read_json('{rel / 'jsonl' / f'{table}.jsonl'}', format = 'newline_delimited', columns = {columns})"))


# --- Hugging Face datasets ----------------------------------------------------------------------------------
def hf_dataset(rel: Path, table: str, cache_dir: Path):
    # datasets keeps a prepared copy per folder name and config: a release rebuilt in place under the same
    # name is read from that copy unless the cache is fresh (or download_mode="force_redownload").
    from datasets import load_dataset

    return load_dataset(str(rel), table, split="train", cache_dir=str(cache_dir))


def datasets_parquet(rel: Path, table: str, cache_dir: Path) -> Table:
    try:
        ds = hf_dataset(rel, table, cache_dir)
        return Table(list(ds.column_names), {k: repr(v) for k, v in ds.features.items()}, ds.to_list())
    except ValueError as e:
        # datasets cannot make a Dataset of an empty table ('Instruction "train" corresponds to no data!');
        # streaming gives its features and no rows. Allowed only where the table is empty.
        if "corresponds to no data" not in str(e) or reference(rel, table):
            raise
    from datasets import load_dataset

    ds = load_dataset(str(rel), table, split="train", streaming=True, cache_dir=str(cache_dir))
    return Table(list(ds.features), {k: repr(v) for k, v in ds.features.items()}, list(ds))


# --- R --------------------------------------------------------------------------------------------------------
def r_dump(rel: Path, out: Path) -> Path:
    """Runs tests/loaders/load.R over the release: every table read with readr (CSV) and jsonlite (JSON Lines)."""
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    r = subprocess.run(["Rscript", "--vanilla", str(HERE / "load.R"), str(rel), str(out)], capture_output=True, text=True, env=env)
    if r.returncode != 0:
        raise RuntimeError(f"load.R failed ({r.returncode}):\n{r.stdout}\n{r.stderr}")
    return out


def r_table(dump: Path, reader: str, table: str) -> Table:
    """A table as load.R wrote it: classes per column, values per column (doubles as 17-digit strings, dates ISO)."""
    d = json.loads((dump / f"{reader}-{table}.json").read_text(encoding="utf-8"))
    cols = d["columns"]
    classes = dict(zip(cols, d["classes"]))
    rows = []
    for i in range(d["nrow"]):
        row = {}
        for c in cols:
            v = d["data"][c][i]
            if classes[c] == "numeric" and v is not None:
                v = float(v)  # written with %.17g: parses back to the same double
            if classes[c] == "Date" and v is not None:
                v = dt.date.fromisoformat(v)
            row[c] = v
        rows.append(row)
    return Table(cols, classes, rows)


# --- the comparison -------------------------------------------------------------------------------------------
def cell_problem(ftype: str, expected: Any, got: Any, dates: str) -> str | None:
    """Why `got` is not the JSON Lines value `expected` of a field of type `ftype` (None when it is).
    `dates`: how the tool gives a full date, "date" (datetime.date) or "str" (ISO text)."""
    if expected is None:
        return None if got is None else f"expected null, got {got!r}"
    if got is None:
        return f"expected {expected!r}, got null"
    if ftype == "string":
        return None if type(got) is str and got == expected else f"expected {expected!r}, got {type(got).__name__} {got!r}"
    if ftype == "integer":
        return None if type(got) is int and got == expected else f"expected integer {expected!r}, got {type(got).__name__} {got!r}"
    if ftype == "number":
        ok = type(got) is float and not math.isnan(got) and got == float(expected)
        return None if ok else f"expected number {expected!r}, got {type(got).__name__} {got!r}"
    if ftype == "date":
        if dates == "date":
            ok = type(got) is dt.date and got.isoformat() == expected
        else:
            ok = type(got) is str and got == expected
        return None if ok else f"expected date {expected!r} (as {dates}), got {type(got).__name__} {got!r}"
    if ftype == "array":
        ok = type(got) is list and all(type(x) is str for x in got) and got == expected
        return None if ok else f"expected list {expected!r}, got {type(got).__name__} {got!r}"
    return f"unknown field type {ftype}"


def compare(rel: Path, table: str, got: Table, dates: str = "date") -> None:
    fs = fields(rel, table)
    names = [f["name"] for f in fs]
    assert got.columns == names, f"columns {got.columns} != {names}"
    want = reference(rel, table)
    assert len(got.rows) == len(want), f"{len(got.rows)} rows, the JSON Lines have {len(want)}"
    problems = []
    for i, (w, g) in enumerate(zip(want, got.rows)):
        assert list(w) == names, f"JSON Lines row {i} keys {list(w)} != {names}"
        for f in fs:
            p = cell_problem(f["type"], w[f["name"]], g[f["name"]], dates)
            if p:
                problems.append(f"row {i} ({w[names[0]]}) {f['name']}: {p}")
    assert not problems, f"{len(problems)} cells differ:\n" + "\n".join(problems[:20])
