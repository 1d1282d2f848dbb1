import type { z } from 'zod';
import { FIELD_DOCS } from './fields.ts';
import { EXTRACTS } from './registry.ts';

type Def = {
  type?: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
};
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The words for a field's schema: its documented type, looking through optional and derived schemas. */
function describeField(s: z.ZodType): string {
  const doc = FIELD_DOCS.get(s);
  if (doc) return doc;
  const d = defOf(s);
  if (d.type === 'optional' && d.innerType) return `${describeField(d.innerType)} (colonne facultative)`;
  if (d.type === 'pipe' && d.in) return describeField(d.in);
  if (d.type === 'string') return 'texte (lu tel quel, non contrôlé)';
  if (d.type === 'array' && d.element) return 'liste d’objets (voir ci-dessous)';
  return d.type ?? '?';
}

function shapeOf(s: z.ZodType): Record<string, z.ZodType> | null {
  const d = defOf(s);
  if (d.type === 'object' && d.shape) return d.shape;
  if (d.type === 'pipe' && d.in) return shapeOf(d.in);
  return null;
}

function table(shape: Record<string, z.ZodType>): string[] {
  const rows = ['| colonne | contenu accepté |', '|---|---|'];
  for (const [k, v] of Object.entries(shape)) rows.push(`| \`${k}\` | ${describeField(v)} |`);
  return rows;
}

/** docs/extracts.md, generated from the importers' schemas so that the two cannot drift. */
export function extractsMarkdown(): string {
  const out = [
    '# Extracts accepted by proactif',
    '',
    "Generated from the importers' zod schemas by `npm run docs` — do not edit by hand.",
    '',
    'Every file is named `<agence>_<extrait>_<AAAAMMJJ>.<csv|jsonl>[.gz]` (the date is the extraction date).',
    'CSV files: `;` separator, header row with exactly the columns below (in any order), UTF-8 with or',
    'without BOM or windows-1252, quoted fields may hold `;` and line breaks, CRLF or LF. A missing,',
    'renamed or extra column refuses the file before any row is read. A row that fails a check goes to',
    'the quarantine table with its line, field and reason; above `--max-reject-rate` the whole file is',
    'refused and nothing of it is applied.',
    '',
  ];
  for (const spec of EXTRACTS) {
    const name = spec.prefix.source.replace(/^\^|\$$/g, '').replace('(caf|msa|cnam|cnav)', '<CAF|MSA|CNAM|CNAV>');
    out.push(`## \`${name}_<AAAAMMJJ>.${spec.format}\``, '');
    out.push(
      `Agency: ${spec.agency}. Staging table: \`${spec.table}\`.${spec.key ? ` A record is identified by (${spec.key.join(', ')}): two different lines with the same key are both quarantined.` : ''}`,
      '',
    );
    const shape = shapeOf(spec.schema);
    if (!shape) continue;
    out.push(...(spec.format === 'jsonl' ? ['One JSON object per line:', ''] : []), ...table(shape), '');
    for (const [k, v] of Object.entries(shape)) {
      const d = defOf(v);
      const inner = d.type === 'array' && d.element ? shapeOf(d.element) : null;
      if (inner) out.push(`Each element of \`${k}\`:`, '', ...table(inner), '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
