import { describe, expect, it } from 'vitest';
import type { RightResult } from '../../model.ts';
import { caseSchema, caseSituation } from '../cases.ts';
import { roundCents } from '../money.ts';
import { c2s as P } from '../parameters/c2s.ts';
import { valueAt } from '../parameters/series.ts';
import {
  c2sRight,
  coefficientFoyer,
  forfaitLogementAnnuel,
  minimaSociauxApresAbattement,
  moisDeReference,
  participationMensuelle,
  plafondC2S,
  roundEuro,
} from './c2s.ts';

/** Evaluates a compact case (the YAML format of fixtures/rights) written inline. */
function run(asOf: string, situation: Record<string, unknown>): RightResult {
  const c = caseSchema.parse({ name: 'test', asOf, situation, expected: { status: 'eligible' } });
  return c2sRight.evaluate(caseSituation(c), asOf);
}

function details(r: RightResult): Record<string, unknown> {
  return 'details' in r ? (r.details as Record<string, unknown>) : {};
}

describe('moisDeReference (R861-8, décret 2021-1642)', () => {
  it('takes the 12 months M-13..M-2 from 2022', () => {
    const m = moisDeReference('2025-09');
    expect(m).toHaveLength(12);
    expect(m[0]).toBe('2024-08');
    expect(m[11]).toBe('2025-07');
  });

  it('took the 12 months M-12..M-1 before 2022', () => {
    const m = moisDeReference('2021-12');
    expect(m[0]).toBe('2020-12');
    expect(m[11]).toBe('2021-11');
  });

  it('crosses the year boundary', () => {
    expect(moisDeReference('2025-01')).toEqual([
      '2023-12',
      '2024-01',
      '2024-02',
      '2024-03',
      '2024-04',
      '2024-05',
      '2024-06',
      '2024-07',
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
    ]);
  });
});

describe('plafondC2S', () => {
  it('household coefficients 1, 1.5, 1.8, 2.1, 2.5, 2.9', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => roundCents(coefficientFoyer(n, '2025-09')))).toEqual([
      1, 1.5, 1.8, 2.1, 2.5, 2.9,
    ]);
  });

  it('reads the published metropolitan tables of 2025, with +4 135 / +5 583 per person from the 5th', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => plafondC2S(n, '2025-09', 'metropole', 'gratuite'))).toEqual([
      10339, 15508, 18609, 21711, 25846, 29981,
    ]);
    expect([1, 2, 3, 4, 5].map((n) => plafondC2S(n, '2025-09', 'metropole', 'participation'))).toEqual([
      13957, 20936, 25123, 29311, 34894,
    ]);
  });

  it('changes on 1 April 2025', () => {
    expect(plafondC2S(1, '2025-03', 'metropole', 'gratuite')).toBe(10166);
    expect(plafondC2S(1, '2025-04', 'metropole', 'gratuite')).toBe(10339);
  });

  it('computes base × coefficient rounded to the euro before the first published table (2022)', () => {
    expect(plafondC2S(1, '2022-10', 'metropole', 'gratuite')).toBe(9571);
    expect(plafondC2S(2, '2022-10', 'metropole', 'gratuite')).toBe(14357);
    expect(plafondC2S(1, '2022-10', 'metropole', 'participation')).toBe(12921);
    expect(plafondC2S(1, '2022-05', 'metropole', 'gratuite')).toBe(9203);
    expect(plafondC2S(4, '2022-05', 'metropole', 'participation')).toBe(26091);
  });

  it('reads the published DOM table of 2024', () => {
    expect(plafondC2S(1, '2024-10', 'dom', 'gratuite')).toBe(11315);
    expect(plafondC2S(5, '2024-10', 'dom', 'participation')).toBe(32077 + 6110);
  });

  it('the DOM rule used without a table (metropolitan published × 1.113) reproduces the 2024 DOM table to 1 €', () => {
    const d = '2024-10-01';
    const k = 1 + valueAt(P.majorationDom, d);
    for (const n of [1, 2, 3, 4, 5, 6]) {
      const derived = roundEuro(plafondC2S(n, d, 'metropole', 'gratuite') * k);
      expect(Math.abs(derived - plafondC2S(n, d, 'dom', 'gratuite'))).toBeLessThanOrEqual(1);
      const derivedPaid = roundEuro(plafondC2S(n, d, 'metropole', 'participation') * k);
      expect(Math.abs(derivedPaid - plafondC2S(n, d, 'dom', 'participation'))).toBeLessThanOrEqual(1);
    }
  });

  it('computes the DOM ceilings of 2025 (no published table)', () => {
    expect(plafondC2S(1, '2025-09', 'dom', 'gratuite')).toBe(11507);
    expect(plafondC2S(1, '2025-09', 'dom', 'participation')).toBe(15534);
    expect(plafondC2S(2, '2025-09', 'dom', 'gratuite')).toBe(17260);
  });
});

