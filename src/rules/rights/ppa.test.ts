import { describe, expect, it } from 'vitest';
import type { Person, Situation } from '../../model.ts';
import { roundCents } from '../money.ts';
import {
  autresRessourcesPersonne,
  bonification,
  bonificationMaximale,
  computePpa,
  forfaitLogementPpa,
  forfaitLogementRetenu,
  indemnitesCommeActivite,
  plancherApprenant,
  ppaReferenceMonths,
  ppaRight,
  primeDuMois,
  revenusActivitePersonne,
  seuilAahActivite,
  tauxFoyerPpa,
  tauxMajorePpa,
} from './ppa.ts';

const cents = (x: number) => roundCents(x);

function person(over: Partial<Person> = {}): Person {
  return {
    key: 'P1',
    identite: { nir: null, nom: 'TEST', prenoms: 'A' },
    role: 'demandeur',
    dateNaissance: '1990-01-01',
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

const every = <T>(months: string[], v: T): Record<string, T> => Object.fromEntries(months.map((m) => [m, v]));
const MAY_JUL_2025 = ['2025-05', '2025-06', '2025-07'];

function situation(over: Partial<Situation> = {}): Situation {
  return {
    householdKey: 'caf:test',
    source: 'caf',
    couple: false,
    dateSituation: null,
    logement: 'LOCATAIRE',
    codeCommune: null,
    departement: '75',
    persons: [person({ ressources: every(MAY_JUL_2025, { SALAIRE: 1000 }) })],
    prestations: {},
    contacts: { email: null, phone: null, postal: null },
    provenance: {},
    ...over,
  };
}

describe('reference months', () => {
  it('M-3..M-1 until February 2025, M-4..M-2 from March 2025', () => {
    expect(ppaReferenceMonths('2025-02')).toEqual(['2024-11', '2024-12', '2025-01']);
    expect(ppaReferenceMonths('2025-03')).toEqual(['2024-11', '2024-12', '2025-01']);
    expect(ppaReferenceMonths('2025-09')).toEqual(['2025-05', '2025-06', '2025-07']);
  });
  it("honours the payer's rule", () => {
    expect(ppaReferenceMonths('2025-09', 'M-3..M-1')).toEqual(['2025-06', '2025-07', '2025-08']);
    expect(ppaReferenceMonths('2024-12', 'M-4..M-2')).toEqual(['2024-08', '2024-09', '2024-10']);
  });
});

describe('lump sum', () => {
  const d = '2025-09-01';
  it('household rates (D843-1)', () => {
    expect(tauxFoyerPpa(false, 0, d)).toBeCloseTo(1, 10);
    expect(tauxFoyerPpa(true, 0, d)).toBeCloseTo(1.5, 10);
    expect(tauxFoyerPpa(false, 1, d)).toBeCloseTo(1.5, 10);
    expect(tauxFoyerPpa(true, 1, d)).toBeCloseTo(1.8, 10);
    expect(tauxFoyerPpa(false, 2, d)).toBeCloseTo(1.8, 10);
    expect(tauxFoyerPpa(true, 2, d)).toBeCloseTo(2.1, 10);
    expect(tauxFoyerPpa(false, 3, d)).toBeCloseTo(2.2, 10);
    expect(tauxFoyerPpa(true, 3, d)).toBeCloseTo(2.5, 10);
    expect(tauxFoyerPpa(true, 4, d)).toBeCloseTo(2.9, 10);
  });
  it('published 2025 amounts (RULES.md §2.2)', () => {
    expect(cents(633.21 * tauxFoyerPpa(true, 0, d))).toBe(949.82);
    expect(cents(633.21 * tauxFoyerPpa(true, 1, d))).toBe(1139.78);
    expect(cents(633.21 * tauxFoyerPpa(true, 2, d))).toBe(1329.74);
  });
  it('isolated-parent rates', () => {
    expect(tauxMajorePpa(0, d)).toBeCloseTo(1.28412, 10);
    expect(tauxMajorePpa(2, d)).toBeCloseTo(2.1402, 10);
  });
});

describe('forfait logement', () => {
  const d = '2025-09-01';
  it('12 / 16 / 16.5 % of the 1 / 2 / 3-person lump sum', () => {
    expect(cents(forfaitLogementPpa(1, 633.21, d))).toBe(75.99);
    expect(cents(forfaitLogementPpa(2, 633.21, d))).toBe(151.97);
    expect(cents(forfaitLogementPpa(3, 633.21, d))).toBe(188.06);
    expect(cents(forfaitLogementPpa(6, 633.21, d))).toBe(188.06);
  });
  it('capped at the housing aid; owners and housed free pay it; tenants and borrowers without aid do not', () => {
    expect(forfaitLogementRetenu(75.9852, 40, 'LOCATAIRE')).toBe(40);
    expect(forfaitLogementRetenu(75.9852, 300, 'ACCEDANT')).toBe(75.9852);
    expect(forfaitLogementRetenu(75.9852, 0, 'PROPRIETAIRE')).toBe(75.9852);
    expect(forfaitLogementRetenu(75.9852, 0, 'HEBERGE_GRATUIT')).toBe(75.9852);
    expect(forfaitLogementRetenu(75.9852, 0, 'ACCEDANT')).toBe(0);
    expect(forfaitLogementRetenu(75.9852, 0, 'LOCATAIRE')).toBe(0);
    expect(forfaitLogementRetenu(75.9852, 0, 'SANS_DOMICILE')).toBe(0);
  });
});

describe('individual bonus (D843-2)', () => {
  it('maximum: rounded product of the rate and the base', () => {
    expect(bonificationMaximale(622.63, '2025-03-01')).toBe(181.19);
    expect(bonificationMaximale(633.21, '2025-09-01')).toBe(184.27);
    expect(bonificationMaximale(638.28, '2026-04-01')).toBe(240.63);
  });
  it('nothing up to 59 h of SMIC, linear, capped from 120 h (138 h from April 2026)', () => {
    const d = '2025-09-01';
    expect(bonification(700.92, 11.88, 184.27, d)).toBe(0);
    expect(bonification(500, 11.88, 184.27, d)).toBe(0);
    expect(cents(bonification(1000, 11.88, 184.27, d))).toBe(76.05);
    expect(bonification(1425.6, 11.88, 184.27, d)).toBeCloseTo(184.27, 9);
    expect(bonification(3000, 11.88, 184.27, d)).toBe(184.27);
    // 2026 reform: full bonus only at 138 h.
    expect(bonification(1500, 12.02, 240.63, '2026-04-01')).toBeLessThan(240.63);
    expect(bonification(1658.76, 12.02, 240.63, '2026-04-01')).toBeCloseTo(240.63, 9);
  });
});

describe('floors and thresholds in hours of SMIC', () => {
  it('student floor 0.55 × 169 h × SMIC_h', () => {
    expect(cents(plancherApprenant(11.65, '2024-06-01'))).toBe(1082.87);
    expect(cents(plancherApprenant(11.88, '2025-09-01'))).toBe(1104.25);
    expect(cents(plancherApprenant(12.02, '2026-01-01'))).toBe(1117.26);
  });
  it('AAH switch at 29 h of SMIC', () => {
    expect(cents(seuilAahActivite(11.88, '2025-09-01'))).toBe(344.52);
  });
});

describe('monthly prime (L842-3)', () => {
  it("RULES.md's worked example", () => {
    const x = {
      montantForfaitaire: 633.21,
      pente: 0.5985,
      revenusActivite: 1000,
      bonification: bonification(1000, 11.88, 184.27, '2025-09-01'),
      autresRessources: 0,
      forfaitLogement: 0,
    };
    expect(cents(primeDuMois(x))).toBe(307.76);
  });
  it('resources below the lump sum are deemed equal to it', () => {
    const x = {
      montantForfaitaire: 633.21,
      pente: 0.5985,
      revenusActivite: 300,
      bonification: 0,
      autresRessources: 0,
      forfaitLogement: 0,
    };
    expect(cents(primeDuMois(x))).toBe(179.55);
  });
  it('is never negative', () => {
    const x = {
      montantForfaitaire: 633.21,
      pente: 0.5985,
      revenusActivite: 3000,
      bonification: 184.27,
      autresRessources: 0,
      forfaitLogement: 0,
    };
    expect(primeDuMois(x)).toBe(0);
  });
});

describe('resources of a person', () => {
  it('takes a negative monthly total of a nature as zero', () => {
    const p = person({
      ressources: { '2025-05': { SALAIRE: 800, REVENU_INDEPENDANT: -300, PENSION_ALIMENTAIRE: 50 } },
    });
    expect(revenusActivitePersonne(p, '2025-05')).toBe(800);
    expect(autresRessourcesPersonne(p, '2025-05')).toBe(50);
  });
  it('counts sickness allowances as activity income for the first 3 months only', () => {
    const p = person({
      ressources: {
        '2025-03': { INDEMNITES_JOURNALIERES: 700 },
        '2025-04': { INDEMNITES_JOURNALIERES: 700 },
        '2025-05': { INDEMNITES_JOURNALIERES: 700 },
        '2025-06': { INDEMNITES_JOURNALIERES: 700 },
      },
    });
    expect(indemnitesCommeActivite(p, '2025-05')).toBe(true);
    expect(revenusActivitePersonne(p, '2025-05')).toBe(700);
    expect(indemnitesCommeActivite(p, '2025-06')).toBe(false);
    expect(revenusActivitePersonne(p, '2025-06')).toBe(0);
    expect(autresRessourcesPersonne(p, '2025-06')).toBe(700);
  });
});

describe('evaluate', () => {
  it('gives the monthly figures a conformance runner needs', () => {
    const r = computePpa(situation(), '2025-09-15');
    expect(r.status).toBe('eligible');
    if (r.status !== 'eligible') return;
    expect(r.amount).toBe(307.76);
    expect(r.details.referenceMonths).toEqual(MAY_JUL_2025);
    expect(r.details.montantNetCrds).toBe(306.22);
    const mensuels = r.details.montantsMensuels as { month: string; bonification: number; montant: number }[];
    expect(mensuels.map((x) => x.month)).toEqual(MAY_JUL_2025);
    expect(mensuels.every((x) => x.bonification === 76.05 && x.montant === 307.76)).toBe(true);
    const sum = r.breakdown.reduce((t, l) => t + l.amount, 0);
    expect(Math.abs(sum - r.amount)).toBeLessThanOrEqual(0.02);
    expect(r.explanation).toContain('307,76 €');
  });

  it('is undetermined at Mayotte and for households unknown to the CAF', () => {
    expect(computePpa(situation({ departement: '976' }), '2025-09-01').status).toBe('undetermined');
    const r = computePpa(situation({ source: 'dgfip', prestations: null, logement: null }), '2025-09-01');
    expect(r.status).toBe('undetermined');
    if (r.status === 'undetermined') expect(r.missing.length).toBeGreaterThan(0);
  });

  it('ignores a former partner and his income (R843-1 II 1°)', () => {
    const s = situation({
      couple: true,
      persons: [
        person({ ressources: every(MAY_JUL_2025, { SALAIRE: 1000 }) }),
        person({
          key: 'P2',
          role: 'conjoint',
          dateSortie: '2025-08-10',
          ressources: every(MAY_JUL_2025, { SALAIRE: 2000 }),
        }),
      ],
    });
    const r = computePpa(s, '2025-09-01');
    expect(r.status === 'eligible' && r.amount).toBe(307.76);
  });

  it('lets a working partner open the right of a couple whose other member is a student under the floor', () => {
    const s = situation({
      couple: true,
      persons: [
        person({ ressources: every(MAY_JUL_2025, { SALAIRE: 1000 }) }),
        person({ key: 'P2', role: 'conjoint', etudiant: true, ressources: every(MAY_JUL_2025, { SALAIRE: 400 }) }),
      ],
    });
    const r = computePpa(s, '2025-09-01');
    // MF 949.815; RP 1 400; bonus 76.049390 (the student's 400 is under 59 h); 949.815 + 837.90 + 76.049390 − 1 400
    expect(r.status === 'eligible' && r.amount).toBe(463.76);
  });

  it('exempts an isolated parent from the student floor', () => {
    const s = situation({
      persons: [
        person({ etudiant: true, ressources: every(MAY_JUL_2025, { SALAIRE: 600 }) }),
        person({ key: 'P2', role: 'enfant', dateNaissance: '2024-01-01' }),
      ],
    });
    const r = computePpa(s, '2025-09-01');
    // MF majoré 1 084.156834; 1 084.156834 + 0.5985 × 600 − 1 084.156834 = 359.10
    expect(r.status === 'eligible' && r.amount).toBe(359.1);
  });

  it('gives the isolated-parent majoration within 18 months of a separation, not later', () => {
    const persons = [
      person({ ressources: every(MAY_JUL_2025, { SALAIRE: 1000 }) }),
      person({ key: 'P2', role: 'enfant', dateNaissance: '2015-01-01' }),
    ];
    const recent = computePpa(situation({ persons, dateSituation: '2025-01-15' }), '2025-09-01');
    const old = computePpa(situation({ persons, dateSituation: '2020-01-15' }), '2025-09-01');
    expect(recent.status === 'eligible' && recent.details.montantsMensuels).toMatchObject([{ majore: true }, {}, {}]);
    expect(old.status === 'eligible' && old.details.montantsMensuels).toMatchObject([{ majore: false }, {}, {}]);
    // The payer's word wins over the date.
    const told = computePpa(situation({ persons, dateSituation: '2025-01-15', isolementRecent: false }), '2025-09-01');
    expect(told.status === 'eligible' && told.details.montantsMensuels).toMatchObject([{ majore: false }, {}, {}]);
  });

  it("counts a couple's AAH as the lower earner's: other resource below 29 h of SMIC, activity income from it", () => {
    const couple = (wage2: number) =>
      situation({
        couple: true,
        persons: [
          person({ ressources: every(MAY_JUL_2025, { SALAIRE: 1000 }) }),
          person({ key: 'P2', role: 'conjoint', ressources: every(MAY_JUL_2025, { SALAIRE: wage2 }) }),
        ],
        prestations: every(MAY_JUL_2025, { AAH: 400 }),
      });
    // 949.815 + 0.5985 × 1 300 + 76.049390 − (1 300 + 400) = 103.914390
    const below = computePpa(couple(300), '2025-09-01');
    expect(below.status === 'eligible' && below.amount).toBe(103.91);
    // 949.815 + 0.5985 × 1 800 + 76.049390 + 25.193839 − 1 800 = 328.358229
    const above = computePpa(couple(400), '2025-09-01');
    expect(above.status === 'eligible' && above.amount).toBe(328.36);
  });

  it('leaves out a partner without the residence condition, with his income (as the RSA, L262-5 CASF)', () => {
    const s = situation({
      couple: true,
      persons: [
        person({ ressources: every(MAY_JUL_2025, { SALAIRE: 1000 }) }),
        person({
          key: 'P2',
          role: 'conjoint',
          nationalite: 'HORS_UE',
          titreSejourDepuis: '2023-01-01',
          ressources: every(MAY_JUL_2025, { SALAIRE: 500 }),
        }),
      ],
    });
    const r = computePpa(s, '2025-09-01');
    expect(r.status === 'eligible' && r.amount).toBe(307.76);
  });

  it('declares its inputs and re-check events', () => {
    expect(ppaRight.id).toBe('ppa');
    expect(ppaRight.inputs.length).toBeGreaterThan(0);
    expect(ppaRight.recheckOn).toContain('naissance');
  });
});

describe("computePpa: OpenFisca's reading of the parameters (conformance only)", () => {
  // Single tenant without housing aid, 1 398,68 € net wages in January–March 2024, prime due for April 2024.
  const s = situation({
    persons: [person({ ressources: every(['2024-01', '2024-02', '2024-03'], { SALAIRE: 1398.68 }) })],
  });

  it('the law reads the amounts of the month due: base 622,63 € (April 2024) → 258,33 €', () => {
    // 622,63 + 0,61 × 1 398,68 + bonus max 181,19 (1 398,68 ≥ 120 × 11,65) − 1 398,68 = 258,33.
    const r = computePpa(s, '2024-04-01');
    expect(r.status === 'eligible' && r.amount).toBe(258.33);
  });

  it('OpenFisca reads them in each reference month: base 595,25 € (January–March 2024) → 222,98 €', () => {
    // 595,25 + 0,61 × 1 398,68 (853,1948) + bonus max round(0,29101 × 595,25) = 173,22 − 1 398,68 = 222,9848.
    const r = computePpa(s, '2024-04-01', 'mois_de_reference');
    expect(r.status === 'eligible' && r.amount).toBe(222.98);
  });
});
