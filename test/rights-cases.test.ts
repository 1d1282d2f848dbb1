import { readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseSituation, compareCase, readCases } from '../src/rules/cases.ts';
import type { RightDefinition } from '../src/rules/right.ts';

const DIR = resolve(import.meta.dirname, '../fixtures/rights');
const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));

describe.each(files)('worked examples in fixtures/rights/%s', (file) => {
  const id = basename(file, '.yaml');
  const cases = readCases(join(DIR, file));

  it('has at least 15 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const mod = (await import(`../src/rules/rights/${id}.ts`)) as Record<string, RightDefinition>;
    const right = mod[`${id}Right`];
    expect(right, `src/rules/rights/${id}.ts must export ${id}Right`).toBeDefined();
    const result = (right as RightDefinition).evaluate(caseSituation(c), c.asOf);
    expect(compareCase(c, result), result.explanation).toEqual([]);
  });
});
