/**
 * DATASHEET.md: hand-written prose with generated blocks between `<!-- BEGIN GENERATED: name -->` and
 * `<!-- END GENERATED: name -->`. The blocks are refilled from the release (field lists from the schemas,
 * row counts and input accounting from the run), so no figure in them is typed by hand. Pure.
 */
import { columnsOf, primaryKeyOf, SCHEMAS, TABLE_NAMES } from '../schema/tables.ts';
import type { TableName } from '../schema/tables.ts';
import { PipelineError } from '../errors.ts';
import type { RunReport } from './report.ts';

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
  lines.push('', `Input files: ${c.files} (processed ${c.processed}, duplicates ${c.duplicate}, quarantined ${c.quarantined}, ignored ${c.ignored}).`);
  const removed = Object.entries(report.removed_segments).sort(([a], [b]) => (a < b ? -1 : 1));
  if (removed.length) {
    lines.push('', 'Segments removed or moved to metadata by the clean stage, by rule:', '', '| rule | segments |', '| --- | ---: |');
    for (const [rule, n] of removed) lines.push(`| ${rule} | ${n} |`);
  }
  return lines.join('\n');
}

/** The template with every generated block refilled. */
export function renderDatasheet(template: string, report: RunReport): string {
  const blocks: Record<string, string> = { fields: fieldsBlock(), counts: countsBlock(report) };
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
