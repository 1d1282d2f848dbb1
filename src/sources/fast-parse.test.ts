import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { compactJsonReader, fastParser, NOT_FAST } from './fast-parse.ts';
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

describe('the reader of compact JSON lines', () => {
  const s = spec('ressources', 'gipmds');
  const read = compactJsonReader(s.schema);
  const lines = readFileSync(new URL('gipmds_ressources_20250831.jsonl', DEMO), 'utf8').split(/\r?\n/).filter(Boolean);

  /** Whatever the reader answers for a line is what JSON.parse gives; returns whether it answered. */
  const same = (line: string) => {
    const r = read?.(line);
    if (r) expect(isDeepStrictEqual(r, JSON.parse(line))).toBe(true);
    return r != null;
  };

  it('reads every demo line, into what JSON.parse gives', () => {
    expect(read).not.toBeNull();
    for (const line of lines) expect(same(line)).toBe(true);
  });

  it('leaves to JSON.parse any line that is not in the compact form, or not JSON', () => {
    const line = lines[0] as string;
    const payment = JSON.parse(line).ressources[0];
    const variants = [
      JSON.stringify(JSON.parse(line), null, 1), // white space
      line.replace('"nir":"', '"nir" : "'),
      line.replace(/"mois":"([^"]*)"/, '"mois":"$1","autre":"x"'), // unknown key
      line.replace(/^\{"nir":"([^"]*)",/, '{"nir":"$1","nir":"$1",'), // repeated key
      JSON.stringify({ mois: '2025-01', nir: '1', ressources: [] }), // another order
      line.replace(/"source":"[^"]*"/, '"source":"D\\u0053N"'), // an escape
      line.replace(/"source":"[^"]*"/, '"source":"DS\\"N"'),
      line.replace(/"source":"[^"]*"/, '"source":"D\tSN"'), // a control character: not JSON
      line.replace(/"montant_net_social":"[^"]*"/, '"montant_net_social":12.5'), // a number
      line.replace(/"declarant_siret":"[^"]*"/, '"declarant_siret":null'),
      line.replace(/\]\}$/, ',]}'), // trailing comma: not JSON
      line.replace(/\]\}$/, ']} '),
      line.replace(/\]\}$/, ']}x'),
      line.slice(0, -5), // truncated
      JSON.stringify({ ...JSON.parse(line), ressources: [payment, payment, { ...payment, periode_fin: undefined }] }),
      JSON.stringify({ ...JSON.parse(line), ressources: [] }),
      JSON.stringify({ ...JSON.parse(line), ressources: {} }),
      JSON.stringify({ ...JSON.parse(line), ressources: [[]] }),
      JSON.stringify({ ...JSON.parse(line), ressources: [{}] }),
      JSON.stringify({ nir: 'é ’ €', mois: '𝄞', ressources: [{ ...payment, statut: '' }] }),
    ];
    const answered = variants.map((v) => {
      let json = true;
      try {
        JSON.parse(v);
      } catch {
        json = false;
      }
      const r = read?.(v);
      if (!json) expect(r).toBeNull();
      return json && same(v);
    });
    // The compact ones (14, 15, 19) are read, and compared above; the others go to JSON.parse.
    expect(answered.flatMap((a, i) => (a ? [i] : []))).toEqual([14, 15, 19]);
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
