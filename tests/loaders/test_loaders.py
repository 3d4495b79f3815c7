"""Every table of every release read by pandas, pyarrow, polars, DuckDB, Hugging Face datasets and R, compared
cell by cell with the JSON Lines values, and with the column types each tool should give (README.md, "Loading
the data", says how each is read and what each tool changes)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import readers as rd
from conftest import RELEASES, ROOT, VERSION

TABLES = rd.tables(ROOT / "dist-data" / VERSION)
CASES = [pytest.param(r, t, id=f"{r}-{t}") for r in RELEASES for t in TABLES]

# The column type each tool gives for each datapackage.json type, as the tool names it.
TYPES = {
    "pandas-csv": {"string": "string", "integer": "Int64", "number": "Float64", "date": "date32[day][pyarrow]", "array": "object"},
    "pandas-parquet": {"string": "string[pyarrow]", "integer": "int64[pyarrow]", "number": "double[pyarrow]", "date": "date32[day][pyarrow]", "array": "list<element: string not null>[pyarrow]"},
    "pyarrow": {"string": "string", "integer": "int64", "number": "double", "date": "date32[day]", "array": "list<element: string not null>"},
    "polars": {"string": "String", "integer": "Int64", "number": "Float64", "date": "Date", "array": "List(String)"},
    "duckdb": {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE", "date": "DATE", "array": "VARCHAR[]"},
    "datasets": {"string": "Value('string')", "integer": "Value('int64')", "number": "Value('float64')", "date": "Value('date32')", "array": "List(Value('string'))"},
    "r": {"string": "character", "integer": "integer", "number": "numeric", "date": "Date", "array": "list"},
}
TYPES["pandas-jsonl"] = TYPES["pandas-csv"]


def check(releases, release, table, tool, got: rd.Table, dates="date"):
    rel = releases[release]
    assert rd.tables(rel) == TABLES
    fs = rd.fields(rel, table)
    want_types = {f["name"]: TYPES[tool][f["type"]] for f in fs}
    assert got.types == want_types, f"column types differ: {[(c, got.types.get(c), t) for c, t in want_types.items() if got.types.get(c) != t]}"
    rd.compare(rel, table, got, dates)


# The readers of files: (name in test ids, reader in readers.py, the tool whose column types it gives).
FILE_READERS = [
    ("pandas_csv", rd.pandas_csv, "pandas-csv"),
    ("pandas_jsonl", rd.pandas_jsonl, "pandas-jsonl"),
    ("pandas_parquet_pyarrow_engine", rd.pandas_parquet, "pandas-parquet"),
    ("pyarrow_parquet", rd.pyarrow_parquet, "pyarrow"),
    ("polars_parquet", rd.polars_parquet, "polars"),
    ("polars_csv", rd.polars_csv, "polars"),
    ("polars_jsonl", rd.polars_jsonl, "polars"),
    ("duckdb_parquet", rd.duckdb_parquet, "duckdb"),
    ("duckdb_csv", rd.duckdb_csv, "duckdb"),
    ("duckdb_jsonl", rd.duckdb_jsonl, "duckdb"),
]


@pytest.mark.parametrize("reader,tool", [pytest.param(read, tool, id=name) for name, read, tool in FILE_READERS])
@pytest.mark.parametrize("release,table", CASES)
def test_read(releases, release, table, reader, tool):
    check(releases, release, table, tool, reader(releases[release], table))


@pytest.mark.parametrize("release,table", CASES)
def test_datasets_load_dataset(releases, hf_cache, release, table):
    check(releases, release, table, "datasets", rd.datasets_parquet(releases[release], table, hf_cache / release))


@pytest.mark.parametrize("release,table", CASES)
def test_r_readr_csv(r_dumps, releases, release, table):
    check(releases, release, table, "r", rd.r_table(r_dumps[release], "readr", table))


@pytest.mark.parametrize("release,table", CASES)
def test_r_jsonlite_jsonl(r_dumps, releases, release, table):
    check(releases, release, table, "r", rd.r_table(r_dumps[release], "jsonlite", table))


# --- the card, the reference itself, and what the tests rely on --------------------------------------------
@pytest.mark.parametrize("release", RELEASES)
def test_datasets_configs_and_features_come_from_the_card(releases, release):
    """The card's front matter names one config per table, pointing at its Parquet file, with the features the
    schemas imply; datasets lists exactly those configs for the folder."""
    import yaml
    from datasets import get_dataset_config_names

    rel = releases[release]
    card = (rel / "README.md").read_text(encoding="utf-8")
    front = yaml.safe_load(card.split("---\n")[1])
    assert [c["config_name"] for c in front["configs"]] == TABLES
    assert [c["data_files"] for c in front["configs"]] == [[{"split": "train", "path": f"parquet/{t}.parquet"}] for t in TABLES]
    hf = {"string": {"dtype": "string"}, "integer": {"dtype": "int64"}, "number": {"dtype": "float64"}, "date": {"dtype": "date32"}, "array": {"list": "string"}}
    infos = {i["config_name"]: i["features"] for i in front["dataset_info"]}
    assert list(infos) == TABLES
    for t in TABLES:
        assert infos[t] == [{"name": f["name"], **hf[f["type"]]} for f in rd.fields(rel, t)], t
    assert get_dataset_config_names(str(rel)) == TABLES


@pytest.mark.parametrize("release", RELEASES)
def test_json_lines_reference_is_typed_as_the_schema_says(releases, release):
    """The reference itself: keys in schema order, values of the declared type (a whole-number `number` may be
    written without a fraction: JSON does not tell 1 from 1.0)."""
    rel = releases[release]
    for t in TABLES:
        fs = rd.fields(rel, t)
        for row in rd.reference(rel, t):
            assert list(row) == [f["name"] for f in fs]
            for f in fs:
                v = row[f["name"]]
                if v is None:
                    continue
                ok = {"string": lambda: type(v) is str, "integer": lambda: type(v) is int, "number": lambda: type(v) in (int, float),
                      "date": lambda: type(v) is str and len(v) == 10, "array": lambda: type(v) is list and all(type(x) is str for x in v)}[f["type"]]()
                assert ok, (t, f["name"], v)


@pytest.mark.parametrize("release", RELEASES)
def test_offsets_slice_the_text_in_utf16_code_units(releases, release):
    """README's recipe: offsets count UTF-16 code units; in Python slice the UTF-16 encoding. In the edge release
    plain code-point slicing gives other text for the quotes after an emoji, which the recipe exists for."""
    rel = releases[release]
    texts = {r["article_id"]: r["text"] for r in rd.reference(rel, "articles")}

    def utf16(text, start, end):
        return text.encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le")

    differs = 0
    n = 0
    for t in ("quotes", "actor_mentions", "event_mentions"):
        for row in rd.reference(rel, t):
            if row.get("text") is None:
                continue
            n += 1
            text = texts[row["article_id"]]
            assert utf16(text, row["char_start"], row["char_end"]) == row["text"], (t, row)
            differs += text[row["char_start"] : row["char_end"]] != row["text"]
    if release == "edge":
        assert n > 0 and differs > 0, "the edge release should hold spans after an emoji"
    if release == "empty":
        assert n == 0


def test_edge_release_holds_the_cases_it_is_for(releases):
    rel = releases["edge"]
    articles = rd.reference(rel, "articles")
    events = rd.reference(rel, "events")
    assert {"NA", "null"} <= {a["outlet"] for a in articles}
    assert any(a["authors"] == [] for a in articles)
    assert any(a["duplicate_similarity"] == 1 and type(a["duplicate_similarity"]) is int for a in articles)
    assert {e["date_precision"] for e in events} >= {"day", "month", "year"}
    assert any(e["cameo_code"].startswith("0") for e in events)
    assert any(any(ord(c) > 0xFFFF for c in a["text"]) for a in articles)
    assert any(any("\u0600" <= c <= "\u06ff" for c in a["text"]) for a in articles)
    assert all(rd.reference(releases["empty"], t) == [] for t in TABLES if t != "articles")


def test_committed_release_is_the_version_the_code_declares():
    assert (ROOT / "dist-data" / VERSION / "datapackage.json").is_file()
    assert json.loads((ROOT / "dist-data" / VERSION / "datapackage.json").read_text())["version"] == VERSION[1:]
