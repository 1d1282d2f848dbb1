import { describe, expect, it } from 'vitest';
import { checkNir, nirKey } from './nir.ts';

describe('NIR', () => {
  it('accepts the examples of SOURCES.md §7.1, keys computed by hand', () => {
    // 2870608105214 mod 97 = 87 → key 10
    expect(checkNir('287060810521410')).toEqual({
      ok: true,
      nir: '287060810521410',
      temporary: false,
      keyComputed: false,
    });
    expect(nirKey('2870608105214')).toBe(10);
  });
  it('reads Corsica 2A as 19 for the key', () => {
    expect(checkNir('112022A00408831').ok).toBe(true);
  });
  it('rejects a wrong key with a French reason', () => {
    const r = checkNir('287060810521411');
    expect(r).toMatchObject({ ok: false, code: 'NIR_CLE' });
  });
  it('normalises spaces and dots', () => {
    expect(checkNir('2 87 06 08 105 214 10')).toMatchObject({ ok: true, nir: '287060810521410' });
  });
  it('completes a 13-character NIR with its key', () => {
    expect(checkNir('2870608105214')).toMatchObject({ ok: true, nir: '287060810521410', keyComputed: true });
  });
  it('rejects scientific notation from a spreadsheet', () => {
    expect(checkNir('2,87061E+14')).toMatchObject({ ok: false, code: 'NIR_FORMAT' });
  });
});

describe('NIR written as 15 digits', () => {
  it('marks a temporary number (first digit 7 or 8) and checks its key', () => {
    // 7870608105214 mod 97 = 46 → key 51
    expect(checkNir('787060810521451')).toEqual({
      ok: true,
      nir: '787060810521451',
      temporary: true,
      keyComputed: false,
    });
    expect(checkNir('787060810521450')).toMatchObject({ ok: false, code: 'NIR_CLE' });
  });
  it('refuses a first digit no NIR has (5, 6, 9, 0) as a format error', () => {
    for (const d of ['0', '5', '6', '9'])
      expect(checkNir(`${d}87060810521410`)).toMatchObject({ ok: false, code: 'NIR_FORMAT' });
  });
});
