import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RowSpill } from './spill.ts';

describe('rows waiting for the end of an import', () => {
  it('stay in memory up to the limit, then go to a private temporary file, removed by dispose', () => {
    const s = new RowSpill(2);
    s.push([1, 'a']);
    expect(s.spilled).toBe(false);
    s.push([2, 'tab\there']);
    expect(s.spilled).toBe(true);
    s.push([3, null]);
    expect(s.count).toBe(3);
    const path = (s as unknown as { path: string }).path;
    expect(existsSync(path)).toBe(true);
    s.dispose();
    expect(existsSync(path)).toBe(false);
  });

  it('go to the file past a number of characters too, however few the rows', () => {
    const s = new RowSpill(20_000, 100);
    s.push([1, 'x'.repeat(60)]);
    expect(s.spilled).toBe(false);
    s.push([2, 'y'.repeat(60)]);
    expect(s.spilled).toBe(true);
    // Counted again from zero once written.
    s.push([3, 'z'.repeat(60)]);
    expect((s as unknown as { rows: unknown[] }).rows).toHaveLength(1);
    s.dispose();
  });
});
