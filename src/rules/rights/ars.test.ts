import { describe, expect, it } from 'vitest';
import type { Person, Situation } from '../../model.ts';
import { arsRight, computeArs, datesRentree, type EnfantArs, montantEnfant, netCrds } from './ars.ts';

function person(over: Partial<Person> & Pick<Person, 'role' | 'dateNaissance'>): Person {
  return {
    key: `${over.role}-${over.dateNaissance}`,
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

function situation(persons: Person[], revenus: Record<string, number | null> = { '2023': 20000 }): Situation {
  return {
    householdKey: 'h',
    source: 'dgfip',
    couple: false,
    dateSituation: null,
    logement: null,
    codeCommune: null,
    departement: '75',
    revenusFiscaux: Object.fromEntries(
      Object.entries(revenus).map(([y, v]) => [y, { revenuFiscalReference: null, revenuNetImposable: v }]),
    ),
    persons,
    prestations: null,
    contacts: { email: null, phone: null, postal: null },
    provenance: {},
  };
}

const parent = person({ role: 'demandeur', dateNaissance: '1985-01-01' });

describe('amounts per child (RULES §5 table)', () => {
  it.each([
    [2022, [394.02, 415.76, 430.17], [392.05, 413.69, 428.02]],
    [2023, [400.09, 422.16, 436.79], [398.09, 420.05, 434.61]],
    [2024, [418.49, 441.58, 456.88], [416.4, 439.38, 454.6]],
    [2025, [425.6, 449.09, 464.65], [423.48, 446.85, 462.33]],
    [2026, [429.01, 452.67, 468.36], [426.87, 450.41, 466.02]],
  ] as const)('rentrée %i: gross and net after CRDS', (n, gross, net) => {
    const g = (['primaire', 'college', 'lycee'] as const).map((t) => montantEnfant(t, n));
    expect(g).toEqual(gross);
    expect(g.map((x) => netCrds(x, n))).toEqual(net);
  });

  it('reads the legal dates from the parameters', () => {
    expect(datesRentree(2025)).toEqual({
      rentree: '2025-09-01',
      montant: '2025-08-01',
      sixAnsAvant: '2026-02-01',
      moinsDe18Au: '2025-09-15',
      trancheAu: '2025-12-31',
    });
  });
});

describe('ARS evaluation', () => {
  it('gives the rentrée of the year of asOf, whatever the month', () => {
    const s = situation([parent, person({ role: 'enfant', dateNaissance: '2017-03-10' })]);
    for (const asOf of ['2025-01-15', '2025-08-20', '2025-12-31']) {
      const r = computeArs(s, asOf);
      expect(r.status === 'eligible' && [r.period, r.amount]).toEqual(['2025', 425.6]);
    }
  });

  it('details each child with its band and amount', () => {
    const s = situation([
      parent,
      person({ role: 'enfant', dateNaissance: '2017-03-10' }),
      person({ role: 'enfant', dateNaissance: '2021-01-01' }),
    ]);
    const r = computeArs(s, '2025-07-01');
    expect(r.status).toBe('eligible');
    if (r.status !== 'eligible') return;
    const enfants = r.details['enfants'] as EnfantArs[];
    expect(enfants.map((e) => [e.statut, e.tranche, e.montant])).toEqual([
      ['ouvre_droit', 'primaire', 425.6],
      ['hors_age', null, 0],
    ]);
    expect(r.details).toMatchObject({
      plafond: 35008,
      revenuReference: 20000,
      anneeRevenus: 2023,
      differentielle: false,
    });
  });

  it('treats a partial birth date that straddles a limit as undetermined for that child', () => {
    // Born some day of September 2007: 18 on 15 September 2025 or not, depending on the day.
    const s = situation([parent, person({ role: 'enfant', dateNaissance: '2007-09-00', scolarise: true })]);
    const r = computeArs(s, '2025-07-01');
    expect(r.status === 'undetermined' && r.missing).toEqual(["date de naissance complète d'un enfant"]);
  });

  it('keeps a partial birth date that does not matter', () => {
    const s = situation([parent, person({ role: 'enfant', dateNaissance: '2017-00-00' })]);
    expect(computeArs(s, '2025-07-01').status).toBe('eligible');
  });

  it('leaves out a child who left the household before the rentrée, from the ARS and the ceiling', () => {
    const s = situation(
      [
        parent,
        person({ role: 'enfant', dateNaissance: '2017-03-10' }),
        person({ role: 'enfant', dateNaissance: '2012-05-05', dateSortie: '2025-06-30' }),
      ],
      { '2023': 28500 },
    );
    // One child at charge: ceiling 28 444, excess 56 → 425.60 − 56 = 369.60.
    const r = computeArs(s, '2025-07-01');
    expect(r.status === 'eligible' && [r.amount, r.details['plafond']]).toEqual([369.6, 28444]);
  });

  it('needs the income of N-2 only when a child opens the right', () => {
    const noChild = computeArs(situation([parent], {}), '2025-07-01');
    expect(noChild.status === 'not_eligible' && noChild.reasons.map((x) => x.code)).toEqual(['aucun_enfant']);
    const noIncome = computeArs(
      situation([parent, person({ role: 'enfant', dateNaissance: '2017-03-10' })], { '2023': null }),
      '2025-07-01',
    );
    expect(noIncome.status === 'undetermined' && noIncome.missing).toEqual(['revenu net imposable 2023 du foyer']);
  });

  it('is undetermined, not refused, when an unknown child could lift a differential above 15 €', () => {
    // Known child 425.60, excess 415 → 10.60; a 17-year-old with unknown schooling could add 464.65.
    const s = situation(
      [
        parent,
        person({ role: 'enfant', dateNaissance: '2017-03-10' }),
        person({ role: 'enfant', dateNaissance: '2008-03-03' }),
      ],
      { '2023': 35008 + 415 },
    );
    expect(computeArs(s, '2025-07-01').status).toBe('undetermined');
  });

  it('declares its data', () => {
    expect(arsRight.id).toBe('ars');
    expect(arsRight.amountPeriod).toBe('an');
    expect(arsRight.recheckOn).toEqual(expect.arrayContaining(['age_scolaire', 'naissance']));
    for (const i of arsRight.inputs) expect(i.heldBy.length).toBeGreaterThan(0);
  });
});
