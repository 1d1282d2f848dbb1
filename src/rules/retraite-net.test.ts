import { describe, expect, it } from 'vitest';
import { UnknownParameterError } from '../errors.ts';
import { retraiteNetDepuisBrut } from './retraite-net.ts';

describe('retraiteNetDepuisBrut (exonération par le RFR de N-2, CSS L136-8 III 1°)', () => {
  it('2024, one part, RFR 2022 of 8 778 € ≤ 12 230 €: the pension of 812,75 € is paid gross', () => {
    expect(retraiteNetDepuisBrut({ brut: 812.75, date: '2024-03', rfr: 8778, parts: 1 })).toBe(812.75);
  });
  it('2024, two parts: exempt up to 12 230 + 2 × 3 265 = 18 760 €, unknown above', () => {
    expect(retraiteNetDepuisBrut({ brut: 1561.58, date: '2024-03', rfr: 18760, parts: 2 })).toBe(1561.58);
    expect(retraiteNetDepuisBrut({ brut: 1561.58, date: '2024-03', rfr: 18761, parts: 2 })).toBeNull();
  });
  it('before 2015 the thresholds are not described: an error, not a silent exemption', () => {
    expect(() => retraiteNetDepuisBrut({ brut: 800, date: '2014-06', rfr: 0, parts: 1 })).toThrow(
      UnknownParameterError,
    );
  });
});
