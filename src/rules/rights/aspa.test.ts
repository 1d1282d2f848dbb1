import { describe, expect, it } from 'vitest';
import type { Person, Situation } from '../../model.ts';
import { aspaRight, computeAspa, dateAgeLegalRetraite } from './aspa.ts';

function person(over: Partial<Person> & Pick<Person, 'role' | 'dateNaissance'>): Person {
  return {
    key: over.role,
    identite: { nir: null, nom: 'X', prenoms: 'Y' },
    dateEntree: null,
    dateSortie: null,
    nationalite: 'FR',
    titreSejourDepuis: null,
    etudiant: false,
    grossesse: false,
    ressources: {},
    ...over,
  };
}

function situation(persons: Person[], couple = false): Situation {
  return {
    householdKey: 'h',
    source: 'caf',
    couple,
    dateSituation: null,
    logement: 'LOCATAIRE',
    codeCommune: null,
    departement: '75',
    persons,
    prestations: {},
    contacts: { email: null, phone: null, postal: null },
    provenance: {},
  };
}

/** The same gross resources for each of the `n` months before `month`. */
function everyMonth(month: string, n: number, amounts: Record<string, number>): Person['ressources'] {
  const out: Record<string, Record<string, number>> = {};
  const [y, m] = month.split('-').map(Number) as [number, number];
  for (let i = 1; i <= n; i++) {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    out[d.toISOString().slice(0, 7)] = { ...amounts };
  }
  return out;
}

describe('legal retirement age by generation (L161-17-2)', () => {
  it.each([
    ['1951-06-30', '2015-01-01', '2011-06-30', 60, 0],
    ['1951-07-01', '2015-01-01', '2011-11-01', 60, 4],
    ['1952-03-15', '2015-01-01', '2012-12-15', 60, 9],
    ['1955-05-05', '2024-01-01', '2017-05-05', 62, 0],
    ['1961-08-31', '2024-01-01', '2023-08-31', 62, 0],
    ['1961-09-01', '2024-01-01', '2023-12-01', 62, 3],
    ['1962-02-10', '2025-06-01', '2024-08-10', 62, 6],
    ['1963-01-20', '2025-06-01', '2025-10-20', 62, 9],
    ['1964-03-10', '2025-06-01', '2027-03-10', 63, 0],
    ['1968-01-01', '2025-06-01', '2032-01-01', 64, 0],
  ] as const)('born %s (law of %s) reaches it on %s', (birth, effet, date, ans, mois) => {
    expect(dateAgeLegalRetraite(birth, effet)).toEqual({ date, ans, mois });
  });

  it('applies the LFSS 2026 suspension from 2026-09-01', () => {
    expect(dateAgeLegalRetraite('1964-03-10', '2026-09-01')).toEqual({ date: '2026-12-10', ans: 62, mois: 9 });
    expect(dateAgeLegalRetraite('1965-03-31', '2026-09-01').mois).toBe(9);
    expect(dateAgeLegalRetraite('1965-04-01', '2026-09-01')).toEqual({ date: '2028-04-01', ans: 63, mois: 0 });
    expect(dateAgeLegalRetraite('1968-06-01', '2026-09-01')).toEqual({ date: '2032-03-01', ans: 63, mois: 9 });
    expect(dateAgeLegalRetraite('1969-01-01', '2026-09-01').ans).toBe(64);
  });

  it('reads a partial birth date as the latest possible day, and clamps to the end of the month', () => {
    expect(dateAgeLegalRetraite('1961-00-00', '2025-01-01')).toEqual({ date: '2024-03-31', ans: 62, mois: 3 });
    expect(dateAgeLegalRetraite('1962-08-31', '2025-01-01').date).toBe('2025-02-28');
  });
});

