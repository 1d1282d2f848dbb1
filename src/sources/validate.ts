import type { ExtractContext, ExtractSpec, FieldIssue } from './extract.ts';
import { fastParser, NOT_FAST } from './fast-parse.ts';
import type { RawRecord } from './read.ts';

export type Validated = { ok: true; rows: unknown[][]; warnings: FieldIssue[] } | { ok: false; issues: FieldIssue[] };

/**
 * Validates one record against its extract's schema and checks (pure). Collects every
 * issue of the record rather than stopping at the first one.
 */
/** UTF-8 read as Latin-1 once too often: `Ã©` for `é`, `â€™` for `’`. */
const MOJIBAKE = /Ã[\u0080-\u00bf]|â€/;

export function validateRecord<T>(spec: ExtractSpec<T>, rec: RawRecord, ctx: ExtractContext): Validated {
  if (rec.error || !rec.fields) {
    return {
      ok: false,
      issues: [
        { field: null, code: rec.error?.code ?? 'LIGNE_ILLISIBLE', reason: rec.error?.reason ?? 'ligne illisible' },
      ],
    };
  }
  if (spec.format === 'jsonl' && !spec.columns.every((c) => c in (rec.fields as object))) {
    const missing = spec.columns.filter((c) => !(c in (rec.fields as object)));
    if (missing.length)
      return {
        ok: false,
        issues: missing.map((c) => ({ field: c, code: 'CHAMP_MANQUANT', reason: `champ « ${c} » absent` })),
      };
  }
  const fast = fastParser(spec.schema);
  const quick = fast ? fast(rec.fields) : NOT_FAST;
  const parsed = quick === NOT_FAST ? spec.schema.safeParse(rec.fields) : { success: true as const, data: quick as T };
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({
        field: i.path.map(String).join('.') || null,
        code: String(
          (i as { params?: { code?: string } }).params?.code ??
            (i.code === 'invalid_type' ? 'TYPE_INVALIDE' : 'VALEUR_INVALIDE'),
        ),
        reason: i.code === 'invalid_type' ? 'valeur absente ou de mauvais type' : i.message,
      })),
    };
  }
  const issues = spec.check?.(parsed.data, ctx) ?? [];
  if (issues.length) return { ok: false, issues };
  const warnings = spec.warn?.(parsed.data, ctx) ?? [];
  // Most lines hold neither character: indexOf is far cheaper than the regex.
  if ((rec.raw.indexOf('Ã') >= 0 || rec.raw.indexOf('â') >= 0) && MOJIBAKE.test(rec.raw))
    warnings.push({
      field: null,
      code: 'ENCODAGE_SUSPECT',
      reason: 'caractères « Ã… » : texte UTF-8 probablement décodé deux fois',
    });
  return { ok: true, rows: spec.toRows(parsed.data), warnings };
}

/** Compares a CSV header with the expected columns; returns the problems, in French. */
export function checkHeader(expected: readonly string[], header: readonly string[]): string[] {
  if (header.length === 0) return ['fichier vide (pas même une ligne d’en-tête)'];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) problems.push(`colonne « ${h} » en double`);
    seen.add(h);
  }
  const missing = expected.filter((c) => !seen.has(c));
  const extra = header.filter((h) => !expected.includes(h));
  if (missing.length) problems.push(`colonne(s) manquante(s) : ${missing.join(', ')}`);
  if (extra.length) problems.push(`colonne(s) inattendue(s) : ${extra.join(', ')}`);
  return problems;
}
