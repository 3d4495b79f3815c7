/**
 * Command line: parses flags into RunOptions, prints progress and the summary on stderr, maps errors to
 * exit codes. `npm run pipeline -- --help` lists everything.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { PipelineError } from './errors.ts';
import { parseFailArticles } from './failure.ts';
import { DEFAULT_OPTIONS } from './options.ts';
import type { RunOptions } from './options.ts';
import { run, syncProjectDocs, ValidationFailed } from './run.ts';

const HELP = `Usage: npm run pipeline -- [options]

Turns seed articles into a validated, versioned release of articles, actors, quotes and events
(CSV, JSON Lines, Parquet, datapackage.json, DATASHEET.md, SHA256SUMS) under <out>/v<version>/.

Options:
  --seeds DIR            folder of *.txt articles and optional manifest.json   (default: ${DEFAULT_OPTIONS.seeds})
  --out DIR              folder the release folder is written under            (default: ${DEFAULT_OPTIONS.out})
  --max-bytes N          largest input file read, in bytes                     (default: ${DEFAULT_OPTIONS.maxBytes})
  --near-threshold X     word-shingle Jaccard at or above which two articles
                         are near duplicates, 0 < X <= 1                        (default: ${DEFAULT_OPTIONS.nearThreshold})
  --profile full|public  full: with article text; public: third-party text left out
                         (bodies and evidence sentences null, quote excerpts), under <out>/public/
                                                                                (default: full)
  --workers N            worker threads for clean and annotate; 0 picks 1 below 500
                         files, else up to 2; the output is the same for any N (default: 0);
                         with --engine ray: Node actors, 0 = one per CPU of the cluster
  --engine local|ray     local: everything on this machine (worker threads); ray: clean and
                         annotate in Node actors on a Ray cluster (Ray Data), the corpus-wide
                         steps and the export here; the output is the same   (default: local)
  --ray-address ADDR     with --engine ray: the cluster, auto (the one \`ray start\` started
                         on this machine), HOST:PORT or ray://HOST:PORT; without it a local
                         Ray is started on 127.0.0.1 for the run, usage reporting off
  --strict               exit 1 when any input file is quarantined, including an article
                         whose clean, annotation or checks raised an error
  -h, --help             show this help

Environment:
  DISPATCHES_FAIL_ARTICLES=FILE[:STAGE],…  failpoint for testing the quarantine: these seed files throw
                         at STAGE (clean, annotate, check or corpus; default annotate)
  DISPATCHES_PYTHON=PATH the Python with Ray for --engine ray (default: .venv/bin/python,
                         made by \`npm run setup:ray\`); DISPATCHES_RAY_VERBOSE=1 shows Ray's messages

An article that raises an error is quarantined with a code (CLEAN_FAILED: no row; ANNOTATE_FAILED,
CHECK_FAILED, CORPUS_FAILED: its row with annotation_status "failed", nothing else of it), the rest is
released; run-report.json gives each file's code, stage and message.

Exit codes:
  0  the release was written
  1  the data failed validation, the manifest or an input was rejected (strict mode); nothing was written
  2  usage error (unknown option, bad value), or --engine ray without Ray installed or with a
     cluster that cannot be reached; nothing was written
`;

function fail(message: string): never {
  process.stderr.write(`USAGE_ERROR: ${message}. Fix: see --help.\n`);
  process.exit(2);
}

function parseOptions(argv: string[]): RunOptions | null {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        seeds: { type: 'string' },
        out: { type: 'string' },
        'max-bytes': { type: 'string' },
        'near-threshold': { type: 'string' },
        strict: { type: 'boolean' },
        profile: { type: 'string' },
        workers: { type: 'string' },
        engine: { type: 'string' },
        'ray-address': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    fail((err as Error).message.split('\n')[0]!);
  }
  if (values.help) return null;
  const num = (name: string, raw: string | undefined, fallback: number, ok: (n: number) => boolean) => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || !ok(n)) fail(`--${name} must be ${name === 'max-bytes' ? 'a positive whole number' : name === 'workers' ? 'a whole number from 0 to 64' : 'a number above 0 and at most 1'}, got "${raw}"`);
    return n;
  };
  let failArticles;
  try {
    failArticles = parseFailArticles(process.env['DISPATCHES_FAIL_ARTICLES'] ?? '');
  } catch (err) {
    fail((err as PipelineError).what);
  }
  const engine = values.engine === undefined ? 'local' : values.engine === 'local' || values.engine === 'ray' ? values.engine : fail(`--engine must be "local" or "ray", got "${values.engine}"`);
  const rayAddress = values['ray-address'];
  if (rayAddress !== undefined) {
    if (engine !== 'ray') fail('--ray-address needs --engine ray');
    if (rayAddress !== 'auto' && !/^(ray:\/\/)?(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9._-]+):\d{1,5}$/.test(rayAddress)) fail(`--ray-address must be auto, HOST:PORT or ray://HOST:PORT, got "${rayAddress}"`);
  }
  return {
    ...(failArticles.size ? { failArticles } : {}),
    ...(rayAddress !== undefined ? { rayAddress } : {}),
    engine,
    seeds: values.seeds ?? DEFAULT_OPTIONS.seeds,
    out: values.out ?? DEFAULT_OPTIONS.out,
    maxBytes: num('max-bytes', values['max-bytes'], DEFAULT_OPTIONS.maxBytes, (n) => Number.isInteger(n) && n > 0),
    nearThreshold: num('near-threshold', values['near-threshold'], DEFAULT_OPTIONS.nearThreshold, (n) => n > 0 && n <= 1),
    strict: values.strict ?? false,
    workers: num('workers', values.workers, DEFAULT_OPTIONS.workers, (n) => Number.isInteger(n) && n >= 0 && n <= 64),
    profile: values.profile === undefined ? 'full' : values.profile === 'full' || values.profile === 'public' ? values.profile : fail(`--profile must be "full" or "public", got "${values.profile}"`),
  };
}

/**
 * Fault injection for the atomic-release tests: with DISPATCHES_PAUSE_AT=<step> (`file:csv/quotes.csv`,
 * `swap`) the run stops at that step, says so on stderr and waits to be killed.
 */
