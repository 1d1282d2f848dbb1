import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fastParser, NOT_FAST } from './fast-parse.ts';
import { parseRecord, splitCsvRecord } from './read.ts';
import { EXTRACTS } from './registry.ts';

const DEMO = new URL('../../fixtures/demo/', import.meta.url);

/** The records of a demo file, cut as the importer cuts them. */
function demoRecords(file: string): Record<string, unknown>[] {
  const lines = readFileSync(new URL(file, DEMO), 'utf8').split(/\r?\n/).filter(Boolean);
  if (file.endsWith('.jsonl')) return lines.map((l) => JSON.parse(l));
  const header = splitCsvRecord(lines[0] as string, 1);
  return lines.slice(1).map((l, i) => parseRecord({ kind: 'csv', header }, l, i + 2).fields ?? {});
}

const spec = (extract: string, agency: string) => {
  const s = EXTRACTS.find((e) => e.extract === extract && e.agency === agency);
  if (!s) throw new Error(extract);
  return s;
};

const CASES = [
  ['caf_foyers_20250831.csv', spec('foyers', 'caf')],
  ['caf_membres_20250831.csv', spec('membres', 'caf')],
  ['caf_droits_20250831.csv', spec('droits', 'caf')],
  ['dgfip_foyers_20250715.csv', spec('foyers', 'dgfip')],
  ['gipmds_ressources_20250831.jsonl', spec('ressources', 'gipmds')],
  ['beneficiaires_CAF_20250831.csv', spec('beneficiaires', 'payeurs')],
] as const;

describe('the fast path derived from the zod schemas', () => {
  it.each(CASES)('gives exactly what zod gives for every row of %s', (file, s) => {
    const fast = fastParser(s.schema);
    expect(fast).not.toBeNull();
    for (const rec of demoRecords(file)) {
      const z = s.schema.safeParse(rec);
      expect(z.success).toBe(true);
      expect(fast?.(rec)).toEqual(z.data);
    }
  });

  it.each(CASES)('never accepts a row of %s that zod refuses, whatever field is spoiled', (file, s) => {
    const fast = fastParser(s.schema);
    const rec = demoRecords(file)[0] as Record<string, unknown>;
    for (const k of Object.keys(rec)) {
      for (const bad of ['31/02/2020', '-12,5', 'ZZZ', '', null, 7, ['x'], { a: 1 }]) {
        const spoiled = { ...rec, [k]: bad };
        const z = s.schema.safeParse(spoiled);
        const f = fast?.(spoiled);
        if (!z.success) expect(f).toBe(NOT_FAST);
        else if (f !== NOT_FAST) expect(f).toEqual(z.data);
      }
      const { [k]: _, ...missing } = rec;
      if (!s.schema.safeParse(missing).success) expect(fast?.(missing)).toBe(NOT_FAST);
    }
  });

  it('never accepts a GIP-MDS line whose payment zod refuses', () => {
    const s = spec('ressources', 'gipmds');
    const fast = fastParser(s.schema);
    const line = demoRecords('gipmds_ressources_20250831.jsonl')[0] as { ressources: Record<string, unknown>[] };
    const payment = line.ressources[0] as Record<string, unknown>;
    for (const k of Object.keys(payment))
      for (const bad of ['31/02/2020', 'ZZZ', '', null, 7]) {
        const spoiled = { ...line, ressources: [{ ...payment, [k]: bad }] };
        const z = s.schema.safeParse(spoiled);
        const f = fast?.(spoiled);
        if (!z.success) expect(f).toBe(NOT_FAST);
        else expect(f).toEqual(z.data);
      }
  });

  it('leaves to zod a schema with a refinement it cannot see through (INSEE deaths)', () => {
    expect(fastParser(spec('deces', 'insee').schema)).toBeNull();
  });
});

describe('cutting a CSV record', () => {
  it('keeps separators, doubled quotes and line breaks inside quotes', () => {
    expect(splitCsvRecord('a;"b;c";"d ""e""";"f\r\ng";', 2)).toEqual(['a', 'b;c', 'd "e"', 'f\r\ng', '']);
  });

  it('refuses a quote inside an unquoted field, or text after a closing quote, naming line and field', () => {
    expect(() => splitCsvRecord('a;b"c;d', 7)).toThrow(/ligne 7, champ 2 : guillemet au milieu/);
    expect(() => splitCsvRecord('a;"bc"d;e', 8)).toThrow(/ligne 8, champ 2 : texte après un guillemet fermant/);
  });
});
