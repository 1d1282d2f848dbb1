import { describe, expect, it } from 'vitest';
import { formatPeriod, parsePeriod, periodMonths } from './period.ts';
import { coveredMonths, monthlyAmounts, monthlyValues, type Series } from './series.ts';
import { evalArithmetic, isNeutral, toBoolean, toNumber } from './values.ts';

describe('periods', () => {
  it('reads the forms of the OpenFisca tests', () => {
    expect(parsePeriod(2024)).toEqual({ unit: 'year', start: '2024-01', size: 1 });
    expect(parsePeriod('2024')).toEqual({ unit: 'year', start: '2024-01', size: 1 });
    expect(parsePeriod('2018-05')).toEqual({ unit: 'month', start: '2018-05', size: 1 });
    expect(parsePeriod('month:2014-11')).toEqual({ unit: 'month', start: '2014-11', size: 1 });
    expect(parsePeriod('year:2014')).toEqual({ unit: 'year', start: '2014-01', size: 1 });
    expect(parsePeriod('year:2015-07')).toEqual({ unit: 'year', start: '2015-07', size: 1 });
    expect(parsePeriod('year:2012:3')).toEqual({ unit: 'year', start: '2012-01', size: 3 });
    expect(parsePeriod('month:2021-01:36')).toEqual({ unit: 'month', start: '2021-01', size: 36 });
  });

  it('refuses what is not a period', () => {
    for (const bad of ['2018-13', 'month:2014', 'week:2014-01', '20180', 'month:2014-01:0'])
      expect(() => parsePeriod(bad)).toThrow(/période illisible/);
  });

  it('lists the months of a period and prints it back', () => {
    expect(periodMonths(parsePeriod('year:2015-07'))).toHaveLength(12);
    expect(periodMonths(parsePeriod('year:2015-07'))[11]).toBe('2016-06');
    expect(periodMonths(parsePeriod('month:2014-11:3'))).toEqual(['2014-11', '2014-12', '2015-01']);
    expect(formatPeriod(parsePeriod('month:2014-11'))).toBe('2014-11');
    expect(formatPeriod(parsePeriod(2024))).toBe('2024');
    expect(formatPeriod(parsePeriod('year:2012:3'))).toBe('year:2012-01:3');
  });
});

describe('values', () => {
  it('evaluates arithmetic strings as OpenFisca does', () => {
    expect(evalArithmetic('200 * 12')).toBe(2400);
    expect(evalArithmetic('(10881.75 - 8000)/12')).toBeCloseTo(240.145833, 6);
    expect(evalArithmetic('826.40 - 200')).toBeCloseTo(626.4, 9);
    expect(evalArithmetic('-3 + 1')).toBe(-2);
    expect(evalArithmetic('72_000')).toBe(72000);
    expect(evalArithmetic('5000 / 12')).toBeCloseTo(416.6667, 4);
  });

  it('does not take dates, codes or text for arithmetic', () => {
    expect(evalArithmetic('1980-01-01')).toBeNull();
    expect(evalArithmetic('2018-05')).toBeNull();
    expect(evalArithmetic('locataire_vide')).toBeNull();
    expect(evalArithmetic('2 *')).toBeNull();
    expect(evalArithmetic('(1 + 2')).toBeNull();
  });

  it('converts numbers and booleans', () => {
    expect(toNumber(12.5)).toBe(12.5);
    expect(toNumber('200 * 12')).toBe(2400);
    expect(toNumber(true)).toBe(1);
    expect(toNumber('FR')).toBeNull();
    expect(toBoolean(0)).toBe(false);
    expect(toBoolean(1)).toBe(true);
    expect(toBoolean('true')).toBe(true);
    expect(toBoolean('maybe')).toBeNull();
  });

  it("recognises OpenFisca's neutral defaults", () => {
    expect(isNeutral(0)).toBe(true);
    expect(isNeutral(false)).toBe(true);
    expect(isNeutral('0 * 12')).toBe(true);
    expect(isNeutral([0, false])).toBe(true);
    expect(isNeutral(1)).toBe(false);
    expect(isNeutral(true)).toBe(false);
    expect(isNeutral('college')).toBe(false);
  });
});

const series = (entries: Record<string, unknown>): Series =>
  Object.entries(entries).map(([k, value]) => ({ period: parsePeriod(k), value }));

describe('monthly series', () => {
  it('spreads a yearly amount over its 12 months (÷ 12)', () => {
    const m = monthlyAmounts(series({ '2013': 5000 }), 'salaire_net');
    expect(m.size).toBe(12);
    expect(m.get('2013-01')).toBeCloseTo(416.67, 2);
    expect(m.get('2013-12')).toBeCloseTo(416.67, 2);
    expect(m.has('2014-01')).toBe(false);
  });

  it('applies a month value to that month only', () => {
    const m = monthlyAmounts(series({ '2014-07': 200 }), 'pensions_alimentaires_percues');
    expect([...m.entries()]).toEqual([['2014-07', 200]]);
  });

  it('spreads the rest of a year over the months not given, months first (set_input_divide_by_period)', () => {
    // Written year first: OpenFisca still sets the month first, then divides the remainder.
    const m = monthlyAmounts(series({ '2014': 1300, '2014-03': 200 }), 'salaire_net');
    expect(m.get('2014-03')).toBe(200);
    expect(m.get('2014-01')).toBe(100);
    expect(m.get('2014-12')).toBe(100);
  });

  it('evaluates arithmetic amounts and copies flags to every month', () => {
    expect(monthlyAmounts(series({ '2014-01': '200 * 12' }), 'x').get('2014-01')).toBe(2400);
    const f = monthlyValues(series({ '2024': 'loge_gratuitement', '2024-05': 'proprietaire' }), 'statut');
    expect(f.get('2024-01')).toBe('loge_gratuitement');
    expect(f.get('2024-05')).toBe('proprietaire');
    expect(f.get('2024-12')).toBe('loge_gratuitement');
    expect(coveredMonths(series({ 'year:2012:3': 0 })).size).toBe(36);
  });

  it('rejects an unreadable amount', () => {
    expect(() => monthlyAmounts(series({ '2014-01': 'beaucoup' }), 'salaire_net')).toThrow(/montant illisible/);
  });
});
