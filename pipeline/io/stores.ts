/**
 * Per-article data kept on disk between stages, written once and read back by reference, so no stage holds
 * it for every article at once: the clean articles (clean writes them, annotate and the evidence fill read
 * them) and the dedupe shingle sets (read only for the candidate pairs dedupe verifies).
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import type { CleanArticle } from '../model.ts';

/** Where one item is in its store. */
export interface StoreRef {
  offset: number;
  bytes: number;
}

/** Bytes appended to a file and read back by reference. */
export class BlobStore {
  readonly file: string;
  private readonly fd: number;
  private end = 0;

  /** A new store at `file`, or (`readOnly`) one another thread writes, opened for reading. */
  constructor(file: string, readOnly = false) {
    this.file = file;
    this.fd = openSync(file, readOnly ? 'r' : 'w+');
  }

  add(b: Uint8Array): StoreRef {
    for (let off = 0; off < b.length; ) off += writeSync(this.fd, b, off, b.length - off, this.end + off);
    const ref = { offset: this.end, bytes: b.length };
    this.end += b.length;
    return ref;
  }

  read(ref: StoreRef): Buffer {
    // A buffer of its own (not a slice of Node's shared pool), so typed-array views of it are aligned.
    const b = Buffer.allocUnsafeSlow(ref.bytes);
    for (let off = 0; off < ref.bytes; ) {
      const n = readSync(this.fd, b, off, ref.bytes - off, ref.offset + off);
      if (n === 0) throw new Error(`${this.file} ended at byte ${ref.offset + off} of ${ref.offset + ref.bytes}`);
      off += n;
    }
    return b;
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** Clean articles (body included), as JSON. */
export class ArticleStore extends BlobStore {
  /** `json`: the article as JSON.stringify gives it (workers serialise it, in parallel). */
  addJson(json: string): StoreRef {
    return this.add(Buffer.from(json, 'utf8'));
  }
  /** The article as stored (JSON), for a task that runs where the store is not. */
  readJson(ref: StoreRef): string {
    return this.read(ref).toString('utf8');
  }
  readArticle(ref: StoreRef): CleanArticle {
    return JSON.parse(this.read(ref).toString('utf8')) as CleanArticle;
  }
}

/** Sorted 32-bit shingle hashes. */
export class ShingleStore extends BlobStore {
  addSet(set: Uint32Array): StoreRef {
    return this.add(new Uint8Array(set.buffer, set.byteOffset, set.byteLength));
  }
  readSet(ref: StoreRef): Uint32Array {
    const b = this.read(ref);
    return new Uint32Array(b.buffer, b.byteOffset, b.byteLength / 4);
  }
}
