/**
 * DATASHEET.md: hand-written prose with generated blocks between `<!-- BEGIN GENERATED: name -->` and
 * `<!-- END GENERATED: name -->`. The blocks are refilled from the release (field lists from the schemas,
 * row counts and input accounting from the run), so no figure in them is typed by hand. Pure.
 */
import { columnsOf, primaryKeyOf, SCHEMAS, TABLE_NAMES } from '../schema/tables.ts';
import type { TableName } from '../schema/tables.ts';
import { PipelineError } from '../errors.ts';
import type { RunReport } from './report.ts';
import { cameoLexicon } from '../annotate/cameo.ts';
import devResults from '../metadata/dev-results.json' with { type: 'json' };

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function fieldsBlock(): string {
  return TABLE_NAMES.map((t) => {
    const rows = columnsOf(t).map((c) => {
      const type = c.kind === 'string[]' ? 'list of string' : c.kind;
      const ref = c.references ? ` → ${c.references.table}.${c.references.field}` : '';
      return `| \`${c.name}\`${c.name === primaryKeyOf(t) ? ' (key)' : ''} | ${type}${c.nullable ? ', nullable' : ''}${ref} | ${cell(c.description)} |`;
    });
    return [`### ${t}`, '', cell(SCHEMAS[t].description), '', '| field | type | description |', '| --- | --- | --- |', ...rows].join('\n');
  }).join('\n\n');
}

function countsBlock(report: RunReport): string {
  const lines = [`Release \`v${report.dataset_version}\`.`, '', '| table | rows |', '| --- | ---: |'];
  for (const t of TABLE_NAMES) lines.push(`| ${t} | ${report.tables[t as TableName]} |`);
  const c = report.counts;
  const codes = Object.entries(report.quarantined_by_code).map(([code, n]) => `${code} ${n}`);
  lines.push('', `Input files: ${c.files} (processed ${c.processed}, duplicates ${c.duplicate}, quarantined ${c.quarantined}${codes.length ? `: ${codes.join(', ')}` : ''}, ignored ${c.ignored}).`);
  const removed = Object.entries(report.removed_segments).sort(([a], [b]) => (a < b ? -1 : 1));
  if (removed.length) {
    lines.push('', 'Segments removed or moved to metadata by the clean stage, by rule:', '', '| rule | segments |', '| --- | ---: |');
    for (const [rule, n] of removed) lines.push(`| ${rule} | ${n} |`);
  }
  return lines.join('\n');
}

/** Patterns per CAMEO root, from the lexicon the release was coded with. */
function coverageBlock(): string {
  const lex = cameoLexicon();
  const lines = ['| CAMEO root | codes | codes with a pattern | patterns |', '| --- | ---: | ---: | ---: |'];
  const roots = [...new Set(lex.codes.map((c) => c.root))].sort();
  for (const r of roots) {
    const codes = lex.codes.filter((c) => c.root === r);
    lines.push(`| ${r} | ${codes.length} | ${codes.filter((c) => c.patterns > 0).length} | ${codes.reduce((n, c) => n + c.patterns, 0)} |`);
  }
  lines.push(`| all | ${lex.codes.length} | ${lex.codes.filter((c) => c.patterns > 0).length} | ${lex.patterns.length} |`);
  return lines.join('\n');
}

interface DevSet {
  commit: string;
  produced: Record<string, number>;
  results: Record<string, unknown>[];
}

/** The development figures, from the committed results file that `npm run eval:dev` writes. */
function devBlock(): string {
  const sets = devResults.sets as Record<string, DevSet>;
  const lines = ['| set | measure | value |', '| --- | --- | ---: |'];
  const row = (set: string, measure: string, value: unknown) => lines.push(`| ${set} | ${measure} | ${value} |`);
  const codebook = sets['cameo-codebook'];
  if (codebook) {
    const r = codebook.results[0] as { by_category: Record<string, { sentences: number; root_hit: number; exact_hit: number }>; summary: { all: Record<string, number> } };
    const coding = Object.entries(r.by_category).filter(([root]) => root !== '01');
    const n = coding.reduce((a, [, c]) => a + c.sentences, 0);
    const share = (k: 'root_hit' | 'exact_hit') => (coding.reduce((a, [, c]) => a + c[k], 0) / n).toFixed(3);
    row('cameo-codebook', `leads of roots 02–20 (${n}): root recall`, share('root_hit'));
    row('cameo-codebook', 'leads of roots 02–20: exact-code recall', share('exact_hit'));
    row('cameo-codebook', 'all leads: any event / root recall / exact recall', `${r.summary.all.any_event_rate} / ${r.summary.all.root_recall} / ${r.summary.all.exact_recall}`);
    row('cameo-codebook', 'event reports per lead', (codebook.produced.event_reports! / r.summary.all.sentences!).toFixed(2));
  }
  const polnear = sets['polnear-train']?.results[0] as { direct: Record<string, number>; speaker_accuracy: number; indirect: Record<string, number> } | undefined;
  if (polnear) {
    row('polnear-train', 'direct quotes: precision / recall / F1', `${polnear.direct.precision} / ${polnear.direct.recall} / ${polnear.direct.f1}`);
    row('polnear-train', 'speaker accuracy (direct, named gold speaker)', polnear.speaker_accuracy);
    row('polnear-train', 'reported speech recall: all / speech-cue subset', `${polnear.indirect.recall} / ${polnear.indirect.recall_speech_cue}`);
  }
  const gum = sets['gum-news']?.results[0] as { recall: Record<string, string | number>; type_accuracy: number; grounded_share: number } | undefined;
  if (gum) {
    row('gum-news', 'actor recall: all / person / organisation / country', `${gum.recall.all} / ${gum.recall.person} / ${gum.recall.organization} / ${gum.recall.country}`);
    row('gum-news', 'type accuracy / grounded share', `${gum.type_accuracy} / ${gum.grounded_share}`);
  }
  const commits = [...new Set(Object.values(sets).map((s) => s.commit))].join(', ');
  lines.push('', `Scored at commit ${commits} with \`npm run eval:dev\` (\`pipeline/metadata/dev-results.json\`).`);
  return lines.join('\n');
}

/** The template with every generated block refilled. */
export function renderDatasheet(template: string, report: RunReport): string {
  const blocks: Record<string, string> = { fields: fieldsBlock(), counts: countsBlock(report), 'event-coverage': coverageBlock(), 'dev-figures': devBlock() };
  let out = template;
  for (const [name, body] of Object.entries(blocks)) {
    const re = new RegExp(`(<!-- BEGIN GENERATED: ${name} -->)[\\s\\S]*?(<!-- END GENERATED: ${name} -->)`);
    if (!re.test(out)) {
      throw new PipelineError('DATASHEET_MARKER_MISSING', `the generated block "${name}" has no markers`, { file: 'DATASHEET.md' }, `put "<!-- BEGIN GENERATED: ${name} -->" and "<!-- END GENERATED: ${name} -->" on lines of their own where the block belongs`);
    }
    out = out.replace(re, (_m, a: string, b: string) => `${a}\n${body}\n${b}`);
  }
  return out;
}
