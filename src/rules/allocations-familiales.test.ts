import { describe, expect, it } from 'vitest';
import { allocationsFamiliales } from './allocations-familiales.ts';

describe('allocationsFamiliales (CSS D521-1, D521-2)', () => {
  it('December 2023, two children of 10: 32 % of the BMAF 445,93 € = 142,70 €, resources of N-2 nil', () => {
    const r = allocationsFamiliales({ month: '2023-12', naissances: ['2013-01-01', '2013-01-01'], ressourcesN2: 0 });
    expect(r).toBe(142.7);
  });
  it('three children: 73 % of the BMAF (2023-12: 325,53 €); one child: nothing', () => {
    const kids = ['2014-01-01', '2015-01-01', '2016-01-01'];
    expect(allocationsFamiliales({ month: '2023-12', naissances: kids, ressourcesN2: 0 })).toBe(325.53);
    expect(allocationsFamiliales({ month: '2023-12', naissances: ['2014-01-01'], ressourcesN2: 0 })).toBe(0);
  });
  it('age majoration of 16 % from the month after the 14th birthday, never for the eldest of two', () => {
    // May 2018, BMAF 411,92 €: children born 2004-03 (14) and 2004-04-15 (14 in April) — the eldest excluded:
    // (0,32 + 0,16) × 411,92 = 197,72 €.
    const r = allocationsFamiliales({ month: '2018-05', naissances: ['2004-03-01', '2004-04-15'], ressourcesN2: 0 });
    expect(r).toBe(197.72);
  });
  it('2018: full rate up to 56 286 + 2 × 5 628 = 67 542 € of resources for two children, undetermined above', () => {
    const kids = ['2010-01-01', '2012-01-01'];
    expect(allocationsFamiliales({ month: '2018-05', naissances: kids, ressourcesN2: 67542 })).toBe(131.81);
    expect(allocationsFamiliales({ month: '2018-05', naissances: kids, ressourcesN2: 67543 })).toBeNull();
  });
  it('2024 with resources: the ceiling of the year is not described, so undetermined; 2014: no modulation', () => {
    const kids = ['2010-01-01', '2012-01-01'];
    expect(allocationsFamiliales({ month: '2024-05', naissances: kids, ressourcesN2: 1000 })).toBeNull();
    // July 2014, BMAF 406,21 €: 0,32 × 406,21 = 129,99 € whatever the resources.
    expect(allocationsFamiliales({ month: '2014-07', naissances: kids, ressourcesN2: 500000 })).toBe(129.99);
  });
});
