import { describe, expect, it } from 'vitest';
import type { Situation } from '../model.ts';
import { cafPaidLastMonth, contactExclusion, type PayerRow, rightsHeld } from './exclusions.ts';

const AS_OF = '2025-09-01';
/** Only what the exclusions read of a situation: the household key and its members' NIR. */
const household = (key: string, ...nirs: (string | null)[]) =>
  ({
    householdKey: key,
    persons: nirs.map((nir) => ({ identite: { nir, nom: '', prenoms: '' } })),
  }) as unknown as Situation;
const row = (r: Partial<PayerRow> & Pick<PayerRow, 'nir' | 'droit'>): PayerRow => ({
  statut: 'EN_COURS',
  est_beneficiaire: true,
  date_debut_droit: null,
  date_fin_droit: null,
  date_effet_statut: null,
  ...r,
});

describe('rights already held by a batch of households', () => {
  const couple = household('caf:1-1', '1', '2');
  const single = household('caf:1-2', '3');
  const withoutNir = household('dgfip:9', null);

  it('a member on a payer list as receiving the right: the whole household receives it', () => {
    const held = rightsHeld([couple, single, withoutNir], [row({ nir: '2', droit: 'RSA' })], new Map(), AS_OF);
    expect(held.receives('caf:1-1', 'RSA')).toBe(true);
    expect(held.receives('caf:1-1', 'PPA')).toBe(false);
    expect(held.receives('caf:1-2', 'RSA')).toBe(false);
    expect(held.receives('dgfip:9', 'RSA')).toBe(false);
  });

  it('a row not receiving (est_beneficiaire N, or statut CLOS) is not a current right', () => {
    const held = rightsHeld(
      [couple],
      [row({ nir: '1', droit: 'RSA', est_beneficiaire: false }), row({ nir: '2', droit: 'PPA', statut: 'CLOS' })],
      new Map(),
      AS_OF,
    );
    expect(held.receives('caf:1-1', 'RSA')).toBe(false);
    expect(held.receives('caf:1-1', 'PPA')).toBe(false);
  });

  it('a CAF payment of the right for August (the last month before 1 September) counts; July does not', () => {
    const paid = cafPaidLastMonth(
      [
        { code_organisme: '1', numero_allocataire: '2', mois: '2025-08', prestation: 'PPA', montant: 120.5 },
        { code_organisme: '1', numero_allocataire: '2', mois: '2025-07', prestation: 'RSA', montant: 300 },
        { code_organisme: '1', numero_allocataire: '2', mois: '2025-08', prestation: 'AF', montant: 0 },
      ],
      AS_OF,
    );
    const held = rightsHeld([single], [], paid, AS_OF);
    expect(held.receives('caf:1-2', 'PPA')).toBe(true);
    expect(held.receives('caf:1-2', 'RSA')).toBe(false);
    expect(held.receives('caf:1-2', 'AF')).toBe(false);
  });

  it('a right closed since 1 March 2025 (6 months) is closed recently; one closed on 1 March is not', () => {
    const held = rightsHeld(
      [couple, single],
      [
        row({ nir: '1', droit: 'RSA', statut: 'CLOS', est_beneficiaire: false, date_effet_statut: '2025-03-02' }),
        row({ nir: '3', droit: 'RSA', statut: 'CLOS', est_beneficiaire: false, date_effet_statut: '2025-03-01' }),
      ],
      new Map(),
      AS_OF,
    );
    expect(held.closedRecently('caf:1-1', 'RSA')).toBe(true);
    expect(held.closedRecently('caf:1-2', 'RSA')).toBe(false);
  });

  it('renewal triggers: the end date when given, else the next anniversary of a C2S, once per household', () => {
    const held = rightsHeld(
      [couple],
      [
        row({ nir: '1', droit: 'C2S', date_debut_droit: '2024-10-15' }),
        row({ nir: '2', droit: 'C2S', date_debut_droit: '2024-10-15' }),
        row({ nir: '2', droit: 'RSA', date_fin_droit: '2025-11-30' }),
        row({ nir: '1', droit: 'PPA' }),
      ],
      new Map(),
      AS_OF,
    );
    expect(held.rightEnds).toEqual([
      { householdKey: 'caf:1-1', droit: 'C2S', dateFin: '2025-10-15' },
      { householdKey: 'caf:1-1', droit: 'RSA', dateFin: '2025-11-30' },
    ]);
  });

  it('not to write: an opposition first, then a recent invitation, then a right closed recently', () => {
    const held = rightsHeld(
      [couple, single],
      [row({ nir: '3', droit: 'RSA', statut: 'CLOS', est_beneficiaire: false, date_effet_statut: '2025-08-01' })],
      new Map(),
      AS_OF,
    );
    const history = {
      invited: new Map([['rsa', new Set(['caf:1-1', 'caf:1-2'])]]),
      opposed: new Map([['caf:1-1', new Set(['*'])]]),
    };
    expect(contactExclusion(history, held, 'rsa', 'caf:1-1')).toBe('opposition');
    expect(contactExclusion(history, held, 'rsa', 'caf:1-2')).toBe('invite_recemment');
    expect(contactExclusion({ invited: new Map(), opposed: new Map() }, held, 'rsa', 'caf:1-2')).toBe(
      'droit_clos_recemment',
    );
    expect(contactExclusion(history, held, 'ppa', 'caf:1-2')).toBeUndefined();
  });
});
