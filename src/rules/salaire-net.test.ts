import { describe, expect, it } from 'vitest';
import { UnknownParameterError } from '../errors.ts';
import { salaireNetDepuisBrut } from './salaire-net.ts';

describe('salaireNetDepuisBrut (salarié du privé non cadre)', () => {
  it('January 2024, 1 766,92 € gross (below the ceiling): 1 398,68 € net', () => {
    // Vieillesse plafonnée 6,90 % × 1 766,92 = 121,92 ; déplafonnée 0,40 % = 7,07 ;
    // AGIRC-ARRCO T1 3,15 % = 55,66 ; CEG T1 0,86 % = 15,20 → cotisations 199,85.
    // Assiette CSG/CRDS 98,25 % × 1 766,92 = 1 735,9989 : CSG 6,8 % = 118,05 + 2,4 % = 41,66 ; CRDS 0,5 % = 8,68.
    const r = salaireNetDepuisBrut({ brut: 1766.92, date: '2024-01' });
    expect(r.cotisations).toBe(199.85);
    expect(r.csgDeductible).toBe(118.05);
    expect(r.csgNonDeductible).toBe(41.66);
    expect(r.crds).toBe(8.68);
    expect(r.net).toBe(1398.68);
  });

  it('2024, 5 000 € gross (above the 3 864 € ceiling): tranche 2 and CET', () => {
    // T1 = 3 864 : 6,90 % = 266,62 ; AGIRC-ARRCO 3,15 % = 121,72 ; CEG 0,86 % = 33,23.
    // T2 = 1 136 : AGIRC-ARRCO 8,64 % = 98,15 ; CEG 1,08 % = 12,27. Déplafonnée 0,40 % × 5 000 = 20 ;
    // CET 0,14 % × 5 000 = 7 → 558,99. Assiette 4 912,50 : CSG 334,05 + 117,90, CRDS 24,56.
    const r = salaireNetDepuisBrut({ brut: 5000, date: '2024-06-01' });
    expect(r.cotisations).toBe(558.99);
    expect(r.csgDeductible + r.csgNonDeductible).toBeCloseTo(451.95, 9);
    expect(r.crds).toBe(24.56);
    expect(r.net).toBe(3964.5);
  });

  it('June 2015, 1 500 € gross: health, unemployment and ARRCO + AGFF contributions of the time', () => {
    // 6,85 % = 102,75 ; 0,30 % = 4,50 ; maladie 0,75 % = 11,25 ; chômage 2,40 % = 36 ; ARRCO 3,10 % + AGFF
    // 0,80 % = 58,50 → 213. Assiette 1 473,75 : CSG 5,1 % = 75,16 + 2,4 % = 35,37 ; CRDS 7,37.
    const r = salaireNetDepuisBrut({ brut: 1500, date: '2015-06' });
    expect(r.cotisations).toBe(213);
    expect(r.net).toBe(1169.1);
  });

  it('part-time: the ceiling is prorated (half-time in 2024: 1 932 €), the rest is tranche 2', () => {
    // Full time, 3 000 € below the ceiling: 6,90 % = 207 ; 0,40 % = 12 ; 3,15 % = 94,50 ; 0,86 % = 25,80 → 339,30.
    expect(salaireNetDepuisBrut({ brut: 3000, date: '2024-03' }).cotisations).toBe(339.3);
    // Half time: T1 1 932 → 133,31 + 60,86 + 16,62 ; T2 1 068 → 92,28 + 11,53 ; 12 + CET 4,20 → 330,80.
    expect(salaireNetDepuisBrut({ brut: 3000, date: '2024-03', quotite: 0.5 }).cotisations).toBe(330.8);
  });

  it('before 2019 the tranche 2 is not described: an error, not a guess', () => {
    expect(() => salaireNetDepuisBrut({ brut: 5000, date: '2017-01' })).toThrow(UnknownParameterError);
    expect(() => salaireNetDepuisBrut({ brut: 1000, date: '2011-12' })).toThrow(UnknownParameterError);
  });
});
