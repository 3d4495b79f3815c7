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

/** An article after dedupe, before annotate has said whether it was annotated (`annotation_status`). */
export type DedupedArticle = Omit<FullArticle, 'annotation_status'>;

/** An article after clean, before dedupe has set its duplicate and story fields. */
export type CleanArticle = Omit<DedupedArticle, 'duplicate_of' | 'duplicate_kind' | 'duplicate_similarity' | 'story_id'>;

/** Where a file was quarantined or ignored: ingest (read, decode), clean, or one of the per-article failure stages. */
export type OutcomeStage = 'ingest' | 'clean' | 'annotate' | 'check' | 'corpus';

/** What became of one input file; `run-report.json` lists one per file. */
export interface FileOutcome {
  file: string;
  status: 'processed' | 'duplicate' | 'quarantined' | 'ignored';
  /** Reason code for quarantined, ignored and duplicate files, e.g. `EMPTY_FILE`, `ANNOTATE_FAILED`, `NEAR_DUPLICATE`. */
  code: string | null;
  /** The stage that quarantined or ignored the file (`ingest`, `clean`, `annotate`, `check`, `corpus`); null otherwise. */
  stage: OutcomeStage | null;
  message: string | null;
  article_id: string | null;
  bytes: number | null;
  sha256: string | null;
  /** Segments removed by clean, by rule id. */
  removed: Record<string, number>;
  warnings: string[];
}
