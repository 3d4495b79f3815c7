/** run-report.json: every input file and what became of it, with counts that add up. Pure. */
import type { FileOutcome } from '../model.ts';
import { TABLE_NAMES } from '../schema/tables.ts';
import type { TableName } from '../schema/tables.ts';

export interface RunReport {
  dataset_version: string;
  counts: { files: number; processed: number; duplicate: number; quarantined: number; ignored: number };
  /** Quarantined files by reason code (`NO_BODY`, `ANNOTATE_FAILED`, …), codes in order; adds up to `counts.quarantined`. */
  quarantined_by_code: Record<string, number>;
  tables: Record<TableName, number>;
  /** Segments removed by clean over all files, by rule id. */
  removed_segments: Record<string, number>;
  files: FileOutcome[];
}

/** Builds the report; files sorted by name so the bytes do not depend on processing order. */
export function buildReport(version: string, outcomes: FileOutcome[], tables: Record<TableName, number>): RunReport {
  const files = [...outcomes].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const count = (s: FileOutcome['status']) => files.filter((f) => f.status === s).length;
  const removed: Record<string, number> = {};
  for (const f of files) for (const [k, n] of Object.entries(f.removed)) removed[k] = (removed[k] ?? 0) + n;
  const sortedRemoved = Object.fromEntries(Object.entries(removed).sort(([a], [b]) => (a < b ? -1 : 1)));
  const byCode: Record<string, number> = {};
  for (const f of files) if (f.status === 'quarantined') byCode[f.code ?? 'UNKNOWN'] = (byCode[f.code ?? 'UNKNOWN'] ?? 0) + 1;
  return {
    dataset_version: version,
    counts: { files: files.length, processed: count('processed'), duplicate: count('duplicate'), quarantined: count('quarantined'), ignored: count('ignored') },
    quarantined_by_code: Object.fromEntries(Object.entries(byCode).sort(([a], [b]) => (a < b ? -1 : 1))),
    tables: Object.fromEntries(TABLE_NAMES.map((t) => [t, tables[t]])) as Record<TableName, number>,
    removed_segments: sortedRemoved,
    files,
  };
}
