"""Builds, executes and writes notebooks/quickstart.ipynb (run: npm run notebook).

The cells are written here, executed with nbconvert in a kernel of the project's environment (.venv, made by
`npm run setup:python` from python/requirements.txt: the interpreter that runs this script is the kernel's), and
saved with their outputs (figures included) but without volatile metadata (execution times, kernel versions, random
cell ids), so the committed notebook reads well on a code host and changes only when its content does.
Usage: .venv/bin/python notebooks/make.py [--out PATH]   (default notebooks/quickstart.ipynb)
"""
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat

HERE = Path(__file__).resolve().parent

MD = nbformat.v4.new_markdown_cell
CODE = nbformat.v4.new_code_cell

CELLS = [
    MD("""# dispatches: quick start

Load every table of the newest release, check its types, join the tables, answer a few questions a reader of the
articles would ask, and draw three pictures. Regenerate this notebook with `npm run notebook`; it runs in the
project's Python environment (`npm run setup:python` installs `python/requirements.txt` into `.venv/`)."""),
    CODE("""import json
from pathlib import Path

import pandas as pd

ROOT = Path.cwd() if (Path.cwd() / "dist-data").exists() else Path.cwd().parent
versions = sorted((p for p in (ROOT / "dist-data").glob("v*") if p.is_dir()), key=lambda p: [int(x) for x in p.name[1:].split(".")])
REL = versions[-1]
pkg = json.loads((REL / "datapackage.json").read_text())
TABLES = [r["name"][: -len("-csv")] for r in pkg["resources"] if r["name"].endswith("-csv")]
print("release:", REL.name, "| tables:", ", ".join(TABLES))"""),
    MD("""## Loading CSV and JSON Lines without losing anything

Types come from `datapackage.json`, for CSV and JSON Lines alike: ids and codes stay strings (CAMEO `"040"` keeps its
zero), counts are nullable integers (`Int64`: a null stays `<NA>` instead of turning the column into floats), scores
`Float64`, full dates real dates (pyarrow's `date32`), list columns are parsed from their JSON arrays, and only empty
CSV fields are null (`keep_default_na=False` keeps strings such as "NA"; the schemas forbid empty strings, so an
empty field is always a null). JSON Lines are read with the same types, `convert_dates=False`, and
`precise_float=True` (without it 0.6 comes back as 0.6000000000000001). The README's loading section says what each
tool does when it is not told."""),
    CODE("""PANDAS = {"string": "string", "integer": "Int64", "number": "Float64", "date": "string"}

def fields(table):
    return next(r for r in pkg["resources"] if r["name"] == f"{table}-csv")["schema"]["fields"]

def with_dates(df, fs):
    for f in fs:
        if f["type"] == "date":
            df[f["name"]] = df[f["name"]].astype("date32[pyarrow]")
    return df

def load_csv(table):
    fs = fields(table)
    lists = [f["name"] for f in fs if f["type"] == "array"]
    dtype = {f["name"]: PANDAS[f["type"]] for f in fs if f["name"] not in lists}
    df = pd.read_csv(REL / "csv" / f"{table}.csv", dtype=dtype, converters={c: json.loads for c in lists}, keep_default_na=False, na_values=[""])
    return with_dates(df, fs)

def load_jsonl(table):
    fs = fields(table)
    dtype = {f["name"]: PANDAS[f["type"]] for f in fs if f["type"] != "array"}
    df = pd.read_json(REL / "jsonl" / f"{table}.jsonl", lines=True, dtype=dtype, convert_dates=False, precise_float=True)
    df = df.reindex(columns=[f["name"] for f in fs]).astype({f["name"]: dtype.get(f["name"], object) for f in fs})  # an empty file has no columns
    return with_dates(df, fs)

csv = {t: load_csv(t) for t in TABLES}
jsonl = {t: load_jsonl(t) for t in TABLES}

def same(t):
    rows = lambda df: df.astype(object).where(df.notna(), None).to_dict("records")
    return csv[t].dtypes.equals(jsonl[t].dtypes) and rows(csv[t]) == rows(jsonl[t])

for t in TABLES:
    print(f"{t:15} {len(csv[t]):4} rows   CSV and JSON Lines agree (types and values): {same(t)}")"""),
    MD("## The schema of each table"),
    CODE("""for t in TABLES:
    print(f"\\n{t}")
    for f in fields(t):
        print(f"  {f['name']:22} {f['type']:8} {str(csv[t][f['name']].dtype):20} {f['description'][:60]}")"""),
    MD("""## Joins: quotes → speakers → articles, events → actors → articles"""),
    CODE("""actors = csv["actors"].set_index("actor_id")
articles = csv["articles"].set_index("article_id")
quotes = csv["quotes"].join(actors["name"].rename("speaker"), on="speaker_actor_id").join(articles[["title", "outlet", "published_date"]], on="article_id")
events = (csv["events"]
          .join(actors["name"].rename("source"), on="source_actor_id")
          .join(actors["name"].rename("target"), on="target_actor_id"))
event_articles = events.explode("article_ids").join(articles[["source_file", "outlet"]], on="article_ids")
quotes[["quote_type", "speaker", "text", "outlet"]].head(8)"""),
    MD("## Who is quoted most?"),
    CODE("""top = quotes.dropna(subset=["speaker"]).groupby("speaker").size().reset_index(name="quotes").sort_values(["quotes", "speaker"], ascending=[False, True]).head(5)
print("ANSWER top_speakers: " + "; ".join(f"{r.speaker}={r.quotes}" for r in top.itertuples()))
top"""),
    MD("""Official channels dominate: the Korean Central News Agency (North Korea's state agency) is quoted most, then
the Russian Foreign Ministry; Sergei Lavrov himself comes third. The articles learned about the talks mostly from
what the two governments released, which is worth remembering when reading any event coded from them."""),
    MD("## Which events are corroborated by the most outlets?"),
    CODE("""events["n_articles"] = events["article_ids"].map(len)
best = events.sort_values(["source_count", "n_articles", "event_id"], ascending=[False, False, True]).head(5)
print("ANSWER corroborated: " + "; ".join(f"{r.event_type} {r.source} -> {r.target if pd.notna(r.target) else 'null'} ({r.event_date if pd.notna(r.event_date) else 'undated'}): outlets={r.source_count}, articles={r.n_articles}" for r in best.itertuples()))
best[["event_type", "cameo_code", "source", "target", "event_date", "source_count", "n_articles", "confidence"]]"""),
    MD("""The Kim–Lavrov meeting of 19 October 2023 is the best corroborated event: all four 2023 articles report it
(`source_count` 4, counting each article with no known outlet as its own outlet). The September 2023 Kim–Putin
summit, recalled as background by three articles, and Lavrov's arrival on 18 October follow. Everything else rests on
a single article."""),
    MD("## What happened on which day?"),
    CODE("""by_day = events[events["date_precision"] == "day"].groupby("event_date").size()
print("ANSWER by_day: " + "; ".join(f"{d}={n}" for d, n in by_day.items()))
events[events["date_precision"] == "day"].sort_values("event_date")[["event_date", "event_type", "source", "target", "location"]]"""),
    MD("""The days cluster around the visit (18 and 19 October 2023), with background events reaching back to the 2000 joint
declaration and Lavrov's 31 May 2018 visit, which the 2018 article recalls."""),
    MD("## Pictures"),
    CODE("""import matplotlib
matplotlib.use("agg")
import matplotlib.pyplot as plt
import networkx as nx
%matplotlib inline

FIG = ROOT / "notebooks" / "figures"
FIG.mkdir(parents=True, exist_ok=True)
save = lambda fig, name: fig.savefig(FIG / name, dpi=110, bbox_inches="tight", metadata={"Software": None})

dated = events[events["event_date"].notna()].copy()
dated["when"] = pd.to_datetime(dated["event_date"].map(lambda d: d if len(d) == 10 else d + "-01" if len(d) == 7 else d + "-01-01"))
dated["pair"] = dated["source"] + " → " + dated["target"].fillna("—")
fig, ax = plt.subplots(figsize=(9, 4.8))
for kind, grp in dated.groupby("event_type"):
    ax.scatter(grp["when"], grp["pair"], s=(40 + 40 * grp["source_count"]).astype(float), label=kind, alpha=0.8)
ax.set_title("Events by date and actor pair (dot size: number of outlets)")
ax.set_xlabel("event date (month or year precision drawn at its first day)")
ax.legend(title="PLOVER type", fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
ax.grid(alpha=0.3)
save(fig, "event_timeline.png")
plt.show()"""),
    CODE("""counts = quotes.dropna(subset=["speaker"]).groupby(["speaker", "quote_type"]).size().unstack(fill_value=0)
counts = counts.loc[counts.sum(axis=1).sort_values().index]
fig, ax = plt.subplots(figsize=(8, 5))
counts.plot.barh(stacked=True, ax=ax)
ax.set_title("Quotes per speaker")
ax.set_xlabel("number of quotes")
ax.set_ylabel("")
save(fig, "quotes_per_speaker.png")
plt.show()"""),
    CODE("""men = csv["actor_mentions"].join(actors["name"], on="actor_id")
pairs = men.groupby("article_id")["name"].apply(lambda s: sorted(set(s)))
G = nx.Graph()
for names in pairs:
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            G.add_edge(a, b, weight=G[a][b]["weight"] + 1 if G.has_edge(a, b) else 1)
mentions = men.groupby("name").size()
core = G.subgraph([n for n in G if mentions.get(n, 0) >= 3])
pos = nx.spring_layout(core, seed=7, weight="weight")
fig, ax = plt.subplots(figsize=(9, 7))
nx.draw_networkx_edges(core, pos, ax=ax, width=[0.5 * core[a][b]["weight"] for a, b in core.edges], alpha=0.35)
nx.draw_networkx_nodes(core, pos, ax=ax, node_size=[30 * mentions[n] for n in core], node_color="#4c78a8", alpha=0.8)
nx.draw_networkx_labels(core, pos, ax=ax, font_size=8)
ax.set_title("Actors mentioned in the same article (actors with 3+ mentions; edge width: shared articles)")
ax.axis("off")
save(fig, "actor_network.png")
plt.show()"""),
    MD("""## Parquet with pyarrow, polars and DuckDB

The Parquet files carry their types: DATE for full dates, INT64 counts (nullable), DOUBLE scores, LIST<STRING>
lists, partial dates such as `2023-10` as strings. pyarrow, polars and DuckDB read them without being told
anything, and give the JSON Lines values cell for cell (a full date comes back as a `datetime.date`)."""),
    CODE("""import datetime

import duckdb
import polars as pl
import pyarrow.parquet as pq

def parquet(table):
    return REL / "parquet" / f"{table}.parquet"

print(pq.read_schema(parquet("events")).to_string(show_schema_metadata=False))
print()
print(pl.read_parquet(parquet("articles")).schema)

def plain(rows):
    return [{k: v.isoformat() if isinstance(v, datetime.date) else v for k, v in r.items()} for r in rows]

def duck_rows(table):
    rel = duckdb.sql(f"SELECT * FROM read_parquet('{parquet(table)}')")
    return [dict(zip(rel.columns, row)) for row in rel.fetchall()]

json_lines = {t: [json.loads(line) for line in (REL / "jsonl" / f"{t}.jsonl").read_text().splitlines()] for t in TABLES}
for t in TABLES:
    agree = {
        "pyarrow": plain(pq.read_table(parquet(t)).to_pylist()) == json_lines[t],
        "polars": plain(pl.read_parquet(parquet(t)).rows(named=True)) == json_lines[t],
        "DuckDB": plain(duck_rows(t)) == json_lines[t],
    }
    print(f"{t:15} {len(json_lines[t]):4} rows   same values as the JSON Lines: " + ", ".join(f"{k} {v}" for k, v in agree.items()))"""),
    MD("DuckDB runs SQL on the files themselves: the actor pairs with the most events, and how many outlets back them."),
    CODE("""duckdb.sql(f'''
    SELECT s.name AS source, coalesce(t.name, '(none)') AS target, count(*) AS events, max(e.source_count) AS most_outlets,
           string_agg(DISTINCT e.event_type, ', ' ORDER BY e.event_type) AS types
    FROM read_parquet('{parquet("events")}') e
    JOIN read_parquet('{parquet("actors")}') s ON s.actor_id = e.source_actor_id
    LEFT JOIN read_parquet('{parquet("actors")}') t ON t.actor_id = e.target_actor_id
    GROUP BY ALL
    ORDER BY events DESC, source, target
    LIMIT 6''').df()"""),
]


