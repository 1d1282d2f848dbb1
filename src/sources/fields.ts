import { z } from 'zod';
import { checkNir } from './nir.ts';

/**
 * zod field types for the French extracts. Every field arrives as the string of the file;
 * each type turns it into a typed value or adds an issue whose message an operator can read.
 * An issue's `params.code` is a stable code for counting rejections (NIR_CLE, DATE_INVALIDE…).
 */

const empty = (s: string) => s.trim() === '';

/** What each field type accepts, in words, for the generated docs/extracts.md. */
export const FIELD_DOCS = new Map<z.ZodType, string>();
function documented<T extends z.ZodType>(schema: T, doc: string): T {
  FIELD_DOCS.set(schema, doc);
  return schema;
}

function issue(ctx: z.core.$RefinementCtx, code: string, message: string) {
  ctx.addIssue({ code: 'custom', message, params: { code } });
  return z.NEVER;
}

/** A required text, trimmed; NFC so that macOS-decomposed accents compare equal. */
export const text = z.string().transform((s, ctx) => {
  const t = s.trim().normalize('NFC');
  return t === '' ? issue(ctx, 'VALEUR_MANQUANTE', 'valeur obligatoire manquante') : t;
});

/** An optional text: an empty field is null (unknown), never ''. */
export const optText = z.string().transform((s) => (empty(s) ? null : s.trim().normalize('NFC')));

function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function parseFrDate(s: string): string | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s.trim());
  return m ? isoDate(Number(m[3]), Number(m[2]), Number(m[1])) : null;
}

/** A date `JJ/MM/AAAA` → `AAAA-MM-JJ`. 31/02 is refused. */
export const frDate = z.string().transform((s, ctx) => {
  const d = parseFrDate(s);
  return d ?? issue(ctx, 'DATE_INVALIDE', `date « ${s.trim()} » invalide (attendu JJ/MM/AAAA, date réelle)`);
});

export const optFrDate = z.string().transform((s, ctx) => {
  if (empty(s)) return null;
  const d = parseFrDate(s);
  return d ?? issue(ctx, 'DATE_INVALIDE', `date « ${s.trim()} » invalide (attendu JJ/MM/AAAA, date réelle)`);
});

/**
 * A birth date, possibly partial (`00/03/1975`, `00/00/1990`): kept as `1975-03-00`.
 * A birth after the extraction date is refused (checked by the extract, which knows that date).
 */
export const birthDate = z.string().transform((s, ctx) => {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s.trim());
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (d === 0 && mo >= 0 && mo <= 12) return `${m[3]}-${m[2]}-00`;
    const iso = isoDate(y, mo, d);
    if (iso) return iso;
  }
  return issue(ctx, 'DATE_INVALIDE', `date de naissance « ${s.trim()} » invalide (attendu JJ/MM/AAAA)`);
});

/** A month `AAAA-MM`. */
export const month = z.string().transform((s, ctx) => {
  const t = s.trim();
  const m = /^(\d{4})-(\d{2})$/.exec(t);
  return m && Number(m[2]) >= 1 && Number(m[2]) <= 12
    ? t
    : issue(ctx, 'MOIS_INVALIDE', `mois « ${t} » invalide (attendu AAAA-MM)`);
});

