/**
 * The notebook's questions answered from the Parquet files with DuckDB (`npx tsx notebooks/quickstart.ts`):
 * prints the same `ANSWER` lines as notebooks/quickstart.ipynb, which tests/notebook.test.ts compares.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const root = fileURLToPath(new URL('..', import.meta.url));
const versions = readdirSync(path.join(root, 'dist-data')).filter((n) => /^v\d+\.\d+\.\d+$/.test(n)).sort((a, b) => a.slice(1).localeCompare(b.slice(1), undefined, { numeric: true }));
const rel = path.join(root, 'dist-data', versions[versions.length - 1]!, 'parquet');
const t = (name: string) => `read_parquet('${path.join(rel, `${name}.parquet`).replace(/'/g, "''")}')`;

const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
const rows = async (sql: string) => (await con.runAndReadAll(sql)).getRowObjectsJson() as Record<string, string | number | null>[];

const top = await rows(`SELECT a.name AS speaker, count(*) AS quotes FROM ${t('quotes')} q JOIN ${t('actors')} a ON a.actor_id = q.speaker_actor_id GROUP BY a.name ORDER BY quotes DESC, speaker LIMIT 5`);
console.log(`ANSWER top_speakers: ${top.map((r) => `${r['speaker']}=${r['quotes']}`).join('; ')}`);

const best = await rows(`SELECT e.event_type, s.name AS source, g.name AS target, e.event_date, e.source_count, len(e.article_ids) AS n_articles
  FROM ${t('events')} e JOIN ${t('actors')} s ON s.actor_id = e.source_actor_id LEFT JOIN ${t('actors')} g ON g.actor_id = e.target_actor_id
  ORDER BY e.source_count DESC, n_articles DESC, e.event_id LIMIT 5`);
console.log(`ANSWER corroborated: ${best.map((r) => `${r['event_type']} ${r['source']} -> ${r['target']} (${r['event_date'] ?? 'undated'}): outlets=${r['source_count']}, articles=${r['n_articles']}`).join('; ')}`);

const byDay = await rows(`SELECT event_date, count(*) AS n FROM ${t('events')} WHERE date_precision = 'day' GROUP BY event_date ORDER BY event_date`);
console.log(`ANSWER by_day: ${byDay.map((r) => `${r['event_date']}=${r['n']}`).join('; ')}`);
con.closeSync();
db.closeSync();
