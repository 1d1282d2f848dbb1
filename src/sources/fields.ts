import { z } from 'zod';
import { checkNir } from './nir.ts';

/**
 * zod field types for the French extracts. Every field arrives as the string of the file;
 * each type turns it into a typed value or adds an issue whose message an operator can read.
 * An issue's `params.code` is a stable code for counting rejections (NIR_CLE, DATE_INVALIDE…).
 *
 * Each type is a plain function (string → value or `Refusal`) wrapped in a zod schema: the
 * schemas stay the one definition of what is accepted, and the importer's fast path
 * (fast-parse.ts) calls the same functions without zod's bookkeeping for the rows that pass.
 */

/** Why a field's value is refused: a stable code and a message in French. */
export class Refusal {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {}
}

/** Reads one field's string: its value, or a Refusal. */
export type FieldParser<T> = (s: string) => T | Refusal;

/** What each field type accepts, in words, for the generated docs/extracts.md. */
export const FIELD_DOCS = new Map<z.ZodType, string>();
function documented<T extends z.ZodType>(schema: T, doc: string): T {
  FIELD_DOCS.set(schema, doc);
  return schema;
}

/** The plain function behind each field schema built by `field`. */
export const FIELD_PARSERS = new WeakMap<z.ZodType, FieldParser<unknown>>();

/** A field schema: a string read by `parse`; a Refusal becomes a zod issue with its code. */
export function field<T>(parse: FieldParser<T>, doc?: string) {
  const schema = z.string().transform((s, ctx) => {
    const v = parse(s);
    if (v instanceof Refusal) {
      ctx.addIssue({ code: 'custom', message: v.message, params: { code: v.code } });
      return z.NEVER;
    }
    return v as Exclude<T, Refusal>;
  });
  FIELD_PARSERS.set(schema, parse as FieldParser<unknown>);
  return doc ? documented(schema, doc) : schema;
}

// A string is empty when it holds only white space (the common case, '', is tested first).
const empty = (s: string) => s === '' || s.trim() === '';

/** NFC so that macOS-decomposed accents compare equal; printable ASCII is already NFC. */
const PRINTABLE_ASCII = /^[ -~]*$/;
const nfc = (s: string) => (PRINTABLE_ASCII.test(s) ? s : s.normalize('NFC'));

/** A required text, trimmed; NFC so that macOS-decomposed accents compare equal. */
const parseText = (s: string) => {
  const t = nfc(s.trim());
  return t === '' ? new Refusal('VALEUR_MANQUANTE', 'valeur obligatoire manquante') : t;
};
export const text = field(parseText, 'texte, obligatoire');

/** A required text, as `text`, in upper case (codes that some exports write in lower case). */
export const textUpper = field((s) => {
  const t = parseText(s);
  return t instanceof Refusal ? t : t.toUpperCase();
}, 'texte, obligatoire');

/** An optional text: an empty field is null (unknown), never ''. */
export const optText = field((s) => (empty(s) ? null : nfc(s.trim())), 'texte, facultatif (vide = inconnu)');

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Days in a month; years 0–99 read as 1900–1999, as Date.UTC does (the rule this replaced). */
function daysIn(year: number, m: number): number {
  const y = year < 100 ? year + 1900 : year;
  return m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : (DAYS[m - 1] as number);
}