def main() -> None:
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else HERE / "quickstart.ipynb"
    nb = nbformat.v4.new_notebook()
    nb.cells = CELLS
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i:02d}"
    nb.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    # Executed beside the committed notebook, so the kernel starts in notebooks/ as it does for a reader.
    with tempfile.NamedTemporaryFile(dir=HERE, prefix=".quickstart-", suffix=".ipynb", delete=False) as tmp:
        src = Path(tmp.name)
    try:
        nbformat.write(nb, src)
        # A failing cell makes nbconvert exit non-zero: the caller (npm, CI) fails with it.
        # The kernel is this interpreter's: its environment's kernelspec comes first on JUPYTER_PATH.
        env = {**os.environ, "JUPYTER_PATH": os.pathsep.join([str(Path(sys.prefix) / "share" / "jupyter"), os.environ.get("JUPYTER_PATH", "")]).rstrip(os.pathsep), "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
        cmd = [sys.executable, "-m", "nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=300", "--ExecutePreprocessor.kernel_name=python3", src.name, "--output", src.name]
        subprocess.run(cmd, check=True, cwd=HERE, env=env)
        done = nbformat.read(src, as_version=4)
    finally:
        src.unlink(missing_ok=True)
    for cell in done.cells:
        cell.metadata.pop("execution", None)
    done.metadata = {"kernelspec": nb.metadata["kernelspec"], "language_info": {"name": "python"}}
    nbformat.write(done, out)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