describe('ASPA evaluation', () => {
  const asOf = '2025-06-15';

  it('computes the RULES quick check with the details asked for', () => {
    const s = situation([
      person({
        role: 'demandeur',
        dateNaissance: '1955-03-10',
        ressourcesBrutes: everyMonth('2024-06', 12, { PENSION_RETRAITE: 812.75 }),
      }),
    ]);
    const r = computeAspa(s, '2024-06-01');
    expect(r.status).toBe('eligible');
    if (r.status !== 'eligible') return;
    expect(r.amount).toBe(199.27);
    expect(r.period).toBe('2024-06');
    expect(r.details).toMatchObject({
      plafond: 12144.27,
      montantMaximum: 12144.27,
      ressourcesTrimestrielles: 2438.25,
      abattement: 0,
      personnesEligibles: 1,
      montantAnnuel: 2391.27,
      baseRessources: 'brutes',
      moisReference: ['2024-03', '2024-04', '2024-05'],
    });
    expect(r.breakdown.reduce((t, l) => t + l.amount, 0)).toBeCloseTo(199.27, 2);
  });

  it('mentions the recovery on the estate without inventing a threshold value', () => {
    const r = computeAspa(situation([person({ role: 'demandeur', dateNaissance: '1950-01-01' })]), asOf);
    expect(r.explanation).toContain('succession');
    expect(r.explanation).toContain('dépasse un seuil');
    expect(r.explanation).not.toMatch(/39\s?000|100\s?000/);
  });

  it('says when only net resources are known', () => {
    const s = situation([
      person({
        role: 'demandeur',
        dateNaissance: '1950-01-01',
        ressources: everyMonth('2025-06', 12, { PENSION_RETRAITE: 700 }),
      }),
    ]);
    const r = computeAspa(s, asOf);
    expect(r.status === 'eligible' && r.details['baseRessources']).toBe('nettes');
    expect(r.explanation).toContain('nets');
  });

  it('prefers gross resources over net ones for the same person', () => {
    const s = situation([
      person({
        role: 'demandeur',
        dateNaissance: '1950-01-01',
        ressources: everyMonth('2025-06', 12, { PENSION_RETRAITE: 600 }),
        ressourcesBrutes: everyMonth('2025-06', 12, { PENSION_RETRAITE: 700 }),
      }),
    ]);
    const r = computeAspa(s, asOf);
    expect(r.status === 'eligible' && r.amount).toBe(334.29);
  });

  it('is undetermined when the nationality or the permit seniority is unknown', () => {
    const unknownNat = computeAspa(
      situation([person({ role: 'demandeur', dateNaissance: '1950-01-01', nationalite: null })]),
      asOf,
    );
    expect(unknownNat.status).toBe('undetermined');
    const noPermitDate = computeAspa(
      situation([person({ role: 'demandeur', dateNaissance: '1950-01-01', nationalite: 'HORS_UE' })]),
      asOf,
    );
    expect(noPermitDate.status === 'undetermined' && noPermitDate.missing.join()).toContain('titre de séjour');
  });

  it('is not eligible on resources even when the inaptitude is unknown', () => {
    const s = situation([
      person({
        role: 'demandeur',
        dateNaissance: '1961-05-05',
        ressourcesBrutes: everyMonth('2025-06', 12, { PENSION_RETRAITE: 2000 }),
      }),
    ]);
    const r = computeAspa(s, asOf);
    expect(r.status === 'not_eligible' && r.reasons.map((x) => x.code)).toEqual(['ressources_superieures_au_plafond']);
  });

  it('is undetermined in a couple when the partner could be eligible (inaptitude unknown)', () => {
    const s = situation(
      [
        person({ role: 'demandeur', dateNaissance: '1950-01-01' }),
        person({ role: 'conjoint', dateNaissance: '1961-05-05' }),
      ],
      true,
    );
    const r = computeAspa(s, asOf);
    expect(r.status === 'undetermined' && r.missing).toEqual([
      "inaptitude au travail ou taux d'incapacité du conjoint (âge légal atteint, moins de 65 ans)",
    ]);
  });

  it('treats a partner who left the household (death, separation) as gone: single ceiling', () => {
    const s = situation(
      [
        person({ role: 'demandeur', dateNaissance: '1950-01-01' }),
        person({ role: 'conjoint', dateNaissance: '1950-01-01', dateSortie: '2025-03-10' }),
      ],
      true,
    );
    const r = computeAspa(s, asOf);
    expect(r.status === 'eligible' && [r.amount, r.details['couple']]).toEqual([1034.28, false]);
  });

  it('refuses the incapacity route under 50 % and accepts it from 50 %', () => {
    const mk = (taux: number) =>
      computeAspa(situation([person({ role: 'demandeur', dateNaissance: '1961-05-05', tauxIncapacite: taux })]), asOf);
    expect(mk(0.49).status).toBe('not_eligible');
    expect(mk(0.5).status).toBe('eligible');
  });

  it('is undetermined without any adult', () => {
    expect(computeAspa(situation([person({ role: 'enfant', dateNaissance: '2010-01-01' })]), asOf).status).toBe(
      'undetermined',
    );
  });

  it('declares its data', () => {
    expect(aspaRight.id).toBe('aspa');
    expect(aspaRight.amountPeriod).toBe('mois');
    expect(aspaRight.recheckOn).toEqual(expect.arrayContaining(['age_aspa', 'deces_conjoint', 'separation']));
    expect(aspaRight.inputs.length).toBeGreaterThan(0);
    for (const i of aspaRight.inputs) expect(i.heldBy.length).toBeGreaterThan(0);
  });
});
