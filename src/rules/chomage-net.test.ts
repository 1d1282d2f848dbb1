import { describe, expect, it } from 'vitest';
import { UnknownParameterError } from '../errors.ts';
import { chomageNetDepuisBrut, plancherChomageNet, tauxCsgChomage } from './chomage-net.ts';

describe('tauxCsgChomage (RFR de N-2, CSS L136-8 III)', () => {
  it('2024: exempt up to 12 230 € for one part, reduced rate up to 15 988 €, full rate above', () => {
    expect(tauxCsgChomage({ date: '2024-03', rfr: 12230, parts: 1 })).toBe('exonere');
    expect(tauxCsgChomage({ date: '2024-03', rfr: 12231, parts: 1 })).toBe('reduit');
    expect(tauxCsgChomage({ date: '2024-03', rfr: 15988, parts: 1 })).toBe('reduit');
    expect(tauxCsgChomage({ date: '2024-03', rfr: 15989, parts: 1 })).toBe('plein');
  });
  it('2024, two parts (two extra half-parts): exempt up to 12 230 + 2 × 3 265 = 18 760 €', () => {
    expect(tauxCsgChomage({ date: '2024-03', rfr: 18760, parts: 2 })).toBe('exonere');
    expect(tauxCsgChomage({ date: '2024-03', rfr: 18761, parts: 2 })).toBe('reduit');
  });
});

describe('chomageNetDepuisBrut', () => {
  it('March 2024 floor: gross SMIC 11,65 × 151,67 h = 1 766,96 €', () => {
    expect(plancherChomageNet('2024-03')).toBe(1766.96);
  });

  it('2024, 2 500 € gross at the reduced rate: CSG 3,8 % and CRDS 0,5 % of 98,25 % → 2 394,38 €', () => {
    // Assiette 2 500 × 0,9825 = 2 456,25 ; CSG 3,8 % = 93,34 ; CRDS 0,5 % = 12,28.
    const r = chomageNetDepuisBrut({ brut: 2500, date: '2024-03', taux: 'reduit' });
    expect(r).toEqual({ brut: 2500, taux: 'reduit', csg: 93.34, crds: 12.28, net: 2394.38 });
  });

  it('2024, 1 800 € gross at the full rate: the levies stop at the SMIC floor (1 766,96 €)', () => {
    // Assiette 1 768,50 ; CSG 6,2 % = 109,65 and CRDS 8,84 would leave 1 681,51 < 1 766,96:
    // only 1 800 − 1 766,96 = 33,04 € of CSG is levied, no CRDS.
    const r = chomageNetDepuisBrut({ brut: 1800, date: '2024-03', taux: 'plein' });
    expect(r).toEqual({ brut: 1800, taux: 'plein', csg: 33.04, crds: 0, net: 1766.96 });
  });

  it('exempt by the RFR: net = gross', () => {
    expect(chomageNetDepuisBrut({ brut: 2500, date: '2024-03', taux: 'exonere' })?.net).toBe(2500);
  });

  it('unknown rate: net = gross below the floor (277,75 €), undetermined above', () => {
    expect(chomageNetDepuisBrut({ brut: 277.75, date: '2024-01', taux: null })?.net).toBe(277.75);
    expect(chomageNetDepuisBrut({ brut: 2500, date: '2024-01', taux: null })).toBeNull();
  });

  it('before 2015 (thresholds not described): UnknownParameterError', () => {
    expect(() => chomageNetDepuisBrut({ brut: 277.75, date: '2014-06', taux: null })).toThrow(UnknownParameterError);
  });
});