function pauseAt(step: string | undefined): ((s: string) => void) | undefined {
  if (!step) return undefined;
  return (s) => {
    if (s !== step) return;
    process.stderr.write(`PAUSED at ${s}\n`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  };
}

/**
 * V8 lets a heap grow to several times its live size before collecting; a batch run that allocates a lot of
 * short-lived strings then holds memory it does not need. Growing by at most 10% over the live size keeps the
 * process near what it really uses. Measured (peak RSS, whole run): at 10,000 articles, default 1,700 MiB,
 * 25% about 650 MiB, 10% 575-590 MiB, all within a few seconds of each other; at 100,000 articles, 25%
 * 1,065 MiB in 568 s, 10% 976 MiB in 593 s. Set before any worker starts, so the workers' heaps follow it too.
 */
v8.setFlagsFromString('--heap-growing-percent=10');

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (!options) {
    process.stdout.write(HELP);
    return;
  }
  const started = performance.now();
  for (const [file, stage] of options.failArticles ?? []) process.stderr.write(`FAILPOINT: DISPATCHES_FAIL_ARTICLES makes ${file} throw at stage ${stage} (for testing the quarantine)\n`);
  const projectOut = path.resolve(fileURLToPath(new URL('../dist-data', import.meta.url)));
  try {
    const summary = await run(
      options,
      (stage, items, ms) => process.stderr.write(`${stage.padEnd(9)} ${String(items).padStart(7)} items ${ms.toFixed(0).padStart(7)} ms   peak RSS so far ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`),
      pauseAt(process.env['DISPATCHES_PAUSE_AT']),
      (line) => process.stderr.write(`${line}\n`),
    );
    // A full release into the project's own dist-data: the project's DATASHEET.md and CHANGELOG.md follow it.
    if (path.resolve(options.out) === projectOut && options.profile === 'full') syncProjectDocs(summary.dir);
    const { counts, tables, quarantined_by_code: byCode } = summary.report;
    const codes = Object.entries(byCode).map(([code, n]) => `${code} ${n}`).join(', ');
    process.stderr.write(
      `\nrelease  ${summary.dir} (${summary.files.length} files${summary.unchanged ? ', already released with these exact bytes: unchanged' : ''}) in ${((performance.now() - started) / 1000).toFixed(1)} s\n` +
        `rows     ${Object.entries(tables).map(([t, n]) => `${t} ${n}`).join(', ')}\n` +
        `inputs   ${counts.files} files: ${counts.processed} processed, ${counts.duplicate} duplicates, ${counts.quarantined} quarantined${codes ? ` (${codes})` : ''}, ${counts.ignored} ignored (see run-report.json)\n` +
        `memory   peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (this process and its worker threads${options.engine === 'ray' ? '; the Ray actors are reported above' : ''})\n`,
    );
  } catch (err) {
    if (err instanceof ValidationFailed) {
      for (const i of err.issues.slice(0, 50)) process.stderr.write(`  ${i.code} table ${i.table} row ${i.rowId} field "${i.field}": ${i.message}\n`);
      if (err.issues.length > 50) process.stderr.write(`  … and ${err.issues.length - 50} more\n`);
    }
    if (err instanceof PipelineError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(err.exitCode);
    }
    throw err;
  }
}

await main();