/** Two ASCII digits at `i` as a number, or -1. */
function digits2(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** `JJ/MM/AAAA` (already trimmed) cut into numbers, or null. */
function frDateParts(t: string): [number, number, number] | null {
  if (t.length !== 10 || t.charCodeAt(2) !== 47 || t.charCodeAt(5) !== 47) return null;
  const d = digits2(t, 0);
  const m = digits2(t, 3);
  const c = digits2(t, 6);
  const y = digits2(t, 8);
  return d < 0 || m < 0 || c < 0 || y < 0 ? null : [d, m, c * 100 + y];
}

/** A real calendar day as `AAAA-MM-JJ`, from the parts as written in `t` (JJ/MM/AAAA). */
function isoFromFr(t: string, d: number, m: number, y: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return null;
  return `${t.slice(6, 10)}-${t.slice(3, 5)}-${t.slice(0, 2)}`;
}

function parseFrDate(s: string): string | null {
  const t = s.trim();
  const p = frDateParts(t);
  return p ? isoFromFr(t, p[0], p[1], p[2]) : null;
}

const dateRefusal = (s: string) =>
  new Refusal('DATE_INVALIDE', `date « ${s.trim()} » invalide (attendu JJ/MM/AAAA, date réelle)`);

/** A date `JJ/MM/AAAA` → `AAAA-MM-JJ`. 31/02 is refused. */
export const frDate = field((s) => parseFrDate(s) ?? dateRefusal(s), 'date JJ/MM/AAAA, obligatoire');

export const optFrDate = field(
  (s) => (empty(s) ? null : (parseFrDate(s) ?? dateRefusal(s))),
  'date JJ/MM/AAAA, facultative',
);

/**
 * A birth date, possibly partial (`00/03/1975`, `00/00/1990`): kept as `1975-03-00`.
 * A birth after the extraction date is refused (checked by the extract, which knows that date).
 */
export const birthDate = field((s) => {
  const t = s.trim();
  const p = frDateParts(t);
  if (p) {
    const [d, mo, y] = p;
    if (d === 0 && mo >= 0 && mo <= 12) return `${t.slice(6, 10)}-${t.slice(3, 5)}-00`;
    const iso = isoFromFr(t, d, mo, y);
    if (iso) return iso;
  }
  return new Refusal('DATE_INVALIDE', `date de naissance « ${t} » invalide (attendu JJ/MM/AAAA)`);
}, "date de naissance JJ/MM/AAAA ; jour ou mois inconnus admis en 00 ; pas postérieure à l'extraction");

/** A month `AAAA-MM`. */
export const month = field((s) => {
  const t = s.trim();
  const m = t.length === 7 && t.charCodeAt(4) === 45 ? digits2(t, 5) : -1;
  return m >= 1 && m <= 12 && digits2(t, 0) >= 0 && digits2(t, 2) >= 0
    ? t
    : new Refusal('MOIS_INVALIDE', `mois « ${t} » invalide (attendu AAAA-MM)`);
}, 'mois AAAA-MM');

/** Where the comma of `-?\d+(,\d+)?` is (-1 without one), or -2 when `s` is not of that form. */
function plainAmountComma(s: string): number {
  const n = s.length;
  const start = s.charCodeAt(0) === 45 ? 1 : 0;
  let comma = -1;
  for (let i = start; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if (c !== 44 || comma >= 0 || i === start || i === n - 1) return -2;
    comma = i;
  }
  return n > start ? comma : -2;
}

function parseAmount(s: string): number | null {
  // The common case: digits with a decimal comma, nothing to clean (scanned: cheaper than a regex).
  const comma = plainAmountComma(s);
  if (comma !== -2) return Number(comma < 0 ? s : `${s.slice(0, comma)}.${s.slice(comma + 1)}`);
  // Tolerates NBSP/space thousands, dot thousands with a decimal comma, a trailing €.
  let t = s.replace(/[\s\u00a0\u202f€]/g, '');
  if (t.includes(',')) t = t.replace(/\./g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

function amountParser(opts: { allowNegative?: boolean }): FieldParser<number> {
  return (s) => {
    const v = parseAmount(s);
    if (v === null) return new Refusal('MONTANT_INVALIDE', `montant « ${s.trim()} » illisible (attendu 1234,56)`);
    if (v < 0 && !opts.allowNegative)
      return new Refusal('MONTANT_NEGATIF', `montant négatif « ${s.trim()} » non admis ici`);
    return v;
  };
}

const amountDoc = (opts: { allowNegative?: boolean }) =>
  `montant en euros, virgule décimale (1234,56)${opts.allowNegative ? ', négatif admis' : ', positif ou nul'}`;

/** An amount in euros with a decimal comma; negative only where `allowNegative`. */
export function amount(opts: { allowNegative?: boolean } = {}) {
  return field(amountParser(opts), amountDoc(opts));
}

export function optAmount(opts: { allowNegative?: boolean } = {}) {
  const a = amountParser(opts);
  return field((s) => (empty(s) ? null : a(s)), `${amountDoc(opts)}, facultatif`);
}

export const optInteger = field((s) => {
  if (empty(s)) return null;
  const v = parseAmount(s);
  return v !== null && Number.isInteger(v)
    ? v
    : new Refusal('ENTIER_INVALIDE', `nombre entier attendu, lu « ${s.trim()} »`);
}, 'nombre entier, facultatif');

export const optNonNegativeInteger = field((s) => {
  if (empty(s)) return null;
  const v = parseAmount(s);
  if (v === null || !Number.isInteger(v))
    return new Refusal('ENTIER_INVALIDE', `nombre entier attendu, lu « ${s.trim()} »`);
  return v < 0 ? new Refusal('MONTANT_NEGATIF', `valeur négative « ${s.trim()} » non admise ici`) : v;
}, 'nombre entier positif ou nul, facultatif');

function oneOfParser<const T extends readonly [string, ...string[]]>(values: T, label: string): FieldParser<T[number]> {
  const set = new Set<string>(values);
  return (s) => {
    if (set.has(s)) return s as T[number];
    const t = s.trim().toUpperCase();
    return set.has(t)
      ? (t as T[number])
      : new Refusal('VALEUR_INCONNUE', `${label} « ${s.trim()} » inconnu (valeurs admises : ${values.join(', ')})`);
  };
}

/** A closed list of codes; surrounding spaces and case are forgiven, nothing else. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, label: string) {
  return field(oneOfParser(values, label), `une valeur parmi : ${values.join(', ')}`);
}

export function optOneOf<const T extends readonly [string, ...string[]]>(values: T, label: string) {
  const e = oneOfParser(values, label);
  return field((s) => (empty(s) ? null : e(s)), `une valeur parmi : ${values.join(', ')}, ou vide`);
}

/** O/N flag; empty is false where the column says "N by default". */
export const flagON = field((s) => {
  if (s === 'N') return false;
  if (s === 'O') return true;
  const t = s.trim().toUpperCase();
  if (t === 'O') return true;
  if (t === 'N' || t === '') return false;
  return new Refusal('VALEUR_INCONNUE', `« ${s.trim()} » : O ou N attendu`);
}, 'O ou N (vide = N)');

/** O/N flag where empty means unknown. */
export const optFlagON = field((s) => {
  if (s === '') return null;
  if (s === 'N') return false;
  if (s === 'O') return true;
  const t = s.trim().toUpperCase();
  if (t === '') return null;
  if (t === 'O') return true;
  if (t === 'N') return false;
  return new Refusal('VALEUR_INCONNUE', `« ${s.trim()} » : O, N ou vide attendu`);
}, 'O, N ou vide (inconnu)');

/** NIR checked (structure and key); empty allowed (identity then rests on civil-status traits). */
export const optNir = field((s) => {
  if (empty(s)) return null;
  const r = checkNir(s);
  return r.ok ? r.nir : new Refusal(r.code, r.message);
}, 'NIR : 15 caractères (clé vérifiée, Corse 2A/2B) ou 13 (clé calculée) ; facultatif');

export const nir = field((s) => {
  if (empty(s)) return new Refusal('VALEUR_MANQUANTE', 'NIR obligatoire manquant');
  const r = checkNir(s);
  return r.ok ? r.nir : new Refusal(r.code, r.message);
}, 'NIR : 15 caractères (clé vérifiée, Corse 2A/2B) ou 13 (clé calculée) ; obligatoire');

/** Postal code or INSEE commune code (5 characters; Corsica 2A/2B; 4 digits padded). */
export const optCodeCommune = field((s) => {
  if (empty(s)) return null;
  let t = s.trim().toUpperCase();
  if (/^\d{4}$/.test(t)) t = `0${t}`;
  return /^(\d{5}|2[AB]\d{3})$/.test(t)
    ? t
    : new Refusal('CODE_COMMUNE', `code « ${s.trim()} » invalide (5 caractères attendus)`);
}, "code à 5 caractères (code postal ou code commune INSEE, 2A/2B), 4 chiffres complétés d'un 0 ; facultatif");

/**
 * A birth place: COG commune code (in force at the birth or today) or `99` + country code;
 * 4 digits padded (SOURCES.md §8 #23). Never refused: an unknown code is a warning
 * (`birthPlaceDoubts`), the row's other values are good.
 */
export const optCodeLieuNaissance = field((s) => {
  if (empty(s)) return null;
  const t = s.trim().toUpperCase();
  return /^\d{4}$/.test(t) ? `0${t}` : t;
}, "code commune INSEE (COG, à la naissance ou actuel, 2A/2B ou 20 avant 1976) ou 99 + code pays ; 4 chiffres complétés d'un 0 ; facultatif");
