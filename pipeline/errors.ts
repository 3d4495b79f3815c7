/**
 * The one error class. Every error a user can meet has a stable code, what went wrong, where (file, line,
 * field) and what to do, so messages read alike:
 *   SEED_MANIFEST_INVALID: seeds/manifest.json entry 3 field "published_date": must be YYYY-MM-DD, got "March 3". Fix: …
 */
export interface ErrorWhere {
  file?: string;
  line?: number;
  column?: number;
  entry?: number;
  table?: string;
  rowId?: string;
  field?: string;
}

export class PipelineError extends Error {
  readonly code: string;
  readonly what: string;
  readonly where: ErrorWhere;
  readonly fix: string;
  /** Exit code the CLI maps this error to: 1 for rejected data, 2 for usage. */
  readonly exitCode: 1 | 2;

  constructor(code: string, what: string, where: ErrorWhere, fix: string, exitCode: 1 | 2 = 1) {
    super(`${code}: ${formatWhere(where)}${what}. Fix: ${fix}`);
    this.name = 'PipelineError';
    this.code = code;
    this.what = what;
    this.where = where;
    this.fix = fix;
    this.exitCode = exitCode;
  }
}

/** "seeds/x.txt line 3 field "title": " — the place part of a message, empty when nothing is known. */
export function formatWhere(w: ErrorWhere): string {
  const parts: string[] = [];
  if (w.file) parts.push(w.file);
  if (w.table) parts.push(`table ${w.table}`);
  if (w.entry !== undefined) parts.push(`entry ${w.entry}`);
  if (w.rowId) parts.push(`row ${w.rowId}`);
  if (w.line !== undefined) parts.push(`line ${w.line}${w.column !== undefined ? ` column ${w.column}` : ''}`);
  if (w.field) parts.push(`field "${w.field}"`);
  return parts.length ? `${parts.join(' ')}: ` : '';
}

/** An error as it crosses from a worker thread: a PipelineError keeps its parts, anything else its stack. */
export type ErrorPayload = { pipeline: { code: string; what: string; where: ErrorWhere; fix: string; exitCode: 1 | 2; issues?: unknown[] } } | { message: string };

export function toPayload(err: unknown): ErrorPayload {
  if (err instanceof PipelineError) return { pipeline: { code: err.code, what: err.what, where: err.where, fix: err.fix, exitCode: err.exitCode, ...('issues' in err ? { issues: err.issues as unknown[] } : {}) } };
  return { message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
}
