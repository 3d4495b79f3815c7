import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsPii, removePii } from '../pipeline/pii.ts';
import { VERSION, runCli, tempDir } from './helpers.ts';

const planted = ['jane.doe@example.com', 'desk@news-example.org', '+1 202 555 0143', '+82-2-398-3114', '(02) 555 0199', '02-398-3114'];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('contact data', () => {
  it('never reaches any file of the release: text, authors, quotes, every format', () => {
    const seeds = tempDir();
    mkdirSync(seeds, { recursive: true });
    writeFileSync(
      path.join(seeds, 'contacts.txt'),
      [
        'Ministry opens hotline for flood victims',
        'By Jane Doe (jane.doe@example.com, +1 202 555 0143)',
        'The interior ministry opened a hotline for flood victims on Monday, officials said. Callers can dial +82-2-398-3114 or (02) 555 0199 around the clock.',
        '“Write to desk@news-example.org or call 02-398-3114 if you need help,” the ministry said in a statement.',
      ].join('\n'),
    );
    const out = tempDir();
    const r = runCli(['--seeds', seeds, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const articles = readFileSync(path.join(out, `${VERSION}/jsonl/articles.jsonl`), 'utf8');
    expect(articles).toContain('Jane Doe'); // the author survives, the address does not
    expect(readFileSync(path.join(out, `${VERSION}/jsonl/quotes.jsonl`), 'utf8')).toContain('if you need help');
    for (const file of files(out)) {
      const bytes = readFileSync(file);
      for (const p of planted) expect(bytes.includes(Buffer.from(p)), `${p} in ${path.relative(out, file)}`).toBe(false);
    }
  });
});

describe('contact data: the cheap pre-tests', () => {
  // The full patterns, tried on every text: what removePii and containsPii must agree with.
  const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;
  const PHONE = /(?<![\p{L}\p{N}])(?:\+\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{1,4}(?:[ .-]\d{2,4}){1,4}|\(\d{2,4}\)[ .-]?\d{3,4}[ .-]\d{4}|\d{2,4}[.-]\d{3,4}[.-]\d{4})(?![\p{L}\p{N}])/u;
  const piece = fc.constantFrom(...planted, 'call', ' ', '(', ')', '[', ']', '<', '>', ', ', '2024-05-10', '10.5', '+', '@', 'x', '12', '555', '-', '.', '0143', 'é');
  it('removePii and containsPii give what the full patterns give, on any text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }).map((xs) => xs.join('')), (text) => {
        expect(containsPii(text)).toBe(EMAIL.test(text) || PHONE.test(text));
        const removed = removePii(text);
        expect(EMAIL.test(removed) || PHONE.test(removed)).toBe(false);
        const contact = new RegExp(`[ \\t]?(?:${EMAIL.source}|${PHONE.source})`, 'gu');
        let plain = text;
        for (let before = ''; before !== plain; ) [before, plain] = [plain, plain.replace(contact, '')];
        expect(removed).toBe(plain.replace(/[ \t]*(?:\([\s,;:/|–-]*\)|\[[\s,;:/|–-]*\]|<[\s,;:/|–-]*>)/g, ''));
      }),
      { numRuns: 2000, seed: 5 },
    );
  });
});
