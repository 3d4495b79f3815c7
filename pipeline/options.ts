import type { FailStage } from './failure.ts';

/** Run options: the CLI turns flags into this once; stages never re-check them. */
export interface RunOptions {
  /** Folder of seed articles (default `seeds`). */
  seeds: string;
  /** Folder the release is written under (default `dist-data`). */
  out: string;
  /** Largest input file read, in bytes (default 5 MiB). */
  maxBytes: number;
  /** Exit 1 when any input file is quarantined (default false). */
  strict: boolean;
  /** Near-duplicate Jaccard threshold (default 0.5). */
  nearThreshold: number;
  /** Dataset version to release (default: pipeline/metadata/dataset.json). */
  version?: string;
  /** `full` (default) releases article text; `public` leaves third-party text out (written under `<out>/public/`). */
  profile: 'full' | 'public';
  /** Worker threads for clean and annotate; 0 (default) picks 1 for fewer than 500 files, else up to 2. Output is the same whatever the number. */
  workers: number;
  /**
   * `local` (default): everything on this machine, per-article tasks on worker threads. `ray`: the per-article
   * tasks on a Ray cluster (pipeline/ray/engine.ts), in `workers` Node actors (0: one per CPU of the cluster);
   * the corpus-wide steps and the export stay here. Output is the same.
   */
  engine: 'local' | 'ray';
  /** With `engine: 'ray'`: the cluster (`auto`, `HOST:PORT`, `ray://HOST:PORT`); absent, a local Ray is started on 127.0.0.1. */
  rayAddress?: string;
  /**
   * Failpoints, for testing the quarantine: these files (names as in the seeds folder) throw at the given
   * stage (the CLI reads them from DISPATCHES_FAIL_ARTICLES; default none).
   */
  failArticles?: ReadonlyMap<string, FailStage>;
}

export const DEFAULT_OPTIONS: RunOptions = {
  seeds: 'seeds',
  out: 'dist-data',
  maxBytes: 5 * 1024 * 1024,
  strict: false,
  nearThreshold: 0.5,
  profile: 'full',
  workers: 0,
  engine: 'local',
};