describe('forfaitLogementAnnuel (R861-5, R861-7)', () => {
  it('matches the 2025 values without housing aid: 930.99 / 1 629.23 / 1 955.08', () => {
    expect([1, 2, 3, 6].map((n) => roundCents(forfaitLogementAnnuel(n, false, '2025-09')))).toEqual([
      930.99, 1629.23, 1955.08, 1955.08,
    ]);
  });

  it('matches the 2025 maxima with housing aid: 930.99 / 1 861.98 / 2 304.20', () => {
    expect([1, 2, 3].map((n) => roundCents(forfaitLogementAnnuel(n, true, '2025-09')))).toEqual([
      930.99, 1861.98, 2304.2,
    ]);
  });
});

describe('participationMensuelle', () => {
  it('by age band, France', () => {
    expect([0, 29, 30, 49, 50, 59, 60, 69, 70, 95].map((a) => participationMensuelle(a, false, '2025-09'))).toEqual([
      8, 8, 14, 14, 21, 21, 25, 25, 30, 30,
    ]);
  });

  it('by age band, Alsace-Moselle', () => {
    expect([29, 30, 50, 60, 70].map((a) => participationMensuelle(a, true, '2025-09'))).toEqual([
      2.8, 4.9, 7.3, 8.7, 10.5,
    ]);
  });
});

describe('minimaSociauxApresAbattement', () => {
  it('deducts 68 € from the AAH, never below zero', () => {
    expect(minimaSociauxApresAbattement({ AAH: 1033.32 }, false, '2025-09').net).toBeCloseTo(965.32, 9);
    expect(minimaSociauxApresAbattement({ AAH: 50 }, false, '2025-09').net).toBe(0);
  });

  it('deducts 49 € / 86 € from the ASI and 71 € / 110 € from the ASPA, single / couple', () => {
    expect(minimaSociauxApresAbattement({ ASI: 1049 }, false, '2025-09').net).toBe(1000);
    expect(minimaSociauxApresAbattement({ ASI: 2086 }, true, '2025-09').net).toBe(2000);
    expect(minimaSociauxApresAbattement({ ASPA: 1071 }, false, '2025-09').net).toBe(1000);
    expect(minimaSociauxApresAbattement({ ASPA: 1110 }, true, '2025-09').net).toBe(1000);
  });

  it('ignores other benefits', () => {
    expect(minimaSociauxApresAbattement({ AF: 150, RSA: 500 }, false, '2025-09')).toEqual({ brut: 0, net: 0 });
  });
});