function parseAmount(s: string): number | null {
  // Tolerates NBSP/space thousands, dot thousands with a decimal comma, a trailing €.
  let t = s.replace(/[\s\u00a0\u202f€]/g, '');
  if (t.includes(',')) t = t.replace(/\./g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

/** An amount in euros with a decimal comma; negative only where `allowNegative`. */
export function amount(opts: { allowNegative?: boolean } = {}) {
  const doc = `montant en euros, virgule décimale (1234,56)${opts.allowNegative ? ', négatif admis' : ', positif ou nul'}`;
  return documented(
    z.string().transform((s, ctx) => {
      const v = parseAmount(s);
      if (v === null) return issue(ctx, 'MONTANT_INVALIDE', `montant « ${s.trim()} » illisible (attendu 1234,56)`);
      if (v < 0 && !opts.allowNegative)
        return issue(ctx, 'MONTANT_NEGATIF', `montant négatif « ${s.trim()} » non admis ici`);
      return v;
    }),
    doc,
  );
}

export function optAmount(opts: { allowNegative?: boolean } = {}) {
  const a = amount(opts);
  return documented(
    z.string().transform((s, ctx) => {
      if (empty(s)) return null;
      const r = a.safeParse(s);
      if (r.success) return r.data;
      const first = r.error.issues[0];
      return issue(
        ctx,
        String((first as { params?: { code?: string } })?.params?.code ?? 'MONTANT_INVALIDE'),
        first?.message ?? 'montant invalide',
      );
    }),
    `${FIELD_DOCS.get(a)}, facultatif`,
  );
}

export const optInteger = z.string().transform((s, ctx) => {
  if (empty(s)) return null;
  const v = parseAmount(s);
  return v !== null && Number.isInteger(v)
    ? v
    : issue(ctx, 'ENTIER_INVALIDE', `nombre entier attendu, lu « ${s.trim()} »`);
});

export const optNonNegativeInteger = z.string().transform((s, ctx) => {
  if (empty(s)) return null;
  const v = parseAmount(s);
  if (v === null || !Number.isInteger(v))
    return issue(ctx, 'ENTIER_INVALIDE', `nombre entier attendu, lu « ${s.trim()} »`);
  return v < 0 ? issue(ctx, 'MONTANT_NEGATIF', `valeur négative « ${s.trim()} » non admise ici`) : v;
});

/** A closed list of codes; surrounding spaces and case are forgiven, nothing else. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, label: string) {
  return documented(
    z.string().transform((s, ctx) => {
      const t = s.trim().toUpperCase();
      return (values as readonly string[]).includes(t)
        ? (t as T[number])
        : issue(ctx, 'VALEUR_INCONNUE', `${label} « ${s.trim()} » inconnu (valeurs admises : ${values.join(', ')})`);
    }),
    `une valeur parmi : ${values.join(', ')}`,
  );
}

export function optOneOf<const T extends readonly [string, ...string[]]>(values: T, label: string) {
  const e = oneOf(values, label);
  return documented(
    z.string().transform((s, ctx) => {
      if (empty(s)) return null;
      const r = e.safeParse(s);
      return r.success ? r.data : issue(ctx, 'VALEUR_INCONNUE', r.error.issues[0]?.message ?? 'valeur inconnue');
    }),
    `une valeur parmi : ${values.join(', ')}, ou vide`,
  );
}

/** O/N flag; empty is false where the column says "N by default". */
export const flagON = z.string().transform((s, ctx) => {
  const t = s.trim().toUpperCase();
  if (t === 'O') return true;
  if (t === 'N' || t === '') return false;
  return issue(ctx, 'VALEUR_INCONNUE', `« ${s.trim()} » : O ou N attendu`);
});

/** O/N flag where empty means unknown. */
export const optFlagON = z.string().transform((s, ctx) => {
  const t = s.trim().toUpperCase();
  if (t === '') return null;
  if (t === 'O') return true;
  if (t === 'N') return false;
  return issue(ctx, 'VALEUR_INCONNUE', `« ${s.trim()} » : O, N ou vide attendu`);
});

/** NIR checked (structure and key); empty allowed (identity then rests on civil-status traits). */
export const optNir = z.string().transform((s, ctx) => {
  if (empty(s)) return null;
  const r = checkNir(s);
  return r.ok ? r.nir : issue(ctx, r.code, r.message);
});

export const nir = z.string().transform((s, ctx) => {
  if (empty(s)) return issue(ctx, 'VALEUR_MANQUANTE', 'NIR obligatoire manquant');
  const r = checkNir(s);
  return r.ok ? r.nir : issue(ctx, r.code, r.message);
});

/** Postal code or INSEE commune code (5 characters; Corsica 2A/2B; 4 digits padded). */
export const optCodeCommune = z.string().transform((s, ctx) => {
  if (empty(s)) return null;
  let t = s.trim().toUpperCase();
  if (/^\d{4}$/.test(t)) t = `0${t}`;
  return /^(\d{5}|2[AB]\d{3})$/.test(t)
    ? t
    : issue(ctx, 'CODE_COMMUNE', `code « ${s.trim()} » invalide (5 caractères attendus)`);
});

documented(text, 'texte, obligatoire');
documented(optText, 'texte, facultatif (vide = inconnu)');
documented(frDate, 'date JJ/MM/AAAA, obligatoire');
documented(optFrDate, 'date JJ/MM/AAAA, facultative');
documented(
  birthDate,
  "date de naissance JJ/MM/AAAA ; jour ou mois inconnus admis en 00 ; pas postérieure à l'extraction",
);
documented(month, 'mois AAAA-MM');
documented(optInteger, 'nombre entier, facultatif');
documented(optNonNegativeInteger, 'nombre entier positif ou nul, facultatif');
documented(flagON, 'O ou N (vide = N)');
documented(optFlagON, 'O, N ou vide (inconnu)');
documented(optNir, 'NIR : 15 caractères (clé vérifiée, Corse 2A/2B) ou 13 (clé calculée) ; facultatif');
documented(nir, 'NIR : 15 caractères (clé vérifiée, Corse 2A/2B) ou 13 (clé calculée) ; obligatoire');
documented(
  optCodeCommune,
  "code à 5 caractères (code postal ou code commune INSEE, 2A/2B), 4 chiffres complétés d'un 0 ; facultatif",
);
