import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { type Period, PeriodError, parsePeriod } from './period.ts';
import { toNumber } from './values.ts';

/** One OpenFisca YAML test, as read (values untouched). */
export interface OpenFiscaTest {
  /** Path relative to the corpus directory, with `/` separators. */
  readonly file: string;
  /** Position in the file (0 for a file holding one test). */
  readonly index: number;
  /** The test's name, made unique in its file (`#3` when it has none). */
  readonly name: string;
  readonly period: Period;
  readonly input: Readonly<Record<string, unknown>>;
  readonly output: Readonly<Record<string, unknown>>;
  readonly absoluteErrorMargin: number | null;
  readonly relativeErrorMargin: number | null;
}

/** A file or a test that could not be read: reported, never fatal. */
export interface LoadProblem {
  readonly file: string;
  readonly name: string | null;
  readonly reason: string;
}

export interface LoadedCorpus {
  readonly files: number;
  readonly tests: OpenFiscaTest[];
  readonly problems: LoadProblem[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `*.yaml` / `*.yml` files under `dir`, recursively, in a stable order. */
export function yamlFilesUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d).sort()) {
      const p = join(d, entry);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (/\.ya?ml$/i.test(entry)) found.push(p);
    }
  };
  walk(dir);
  return found;
}

function margin(v: unknown): number | null | 'invalid' {
  if (v === undefined || v === null) return null;
  const n = toNumber(v);
  return n === null || n < 0 ? 'invalid' : n;
}

/**
 * The tests of one file's text: a mapping (one test) or a list of tests, possibly in several
 * YAML documents. Duplicate keys are tolerated (the last one wins, as in PyYAML).
 */
export function parseTests(text: string, file: string): { tests: OpenFiscaTest[]; problems: LoadProblem[] } {
  const problems: LoadProblem[] = [];
  const tests: OpenFiscaTest[] = [];
  let docs: ReturnType<typeof parseAllDocuments>;
  try {
    docs = parseAllDocuments(text, { uniqueKeys: false });
  } catch (e) {
    return { tests, problems: [{ file, name: null, reason: `YAML illisible : ${(e as Error).message}` }] };
  }
  const raws: unknown[] = [];
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    if ('errors' in doc && doc.errors.length > 0) {
      const first = doc.errors[0];
      return { tests, problems: [{ file, name: null, reason: `YAML illisible : ${first?.message ?? 'erreur'}` }] };
    }
    const value: unknown = doc.toJS({ maxAliasCount: -1 });
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) raws.push(...value);
    else raws.push(value);
  }
  const seen = new Map<string, number>();
  raws.forEach((raw, index) => {
    const label = isRecord(raw) && typeof raw.name === 'string' && raw.name.trim() ? raw.name.trim() : `#${index}`;
    seen.set(label, (seen.get(label) ?? 0) + 1);
  });
  raws.forEach((raw, index) => {
    let name = isRecord(raw) && typeof raw.name === 'string' && raw.name.trim() ? raw.name.trim() : `#${index}`;
    if ((seen.get(name) ?? 0) > 1 && !name.startsWith('#')) name = `${name} #${index}`;
    if (!isRecord(raw)) {
      problems.push({ file, name, reason: 'test illisible : un objet YAML est attendu' });
      return;
    }
    if (raw.period === undefined || raw.period === null) {
      problems.push({ file, name, reason: 'test sans période (clé « period »)' });
      return;
    }
    let period: Period;
    try {
      period = parsePeriod(raw.period as string | number);
    } catch (e) {
      if (!(e instanceof PeriodError)) throw e;
      problems.push({ file, name, reason: e.message });
      return;
    }
    const input = raw.input ?? {};
    const output = raw.output ?? {};
    if (!isRecord(input) || !isRecord(output)) {
      problems.push({ file, name, reason: '« input » et « output » doivent être des objets' });
      return;
    }
    const abs = margin(raw.absolute_error_margin);
    const rel = margin(raw.relative_error_margin);
    if (abs === 'invalid' || rel === 'invalid') {
      problems.push({ file, name, reason: "marge d'erreur illisible" });
      return;
    }
    tests.push({ file, index, name, period, input, output, absoluteErrorMargin: abs, relativeErrorMargin: rel });
  });
  return { tests, problems };
}

/** Every test of every YAML file under `dir`; unreadable files are listed in `problems`. */
export function loadCorpus(dir: string): LoadedCorpus {
  const files = yamlFilesUnder(dir);
  const tests: OpenFiscaTest[] = [];
  const problems: LoadProblem[] = [];
  for (const path of files) {
    const file = relative(dir, path).split(sep).join('/');
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      problems.push({ file, name: null, reason: `fichier illisible : ${(e as Error).message}` });
      continue;
    }
    const r = parseTests(text, file);
    tests.push(...r.tests);
    problems.push(...r.problems);
  }
  return { files: files.length, tests, problems };
}
