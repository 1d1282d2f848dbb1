import { describe, expect, it } from 'vitest';
import type { Situation } from '../model.ts';
import { caseSituation, type RightCase } from '../rules/cases.ts';
import { RIGHTS } from '../rules/registry.ts';
import { detectEvents, earliestResourceMonth } from './events.ts';
import { touchedHouseholds } from './events-store.ts';

const rights = Object.values(RIGHTS);
const W = { since: '2025-09-01', asOf: '2025-10-01' };

function situation(
  s: Partial<RightCase['situation']> & Pick<RightCase['situation'], 'persons'>,
  key = 'caf:1-1',
): Situation {
  const c = { name: 'x', asOf: W.asOf, expected: { status: 'eligible' }, situation: s } as unknown as RightCase;
  return { ...caseSituation(c), householdKey: key };
}
const kinds = (events: ReturnType<typeof detectEvents>) => events.map((e) => `${e.kind} ${e.date}`);

describe('life events', () => {
  it('a 25th birthday in the window calls the RSA and the PPA to re-check', () => {
    const s = situation({ persons: [{ role: 'demandeur', dateNaissance: '2000-09-20' } as never] });
    const events = detectEvents([s], new Map(), [], rights, W);
    expect(kinds(events)).toEqual(['anniversaire_25_ans 2025-09-20']);
    expect(events[0]?.rights).toContain('rsa');
  });

  it('a birthday outside the window is no event; a 65th birthday is one for the ASPA', () => {
    const s = situation({
      couple: true,
      persons: [
        { role: 'demandeur', dateNaissance: '2000-10-02' } as never,
        { role: 'conjoint', dateNaissance: '1960-09-30' } as never,
      ],
    });
    const events = detectEvents([s], new Map(), [], rights, W);
    expect(kinds(events)).toEqual(['age_aspa 2025-09-30']);
    // The RSA and the C2S are re-checked too: at 65 the RSA gives way to the ASPA, which opens the C2S.
    expect(events[0]?.rights).toEqual(expect.arrayContaining(['aspa', 'rsa', 'c2s']));
  });

  it('a child turning 6 before the next 1 February calls the ARS', () => {
    const s = situation({
      persons: [
        { role: 'demandeur', dateNaissance: '1990-01-01' } as never,
        { role: 'enfant', dateNaissance: '2020-01-15' } as never,
      ],
    });
    expect(kinds(detectEvents([s], new Map(), [], rights, W))).toEqual(['age_scolaire 2026-01-15']);
  });

  it('compares two snapshots: new child, separation, move to another département', () => {
    const before = situation({
      couple: true,
      departement: '75',
      persons: [
        { role: 'demandeur', dateNaissance: '1990-01-01' } as never,
        { role: 'conjoint', dateNaissance: '1991-01-01' } as never,
      ],
    });
    const after = situation({
      couple: false,
      dateSituation: '2025-09-15',
      departement: '93',
      persons: [
        { role: 'demandeur', dateNaissance: '1990-01-01' } as never,
        { role: 'enfant', dateNaissance: '2025-09-10', dateEntree: '2025-09-10' } as never,
      ],
    });
    // Persons are matched on their pseudonymous key: the baby is a new one.
    const withBaby = {
      ...after,
      persons: after.persons.map((p) => (p.role === 'enfant' ? { ...p, key: 'P-bebe' } : p)),
    };
    const events = detectEvents([withBaby], new Map([[before.householdKey, before]]), [], rights, W);
    expect(kinds(events).sort()).toEqual(['demenagement 2025-10-01', 'naissance 2025-09-10', 'separation 2025-09-15']);
    expect(events.find((e) => e.kind === 'demenagement')?.data).toEqual({ avant: '75', apres: '93' });
  });

  /** ARE until July, nothing in August and September: ended in August. */
  const ARE_ENDED = {
    '2025-04': { ALLOCATION_CHOMAGE: 900 },
    '2025-05': { ALLOCATION_CHOMAGE: 900 },
    '2025-06': { ALLOCATION_CHOMAGE: 900 },
    '2025-07': { ALLOCATION_CHOMAGE: 900 },
    '2025-08': {},
    '2025-09': {},
  };
  const withResources = (ressources: object) =>
    situation({ persons: [{ role: 'demandeur', dateNaissance: '1980-01-01', ressources } as never] });

  it('the end of an unemployment benefit and a fall of resources by a third', () => {
    const events = detectEvents([withResources(ARE_ENDED)], new Map(), [], rights, W);
    // Reference months: September claim → May–July (900 each); October claim → June–August (600 average): −33 %.
    expect(kinds(events)).toEqual(['fin_allocation_chomage 2025-08-01', 'baisse_ressources 2025-06-01']);
    expect(events[1]?.data).toEqual({ moyenneAvant: 900, moyenneApres: 600 });
  });

  it('needs no resources before the first reference month of the previous run (a targeted run reads none)', () => {
    // The run of 1 September took May–July; the window's two months before are July and August.
    expect(earliestResourceMonth(W)).toBe('2025-05');
    const months = { '2025-01': { SALAIRE: 2000 }, ...ARE_ENDED };
    const from = Object.fromEntries(Object.entries(months).filter(([m]) => m >= earliestResourceMonth(W)));
    const all = detectEvents([withResources(months)], new Map(), [], rights, W);
    expect(kinds(all)).toEqual(['fin_allocation_chomage 2025-08-01', 'baisse_ressources 2025-06-01']);
    expect(detectEvents([withResources(from)], new Map(), [], rights, W)).toEqual(all);
  });

  it('a right ending within four months is a renewal trigger for that right', () => {
    const s = situation({ persons: [{ role: 'demandeur', dateNaissance: '1980-01-01' } as never] });
    const events = detectEvents(
      [s],
      new Map(),
      [
        { householdKey: s.householdKey, droit: 'C2S', dateFin: '2026-01-31' },
        { householdKey: s.householdKey, droit: 'C2S', dateFin: '2026-06-30' },
      ],
      rights,
      W,
    );
    expect(events.map((e) => [e.kind, e.date, e.rights])).toEqual([['fin_de_droit', '2026-01-31', ['c2s']]]);
  });
});

describe('households to re-check for a right in a run after the first', () => {
  it('those with an event calling the right, detected after its last run', () => {
    const recorded = [
      { household_key: 'caf:1-1', detected_on: '2025-10-01', rights: ['rsa', 'ppa'] },
      { household_key: 'caf:1-2', detected_on: '2025-09-01', rights: ['rsa'] },
      { household_key: 'caf:1-3', detected_on: '2025-10-01', rights: ['c2s'] },
    ];
    expect([...touchedHouseholds(recorded, 'rsa', '2025-09-01')]).toEqual(['caf:1-1']);
    expect([...touchedHouseholds(recorded, 'rsa', '2025-08-01')]).toEqual(['caf:1-1', 'caf:1-2']);
    expect([...touchedHouseholds(recorded, 'c2s', '2025-09-01')]).toEqual(['caf:1-3']);
  });
});
