/** Internal types that flow between stages (the table rows themselves are in types.generated.ts). */
import type { Article } from './types.generated.ts';

/** What the manifest says of one file; every field may be null (unknown). */
export interface ManifestEntry {
  file: string;
  outlet: string | null;
  url: string | null;
  published_date: string | null;
  language: string | null;
}

/** A decoded input file, ready to clean. */
export interface RawArticle {
  /** File name relative to the seeds folder, `/`-separated. */
  sourceFile: string;
  /** Decoded text (not yet normalised). */
  text: string;
  manifest: ManifestEntry | null;
}

/** An article row with its body: every stage works on these (only the public profile's export drops the text). */
export type FullArticle = Article & { text: string };

/** An article after clean, before dedupe has set its duplicate and story fields. */
export type CleanArticle = Omit<FullArticle, 'duplicate_of' | 'duplicate_kind' | 'duplicate_similarity' | 'story_id'>;

/** What became of one input file; `run-report.json` lists one per file. */
export interface FileOutcome {
  file: string;
  status: 'processed' | 'duplicate' | 'quarantined' | 'ignored';
  /** Reason code for quarantined and ignored files, e.g. `EMPTY_FILE`. */
  code: string | null;
  message: string | null;
  article_id: string | null;
  bytes: number | null;
  sha256: string | null;
  /** Segments removed by clean, by rule id. */
  removed: Record<string, number>;
  warnings: string[];
}
