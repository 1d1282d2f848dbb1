import { describe, expect, it } from 'vitest';
import { birthPlaceDoubts, birthPlaceKey, placesCompatible } from './geography.ts';

const OLD = '1950-06-01';
const RECENT = '1990-06-01';
const same = (a: string | null, b: string | null, born = OLD) =>
  placesCompatible(birthPlaceKey(a, born), birthPlaceKey(b, born));

describe('birth place as a matching key (COG with its history)', () => {
  it('names a current commune by its code', () => {
    expect(birthPlaceKey('33063', RECENT)).toBe('F33063');
    expect(birthPlaceKey('97411', RECENT)).toBe('F97411');
    expect(birthPlaceKey('2A004', RECENT)).toBe('F2A004');
  });

  it('leads a former code to the commune that holds it today', () => {
    // Évry was 78228 in Seine-et-Oise until 1968, then 91228; Évry-Courcouronnes since 2019.
    expect(birthPlaceKey('78228', OLD)).toBe(birthPlaceKey('91228', RECENT));
    // Boulogne-Billancourt was 75012 in the Seine.
    expect(birthPlaceKey('75012', OLD)).toBe('F92012');
    // Ajaccio was 20004 until Corsica's division in 1976.
    expect(birthPlaceKey('20004', OLD)).toBe('F2A004');
    // Bellegarde-sur-Valserine, merged into Valserhône in 2019 (delegated commune 01033).
    expect(birthPlaceKey('01091', RECENT)).toBe('F01033');
  });

  it('reads a Seine or Seine-et-Oise code of before 1968 as such only for a birth before 1968', () => {
    // 75015 was Bry-sur-Marne (now 94015) in the Seine; after 1968 it is the postal code of Paris 15e.
    expect(birthPlaceKey('75015', OLD)).toBe('F94015');
    expect(birthPlaceKey('75015', RECENT)).toBe('F');
    expect(same('75015', '75115', RECENT)).toBe(true);
    expect(same('75015', '75115', OLD)).toBe(false);
  });

  it('reads 91–95 before 1968, and 96, as unknown: a birth in the Maghreb may carry them (the NIR’s départements)', () => {
    // 92050 is Nanterre today; for a birth in 1955 it may be Algeria (départements 91–94 until 1962).
    expect(birthPlaceKey('92050', OLD)).toBeNull();
    expect(birthPlaceKey('92050', RECENT)).toBe('F92050');
    expect(birthPlaceKey('96101', RECENT)).toBeNull();
    expect(same('92050', '99352')).toBe(true);
    expect(same('78228', '91228')).toBe(true);
  });

  it('keeps the municipal arrondissement under its commune', () => {
    expect(birthPlaceKey('75115', RECENT)).toBe('F75056.75115');
    expect(same('75115', '75056')).toBe(true);
    expect(same('75115', '75114')).toBe(false);
    expect(same('13205', '13055')).toBe(true);
  });

  it('tells countries apart, and France from abroad', () => {
    expect(birthPlaceKey('99350', RECENT)).toBe('99350');
    expect(same('99350', '99352')).toBe(false);
    expect(same('99350', '33063')).toBe(false);
    // 99100 is France without a commune: it fits any French commune.
    expect(same('99100', '33063')).toBe(true);
  });

  it('compares places, not strings: a namesake born elsewhere is someone else', () => {
    expect(same('33063', '13055')).toBe(false);
    expect(same('78228', '91228')).toBe(true);
    expect(same('20004', '2A004')).toBe(true);
    expect(same('20004', '2B033')).toBe(false);
  });

  it('matches an unknown place with any, and a code the COG never held with any French commune', () => {
    expect(birthPlaceKey(null, RECENT)).toBeNull();
    expect(same(null, '33063')).toBe(true);
    expect(birthPlaceKey('33999', RECENT)).toBe('F');
    expect(same('33999', '33063')).toBe(true);
    expect(same('33999', '99350')).toBe(false);
    expect(birthPlaceKey('PARIS', RECENT)).toBeNull();
  });

  it('warns about a code the COG never held at that date and about département 20 after 1976', () => {
    expect(birthPlaceDoubts('75015', RECENT)).toEqual([
      expect.objectContaining({ field: 'code_lieu_naissance', code: 'LIEU_NAISSANCE_INCONNU' }),
    ]);
    expect(birthPlaceDoubts('75015', OLD)).toEqual([]);
    expect(birthPlaceDoubts('20004', '2012-03-04')).toEqual([
      expect.objectContaining({ field: 'code_lieu_naissance', code: 'LIEU_NAISSANCE_CORSE_20' }),
    ]);
    expect(birthPlaceDoubts('20004', '1975-03-04')).toEqual([]);
    expect(birthPlaceDoubts('78228', OLD)).toEqual([]);
    expect(birthPlaceDoubts('99350', '1980-00-00')).toEqual([]);
    expect(birthPlaceDoubts(null, RECENT)).toEqual([]);
  });
});