describe('c2sRight.evaluate', () => {
  const seul = (naissance: string, chaqueMois: Record<string, number>) => ({
    persons: [{ role: 'demandeur', dateNaissance: naissance, ressourcesChaqueMois: chaqueMois }],
  });

  it('a December request opens the right in January: age on 1 January of the next year', () => {
    // Born 1995-06-01: 29 on 2025-01-01, 30 on 2026-01-01; a request in December 2025 starts in January 2026.
    const dec = run('2025-12-10', seul('1995-06-01', { SALAIRE: 900 }));
    expect(dec.status).toBe('eligible');
    expect(dec.status === 'eligible' && dec.amount).toBe(14);
    expect(details(dec).debutDroit).toBe('2026-01-01');
    expect(details(dec).finDroit).toBe('2026-12-31');
    const nov = run('2025-11-10', seul('1995-06-01', { SALAIRE: 900 }));
    expect(nov.status === 'eligible' && nov.amount).toBe(8);
  });

  it('before November 2019 (CMU-C): free under the ceiling, otherwise not eligible (no C2S with participation yet)', () => {
    expect(run('2015-06-15', seul('1980-01-01', { SALAIRE: 500 })).status).toBe('eligible');
    const above = run('2015-06-15', seul('1980-01-01', { SALAIRE: 1000 }));
    expect(above.status).toBe('not_eligible');
  });

  it('lists the 12 reference months in the details', () => {
    const r = run('2025-09-15', seul('1980-01-01', { SALAIRE: 800 }));
    expect(details(r).moisDeReference).toEqual(moisDeReference('2025-09'));
    expect(details(r).personnes).toBe(1);
  });

  it('the breakdown adds up to the participation', () => {
    // 3 persons: 12 × 1 600 = 19 200 > 18 609 → participation; ages on 2025-01-01 65, 55, 15 → 25 + 21 + 8.
    const r2 = run('2025-09-15', {
      couple: true,
      persons: [
        { role: 'demandeur', dateNaissance: '1960-01-01', ressourcesChaqueMois: { SALAIRE: 1600 } },
        { role: 'conjoint', dateNaissance: '1970-01-01' },
        { role: 'enfant', dateNaissance: '2010-01-01' },
      ],
    });
    expect(r2.status).toBe('eligible');
    if (r2.status !== 'eligible') return;
    expect(r2.amount).toBe(54);
    expect(roundCents(r2.breakdown.reduce((t, l) => t + l.amount, 0))).toBe(r2.amount);
  });

  it('an RSA payment two months before (not the month before) gives no presumption', () => {
    const r = run('2025-09-15', {
      ...seul('1980-01-01', { SALAIRE: 1200 }),
      prestations: { '2025-07': { RSA: 100 } },
    });
    expect(r.status).toBe('not_eligible');
  });

  it('the RSA is not counted as a resource', () => {
    const r = run('2025-09-15', {
      ...seul('1980-01-01', { SALAIRE: 500 }),
      prestationsChaqueMois: { RSA: 300, PPA: 100 },
    });
    expect(details(r).ressourcesAnnuelles).toBe(6000);
    expect(details(r).presomption).toBe('rsa');
  });

  it('no ASPA presumption with earned income in the 3 months before the request', () => {
    const r = run('2025-09-15', {
      persons: [
        {
          role: 'demandeur',
          dateNaissance: '1955-01-01',
          ressourcesChaqueMois: { PENSION_RETRAITE: 900 },
          ressources: { '2025-07': { SALAIRE: 100 } },
        },
      ],
      prestationsChaqueMois: { ASPA: 300 },
    });
    // 12 × 900 + 100 + 12 × (300 − 71) = 13 648 ≤ 13 957 → participation on the resources, without presumption.
    expect(details(r).presomption).toBe(null);
    expect(details(r).type).toBe('participation');
  });

  it('no ASPA presumption before 1 April 2022', () => {
    const r = run('2022-03-15', {
      ...seul('1950-01-01', { PENSION_RETRAITE: 1200 }),
      prestationsChaqueMois: { ASPA: 100 },
    });
    expect(r.status).toBe('not_eligible');
  });

  it('an ASPA beneficiary under the free ceiling gets the free C2S', () => {
    const r = run('2025-09-15', {
      ...seul('1950-01-01', { PENSION_RETRAITE: 300 }),
      prestationsChaqueMois: { ASPA: 500 },
    });
    // 12 × 300 + 12 × (500 − 71) = 8 748 ≤ 10 339.
    expect(details(r).ressourcesAnnuelles).toBe(8748);
    expect(details(r).type).toBe('gratuite');
  });

  it('no 30 % deduction for a member who still earns wages in the month before the request', () => {
    const r = run('2025-09-15', seul('1980-01-01', { SALAIRE: 600, ALLOCATION_CHOMAGE: 300 }));
    expect(details(r).ressourcesAnnuelles).toBe(10800);
  });

  it('not eligible: reason with the figures', () => {
    const r = run('2025-09-15', seul('1980-01-01', { SALAIRE: 1200 }));
    expect(r.status).toBe('not_eligible');
    if (r.status !== 'not_eligible') return;
    expect(r.reasons[0]?.code).toBe('ressources_superieures_au_plafond');
    expect(r.reasons[0]?.values).toMatchObject({ ressourcesAnnuelles: 14400, plafondParticipation: 13957 });
  });

  it('undetermined for Mayotte and for households unknown to the CAF', () => {
    expect(run('2025-09-15', { departement: '976', ...seul('1980-01-01', {}) }).status).toBe('undetermined');
    expect(run('2025-09-15', { source: 'dgfip', ...seul('1980-01-01', {}) }).status).toBe('undetermined');
    expect(run('2025-09-15', { logement: null, ...seul('1980-01-01', {}) }).status).toBe('undetermined');
  });

  it('a dependant of 25 leaves the household, one of 24 stays', () => {
    const r = run('2025-09-15', {
      persons: [
        { role: 'demandeur', dateNaissance: '1970-01-01', ressourcesChaqueMois: { SALAIRE: 800 } },
        { role: 'enfant', dateNaissance: '2000-09-01' },
        { role: 'enfant', dateNaissance: '2001-09-30' },
      ],
    });
    expect(details(r).personnes).toBe(2);
  });
});

describe('c2sRight declaration', () => {
  it('is a monthly household right re-checked at the end of the 12-month right', () => {
    expect(c2sRight.id).toBe('c2s');
    expect(c2sRight.unit).toBe('foyer');
    expect(c2sRight.amountPeriod).toBe('mois');
    expect(c2sRight.recheckOn).toContain('fin_de_droit');
    expect(c2sRight.inputs.every((i) => i.heldBy.length > 0)).toBe(true);
  });
});
