import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, VERSION, runCli, tempDir } from './helpers.ts';

const seeds = path.join(ROOT, 'tests/fixtures/messy/seeds');
const expected = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/messy/expected.json'), 'utf8')).files as Record<string, { status: string; code: string | null; warning?: string }>;
const reportOf = (out: string) => JSON.parse(readFileSync(path.join(out, VERSION, 'run-report.json'), 'utf8'));

describe('a messy seeds folder', () => {
  const out = tempDir();
  const r = runCli(['--seeds', seeds, '--out', out]);

  it('is processed (exit 0) with every entry accounted for exactly once, with the documented outcome', () => {
    expect(r.status, r.stderr).toBe(0);
    const report = reportOf(out);
    const entries = readdirSync(seeds).filter((f) => f !== 'manifest.json').sort();
    expect(report.files.map((f: { file: string }) => f.file)).toEqual(entries);
    for (const f of report.files) {
      expect({ file: f.file, status: f.status, code: f.code }).toEqual({ file: f.file, status: expected[f.file]!.status, code: expected[f.file]!.code });
      if (expected[f.file]!.warning) expect(f.warnings.join(' ')).toContain(expected[f.file]!.warning);
      if (f.status === 'quarantined' || f.status === 'ignored') expect(f.message).toMatch(/\w{5,}/);
    }
    const c = report.counts;
    expect(c.processed + c.duplicate + c.quarantined + c.ignored).toBe(c.files);
    expect(c.files).toBe(entries.length);
  });

  it('processes the valid articles normally: decoded, normalised, HTML stripped, other languages kept unannotated', () => {
    const articles = readFileSync(path.join(out, `${VERSION}/jsonl/articles.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const by = new Map(articles.map((a) => [a.source_file, a]));
    expect(by.get('utf16le_bom.txt')?.title).toBe('Rail strike called off');
    expect(by.get('utf16be_bom.txt')?.title).toBe('Ferry service resumes');
    expect(by.get('utf8_bom.txt')?.title).toBe('Bridge reopens to traffic');
    expect(by.get('crlf_endings.txt')?.text).toBe('The airport will add a second terminal by 2027 to handle rising passenger numbers, its operator said.\n\nConstruction starts next spring.');
    expect(by.get('cr_endings.txt')?.title).toBe('Harbour dredging finished');
    expect(by.get('html_inside.txt')).toMatchObject({ title: 'Inquiry opens into dam collapse', text: 'An independent inquiry into last year’s dam collapse opened on Monday in the capital, the justice ministry said.\n\nHearings are expected to last three months.' });
    expect(by.get('french_article.txt')?.language).toBe('fr');
    expect(by.get('ok_article.txt')).toMatchObject({ outlet: 'Example Times', published_date: '2024-03-07' });
    for (const a of articles) expect(a.text).not.toMatch(/[\r\uFEFF]|[ \t]$/m);
  });

  it('exits 1 in strict mode and writes nothing', () => {
    const strictOut = path.join(tempDir(), 'out');
    const s = runCli(['--seeds', seeds, '--out', strictOut, '--strict']);
    expect(s.status).toBe(1);
    expect(s.stderr).toMatch(/INPUT_QUARANTINED: .* quarantined in strict mode .* Fix: /);
    expect(existsSync(path.join(strictOut, VERSION))).toBe(false);
  });

  it('quarantines a 20 MB file under the size limit with a clear message, and the limit is configurable', () => {
    const big = tempDir();
    writeFileSync(path.join(big, 'huge.txt'), `Huge file\n${'All work and no play makes a long article. '.repeat(480_000)}`);
    writeFileSync(path.join(big, 'small.txt'), 'Small article\nThe council approved the new budget on Monday after a long debate, members said.\n');
    const o = tempDir();
    expect(runCli(['--seeds', big, '--out', o]).status).toBe(0);
    const huge = reportOf(o).files.find((f: { file: string }) => f.file === 'huge.txt');
    expect(huge).toMatchObject({ status: 'quarantined', code: 'FILE_TOO_LARGE' });
    expect(huge.message).toMatch(/over the limit of 5242880 bytes; raise --max-bytes/);
    const o2 = tempDir();
    expect(runCli(['--seeds', big, '--out', o2, '--max-bytes', '100']).status).toBe(0);
    expect(reportOf(o2).files.map((f: { code: string | null }) => f.code)).toEqual(['FILE_TOO_LARGE', null]);
  });

  it.skipIf(process.getuid?.() === 0)('quarantines a file it may not read (skipped as root, who may read anything)', () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'locked.txt'), 'Locked\nThis file cannot be read by the pipeline at all, the test says.\n');
    chmodSync(path.join(dir, 'locked.txt'), 0o000);
    const o = tempDir();
    expect(runCli(['--seeds', dir, '--out', o]).status).toBe(0);
    expect(reportOf(o).files[0]).toMatchObject({ status: 'quarantined', code: 'UNREADABLE' });
  });
});
