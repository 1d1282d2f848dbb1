import { describe, expect, it } from 'vitest';
import { UnknownParameterError } from '../../errors.ts';
import { aspa, c2s, common, entryAt, parameters, ppa, rsa, type Series, valueAt } from './index.ts';

/** Rounds to the cent, half-up (as the published tables do for final amounts). */
const cents = (x: number): number => Math.round((x + 1e-9) * 100) / 100;

function isSeries(x: unknown): x is Series<unknown> {
  return (
    typeof x === 'object' && x !== null && typeof (x as Series).name === 'string' && Array.isArray((x as Series).values)
  );
}

/** Every series reachable from `parameters`, with its access path, each object once. */
function allSeries(): { path: string; s: Series<unknown> }[] {
  const out: { path: string; s: Series<unknown> }[] = [];
  const seen = new Set<unknown>();
  const walk = (x: unknown, path: string): void => {
    if (isSeries(x)) {
      if (!seen.has(x)) out.push({ path, s: x });
      seen.add(x);
      return;
    }
    if (typeof x === 'object' && x !== null) for (const [k, v] of Object.entries(x)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(parameters, '');
  return out;
}

describe('every series', () => {
  const list = allSeries();

  it('has been found (sanity)', () => {
    expect(list.length).toBeGreaterThan(90);
  });

  it.each(list.map(({ path, s }) => [path, s] as const))('%s: valid ISO dates, strictly increasing', (_path, s) => {
    expect(s.values.length).toBeGreaterThan(0);
    for (let i = 0; i < s.values.length; i++) {
      const v = s.values[i]!;
      expect(v.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(`${v.from}T00:00:00Z`))).toBe(false);
      if (i > 0) expect(v.from > s.values[i - 1]!.from).toBe(true);
    }
  });

  it.each(list.map(({ path, s }) => [path, s] as const))('%s: non-empty name and legal reference', (_path, s) => {
    expect(s.name.trim()).not.toBe('');
    for (const v of s.values) expect(v.ref.trim().length).toBeGreaterThan(5);
  });

  it('has unique series names', () => {
    const names = list.map(({ s }) => s.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('every numeric value is a finite number', () => {
    for (const { s } of list)
      for (const v of s.values) if (typeof v.value === 'number') expect(Number.isFinite(v.value)).toBe(true);
  });

  // Parameters that did not exist on 2014-01-01: the right or the rule was created later.
  const createdLater: Record<string, string> = {
    'rsa.forfaitAsfOrphelinTotal': '2014-04-01',
    'rsa.forfaitAsfOrphelinPartiel': '2014-04-01',
    'c2s.plafondsPublies': '2023-04-01',
    'c2s.plafondsPubliesParticipation': '2023-04-01',
    'c2s.plafondsPubliesDom': '2024-04-01',
    'c2s.plafondsPubliesDomParticipation': '2024-04-01',
    // Repère du CF majoré (créé au 1er avril 2014).
    'common.tauxComplementFamilialNonMajore': '2014-04-01',
    // Plafonds de modulation des AF (créée au 1er juillet 2015).
    'af.plafondTranche1Base': '2015-07-01',
    'af.majorationPlafondParEnfant': '2015-07-01',
    // Plafond de la déduction de 10 % : décrit pour les revenus 2019 et suivants.
    'fiscal.deductionFraisProfessionnelsPlafond': '2019-01-01',
    // Salaire net : la tranche 2 de retraite complémentaire n'est décrite qu'après la fusion AGIRC-ARRCO.
    'salaire.retraiteComplementaireT2Salarie': '2019-01-01',
    'salaire.cegT2Salarie': '2019-01-01',
    'salaire.cetSalarie': '2019-01-01',
    'salaire.retraiteComplementairePlafondEnPss': '2019-01-01',
  };
  const firstDateFor = (path: string): string => {
    if (path in createdLater) return createdLater[path]!;
    if (path.startsWith('ppa.') && !path.includes('Apprenant')) return '2016-01-01';
    if (path.startsWith('c2s.montantParticipation')) return '2019-11-01';
    // Seuils de RFR des revenus de remplacement décrits depuis la LFSS 2015.
    if (path.startsWith('remplacement.')) return '2015-01-01';
    return '2014-01-01';
  };

  it.each(list.map(({ path, s }) => [path, s] as const))(
    '%s: covers its start (2014-01-01 at the latest) to 2026',
    (path, s) => {
      expect(() => valueAt(s, firstDateFor(path))).not.toThrow();
      expect(() => valueAt(s, '2026-12-31')).not.toThrow();
    },
  );
});

describe('a date before the first value', () => {
  it('throws UnknownParameterError, never a silent zero', () => {
    expect(() => valueAt(ppa.montantDeBase, '2015-12-31')).toThrow(UnknownParameterError);
    expect(() => valueAt(rsa.montantDeBase, '2009-05-31')).toThrow(UnknownParameterError);
    expect(() => valueAt(c2s.montantParticipationSeuilsAge, '2019-10-31')).toThrow(UnknownParameterError);
    expect(() => entryAt(aspa.montantMaximumAnnuelPersonneSeule, '2005-12-31')).toThrow(UnknownParameterError);
  });
  it('C2S: no deduction on the minimum benefits before the instruction of March 2021 (0, not an error)', () => {
    expect(valueAt(c2s.abattementAah, '2021-03-31')).toBe(0);
    expect(valueAt(c2s.abattementAah, '2021-04-01')).toBe(68);
  });
  it('accepts YYYY-MM as the first of the month', () => {
    expect(valueAt(rsa.montantDeBase, '2025-04')).toBe(646.52);
  });
});

describe('RSA (RULES.md §1.6)', () => {
  it('base amount at each revaluation', () => {
    expect(valueAt(rsa.montantDeBase, '2014-01-01')).toBe(499.31);
    expect(valueAt(rsa.montantDeBase, '2014-08-31')).toBe(499.31);
    expect(valueAt(rsa.montantDeBase, '2014-09-01')).toBe(509.3);
    expect(valueAt(rsa.montantDeBase, '2022-03-31')).toBe(565.34);
    expect(valueAt(rsa.montantDeBase, '2022-04-01')).toBe(575.52);
    expect(valueAt(rsa.montantDeBase, '2022-07-01')).toBe(598.54);
    expect(valueAt(rsa.montantDeBase, '2023-04-01')).toBe(607.75);
    expect(valueAt(rsa.montantDeBase, '2024-04-01')).toBe(635.71);
    expect(valueAt(rsa.montantDeBase, '2025-03-31')).toBe(635.71);
    expect(valueAt(rsa.montantDeBase, '2025-04-01')).toBe(646.52);
    expect(valueAt(rsa.montantDeBase, '2026-04-01')).toBe(651.69);
    expect(entryAt(rsa.montantDeBase, '2025-04-01').ref).toContain('2025-293');
  });

  it('household rates reproduce the published 2025-04 table', () => {
    const d = '2025-04-01';
    const base = valueAt(rsa.montantDeBase, d);
    const p2 = valueAt(rsa.tauxDeuxiemePersonne, d);
    const p3 = valueAt(rsa.tauxPersonneSupplementaire, d);
    const pac = valueAt(rsa.tauxTroisiemePersonneACharge, d);
    expect([p2, p3, pac]).toEqual([0.5, 0.3, 0.4]);
    expect(cents(base * (1 + p2))).toBe(969.78);
    expect(cents(base * (1 + p2 + p3))).toBe(1163.74);
    expect(cents(base * (1 + p2 + p3 + p3))).toBe(1357.69); // couple + 2
    expect(cents(base * (1 + p2 + p3 + pac))).toBe(1422.34); // single + 3
    expect(cents(base * (1 + p2 + p3 + p3 + pac))).toBe(1616.3); // couple + 3
    expect(cents(base * pac)).toBe(258.61);
  });

  it('forfait logement 12 / 16 / 16.5 % on the non-majoré lump sums', () => {
    const d = '2025-04-01';
    const base = valueAt(rsa.montantDeBase, d);
    expect(valueAt(rsa.tauxForfaitLogement1Personne, d)).toBe(0.12);
    expect(valueAt(rsa.tauxForfaitLogement2Personnes, d)).toBe(0.16);
    expect(valueAt(rsa.tauxForfaitLogement3PersonnesOuPlus, d)).toBe(0.165);
    expect(cents(base * 0.12)).toBe(77.58);
    expect(cents(base * 1.5 * 0.16)).toBe(155.16);
    expect(cents(base * 1.8 * 0.165)).toBe(192.02);
  });

  it('isolated-parent rates: 1.284 / 0.428 before 2016, 1.28412 / 0.42804 from 2016-01-01', () => {
    expect(valueAt(rsa.tauxMajorationIsolement, '2015-12-31')).toBe(1.284);
    expect(valueAt(rsa.tauxMajorationIsolementParEnfant, '2015-12-31')).toBe(0.428);
    expect(valueAt(rsa.tauxMajorationIsolement, '2016-01-01')).toBe(1.28412);
    expect(valueAt(rsa.tauxMajorationIsolementParEnfant, '2016-01-01')).toBe(0.42804);
    const base = valueAt(rsa.montantDeBase, '2025-04-01');
    expect(cents(base * 1.28412)).toBe(830.21);
    expect(cents(base * (1.28412 + 0.42804))).toBe(1106.95);
    expect(cents(base * (1.28412 + 3 * 0.42804))).toBe(1660.42);
  });

  it('conditions unchanged over the period', () => {
    for (const d of ['2014-01-01', '2025-09-01']) {
      expect(valueAt(rsa.montantMinimumVerse, d)).toBe(6);
      expect(valueAt(rsa.ageMinimumAllocataire, d)).toBe(25);
      expect(valueAt(rsa.ageLimitePersonneACharge, d)).toBe(25);
      expect(valueAt(rsa.ageMinimumRsaJeune, d)).toBe(18);
      expect(valueAt(rsa.ageMaximumRsaJeune, d)).toBe(25);
      expect(valueAt(rsa.heuresActiviteRsaJeune, d)).toBe(3214);
      expect(valueAt(rsa.dureeMajorationIsolement, d)).toBe(12);
      expect(valueAt(rsa.delaiMajorationIsolement, d)).toBe(18);
      expect(valueAt(rsa.ageLimiteEnfantMajorationIsolement, d)).toBe(3);
      expect(valueAt(rsa.dureeResidenceEee, d)).toBe(0.25);
      expect(valueAt(rsa.dureeTitreSejourNonEee, d)).toBe(5);
      expect(valueAt(rsa.tauxInteretForfaitaireEpargneNonImposable, d)).toBe(0.03);
      expect(valueAt(rsa.abattementValeurLocativeImmoNonLoue, d)).toBe(0.5);
      expect(valueAt(rsa.abattementValeurLocativeTerrainsNonLoues, d)).toBe(0.8);
    }
    expect(valueAt(rsa.forfaitAsfOrphelinPartiel, '2025-09-01')).toBe(0.225);
    expect(valueAt(rsa.forfaitAsfOrphelinTotal, '2025-09-01')).toBe(0.3);
  });

  it('old RSA activité slope 0.62 until 2015-12-31, then 0', () => {
    expect(valueAt(rsa.penteRsaActivite, '2014-01-01')).toBe(0.62);
    expect(valueAt(rsa.penteRsaActivite, '2015-12-31')).toBe(0.62);
    expect(valueAt(rsa.penteRsaActivite, '2016-01-01')).toBe(0);
  });
});

describe('prime d’activité (RULES.md §2)', () => {
  it('base amount', () => {
    expect(valueAt(ppa.montantDeBase, '2016-01-01')).toBe(524.16);
    expect(valueAt(ppa.montantDeBase, '2022-03-31')).toBe(553.71);
    expect(valueAt(ppa.montantDeBase, '2024-04-01')).toBe(622.63);
    expect(valueAt(ppa.montantDeBase, '2025-04-01')).toBe(633.21);
    expect(valueAt(ppa.montantDeBase, '2026-04-01')).toBe(638.28);
  });

  it('slope α 0.62 → 0.61 (2018-08-01) → 0.5985 (2025-04-01)', () => {
    expect(valueAt(ppa.tauxRevenusActivite, '2018-07-31')).toBe(0.62);
    expect(valueAt(ppa.tauxRevenusActivite, '2018-08-01')).toBe(0.61);
    expect(valueAt(ppa.tauxRevenusActivite, '2025-03-31')).toBe(0.61);
    expect(valueAt(ppa.tauxRevenusActivite, '2025-04-01')).toBe(0.5985);
  });

  it('bonus: 59 h threshold, full bonus at 95 h / 120 h / 138 h, max rate 0.12782 / 0.29101 / 0.377', () => {
    expect(valueAt(ppa.seuilBonification, '2025-09-01')).toBe(59);
    expect(valueAt(ppa.seuilBonificationMaximale, '2016-01-01')).toBe(95);
    expect(valueAt(ppa.seuilBonificationMaximale, '2018-10-01')).toBe(120);
    expect(valueAt(ppa.seuilBonificationMaximale, '2026-03-31')).toBe(120);
    expect(valueAt(ppa.seuilBonificationMaximale, '2026-04-01')).toBe(138);
    expect(valueAt(ppa.tauxBonificationMaximale, '2016-01-01')).toBe(0.12782);
    expect(valueAt(ppa.tauxBonificationMaximale, '2018-10-01')).toBe(0.29101);
    expect(valueAt(ppa.tauxBonificationMaximale, '2026-04-01')).toBe(0.377);
    const bonusMax = (d: string) => cents(valueAt(ppa.tauxBonificationMaximale, d) * valueAt(ppa.montantDeBase, d));
    expect(bonusMax('2025-04-01')).toBe(184.27);
    expect(bonusMax('2026-04-01')).toBe(240.63);
    const smic = valueAt(common.smicBrutHoraire, '2025-09-01');
    expect(cents(59 * smic)).toBe(700.92);
    expect(cents(120 * smic)).toBe(1425.6);
    expect(cents(138 * valueAt(common.smicBrutHoraire, '2026-04-01'))).toBe(1658.76);
  });

  it('reproduces the hand-checked September 2025 example (307.76 €)', () => {
    const d = '2025-09-01';
    const base = valueAt(ppa.montantDeBase, d);
    const smic = valueAt(common.smicBrutHoraire, d);
    const low = valueAt(ppa.seuilBonification, d) * smic;
    const high = valueAt(ppa.seuilBonificationMaximale, d) * smic;
    const bonus = cents(cents(valueAt(ppa.tauxBonificationMaximale, d) * base) * ((1000 - low) / (high - low)));
    expect(bonus).toBe(76.05);
    expect(cents(base + valueAt(ppa.tauxRevenusActivite, d) * 1000 + bonus - Math.max(base, 1000))).toBe(307.76);
  });

  it('other PPA parameters', () => {
    const d = '2025-09-01';
    expect(valueAt(ppa.montantMinimumVerse, d)).toBe(15);
    expect(valueAt(ppa.ageMinimum, d)).toBe(18);
    expect(valueAt(ppa.seuilAahActivite, d)).toBe(29);
    expect(valueAt(ppa.tauxMajorationIsolement, d)).toBe(1.28412);
    expect(valueAt(ppa.tauxMajorationIsolementParEnfant, d)).toBe(0.42804);
    expect(valueAt(ppa.tauxForfaitLogement3PersonnesOuPlus, d)).toBe(0.165);
    expect(cents(valueAt(ppa.montantDeBase, d) * 1.8 * 0.165)).toBe(188.06);
  });

  it('student / apprentice floor 0.55 × 169 h × SMIC', () => {
    const floor = (d: string) =>
      cents(
        valueAt(ppa.tauxPlancherApprenant, d) *
          valueAt(ppa.heuresPlancherApprenant, d) *
          valueAt(common.smicBrutHoraire, d),
      );
    expect(floor('2024-06-01')).toBe(1082.87);
    expect(floor('2024-11-01')).toBe(1104.25);
    expect(floor('2026-01-01')).toBe(1117.26);
  });
});

describe('C2S (RULES.md §3)', () => {
  it('base ceiling, CMU-C era included, 2025 value from RULES.md', () => {
    expect(valueAt(c2s.plafondBase, '2014-01-01')).toBe(8592.96);
    expect(valueAt(c2s.plafondBase, '2019-10-31')).toBe(8951);
    expect(valueAt(c2s.plafondBase, '2022-07-01')).toBe(9571);
    expect(valueAt(c2s.plafondBase, '2024-04-01')).toBe(10166);
    expect(valueAt(c2s.plafondBase, '2025-03-31')).toBe(10166);
    expect(valueAt(c2s.plafondBase, '2025-04-01')).toBe(10339);
  });

  it('published tables by household size', () => {
    expect(valueAt(c2s.plafondsPublies, '2023-04-01')).toEqual({
      p1: 9719,
      p2: 14578,
      p3: 17494,
      p4: 20409,
      parPersonneSupplementaire: 3887,
    });
    expect(valueAt(c2s.plafondsPublies, '2025-04-01')).toEqual({
      p1: 10339,
      p2: 15508,
      p3: 18609,
      p4: 21711,
      parPersonneSupplementaire: 4135,
    });
    expect(valueAt(c2s.plafondsPubliesParticipation, '2024-04-01')).toEqual({
      p1: 13724,
      p2: 20586,
      p3: 24703,
      p4: 28820,
      parPersonneSupplementaire: 5490,
    });
    expect(valueAt(c2s.plafondsPubliesParticipation, '2025-04-01')?.p1).toBe(13957);
    expect(valueAt(c2s.plafondsPubliesDom, '2024-04-01')?.p1).toBe(11315);
    expect(valueAt(c2s.plafondsPubliesDomParticipation, '2024-04-01')?.parPersonneSupplementaire).toBe(6110);
    // DOM 2025 not published in the sources: null, not a silently extended 2024 table.
    expect(valueAt(c2s.plafondsPubliesDom, '2025-04-01')).toBeNull();
  });

  it('base × coefficients stays within 2 € of the published tables (published tables use the unrounded base)', () => {
    for (const d of ['2023-04-01', '2024-04-01', '2025-04-01']) {
      const b = valueAt(c2s.plafondBase, d);
      const k2 = valueAt(c2s.coefficientDeuxiemePersonne, d);
      const k34 = valueAt(c2s.coefficientTroisiemeEtQuatriemePersonne, d);
      const k5 = valueAt(c2s.coefficientCinquiemePersonneEtPlus, d);
      const part = 1 + valueAt(c2s.majorationPlafondParticipation, d);
      const free = valueAt(c2s.plafondsPublies, d);
      const paid = valueAt(c2s.plafondsPubliesParticipation, d);
      const computed = [b, b * (1 + k2), b * (1 + k2 + k34), b * (1 + k2 + 2 * k34), b * k5];
      const published = [free.p1, free.p2, free.p3, free.p4, free.parPersonneSupplementaire];
      const publishedPaid = [paid.p1, paid.p2, paid.p3, paid.p4, paid.parPersonneSupplementaire];
      computed.forEach((c, i) => {
        expect(Math.abs(c - published[i]!)).toBeLessThan(2);
        expect(Math.abs(c * part - publishedPaid[i]!)).toBeLessThan(3);
      });
    }
    const dom = valueAt(c2s.plafondsPubliesDom, '2024-04-01');
    expect(Math.round(10166 * (1 + valueAt(c2s.majorationDom, '2024-04-01')))).toBe(dom?.p1);
  });

  it('coefficients, participation, deductions', () => {
    const d = '2025-09-01';
    expect(valueAt(c2s.coefficientDeuxiemePersonne, d)).toBe(0.5);
    expect(valueAt(c2s.coefficientTroisiemeEtQuatriemePersonne, d)).toBe(0.3);
    expect(valueAt(c2s.coefficientCinquiemePersonneEtPlus, d)).toBe(0.4);
    expect(valueAt(c2s.majorationDom, d)).toBe(0.113);
    expect(valueAt(c2s.majorationPlafondParticipation, d)).toBe(0.35);
    expect(valueAt(c2s.majorationPlafondParticipation, '2014-01-01')).toBe(0.35);
    expect(valueAt(c2s.abattementChomage, d)).toBe(0.3);
    expect(valueAt(c2s.abattementAah, d)).toBe(68);
    expect(valueAt(c2s.abattementAsiPersonneSeule, d)).toBe(49);
    expect(valueAt(c2s.abattementAsiCouple, d)).toBe(86);
    expect(valueAt(c2s.abattementAspaPersonneSeule, d)).toBe(71);
    expect(valueAt(c2s.abattementAspaCouple, d)).toBe(110);
    const f = c2s.montantParticipationFrance;
    expect([f.moins30Ans, f.de30a49Ans, f.de50a59Ans, f.de60a69Ans, f.plus69Ans].map((s) => valueAt(s, d))).toEqual([
      8, 14, 21, 25, 30,
    ]);
    const am = c2s.montantParticipationAlsaceMoselle;
    expect(
      [am.moins30Ans, am.de30a49Ans, am.de50a59Ans, am.de60a69Ans, am.plus69Ans].map((s) => valueAt(s, d)),
    ).toEqual([2.8, 4.9, 7.3, 8.7, 10.5]);
  });

  it('forfait logement: 12 / 14 / 14 % without AL, 12 / 16 / 16.5 % with AL (2025 annual values)', () => {
    const d = '2025-04-01';
    const base = valueAt(rsa.montantDeBase, d);
    expect(cents(12 * base * valueAt(c2s.tauxForfaitLogementSansAl1Personne, d))).toBe(930.99);
    expect(cents(12 * base * 1.5 * valueAt(c2s.tauxForfaitLogementSansAl2Personnes, d))).toBe(1629.23);
    expect(cents(12 * base * 1.8 * valueAt(c2s.tauxForfaitLogementSansAl3PersonnesOuPlus, d))).toBe(1955.08);
    expect(cents(12 * base * 1.5 * valueAt(c2s.tauxForfaitLogementAvecAl2Personnes, d))).toBe(1861.98);
    expect(cents(12 * base * 1.8 * valueAt(c2s.tauxForfaitLogementAvecAl3PersonnesOuPlus, d))).toBe(2304.2);
    expect(valueAt(c2s.tauxForfaitLogementAvecAl2Personnes, '2014-01-01')).toBe(0.16);
  });
});

describe('ASPA (RULES.md §4)', () => {
  const table: [string, number, number][] = [
    ['2022-01-01', 11001.44, 17079.77],
    ['2022-07-01', 11441.5, 17762.96],
    ['2023-01-01', 11533.02, 17905.06],
    ['2024-01-01', 12144.27, 18854.02],
    ['2025-01-01', 12411.44, 19268.8],
    ['2026-01-01', 12523.14, 19442.21],
  ];
  it.each(table)('%s: single %d, couple %d (maximum = ceiling)', (d, single, couple) => {
    expect(valueAt(aspa.montantMaximumAnnuelPersonneSeule, d)).toBe(single);
    expect(valueAt(aspa.plafondRessourcesPersonneSeule, d)).toBe(single);
    expect(valueAt(aspa.montantMaximumAnnuelCouple, d)).toBe(couple);
    expect(valueAt(aspa.plafondRessourcesCouple, d)).toBe(couple);
  });
  it('older values and monthly truncation', () => {
    expect(valueAt(aspa.montantMaximumAnnuelPersonneSeule, '2014-01-01')).toBe(9447.21);
    expect(valueAt(aspa.montantMaximumAnnuelPersonneSeule, '2014-10-01')).toBe(9600);
    expect(Math.floor((valueAt(aspa.montantMaximumAnnuelPersonneSeule, '2025-01-01') / 12) * 100) / 100).toBe(1034.28);
    expect(cents(valueAt(aspa.montantMaximumAnnuelPersonneSeule, '2024-06-01') / 12 - 812.75)).toBe(199.27);
  });
  it('conditions', () => {
    const d = '2025-09-01';
    expect(valueAt(aspa.ageMinimum, d)).toBe(65);
    expect(valueAt(aspa.tauxIncapaciteAnticipe, d)).toBe(0.5);
    expect(valueAt(aspa.abattementForfaitairePersonneSeule, '2014-12-31')).toBe(0);
    expect(valueAt(aspa.abattementForfaitairePersonneSeule, d)).toBe(0.9);
    expect(valueAt(aspa.abattementForfaitaireCouple, d)).toBe(1.5);
    expect(valueAt(aspa.dureeTitreSejour, d)).toBe(10);
  });
});

describe('ARS (RULES.md §5)', () => {
  // Published ceilings: base, 1 to 4 children (the published values are base × (1 + 0.3 n) truncated to the euro).
  const ceilings: [number, number[]][] = [
    [2022, [19515, 25369, 31224, 37078, 42933]],
    [2023, [19827, 25775, 31723, 37671, 43619]],
    [2024, [20878, 27141, 33404, 39668, 45931]],
    [2025, [21880, 28444, 35008, 41572, 48136]],
    [2026, [22274, 28956, 35638, 42320, 49002]],
  ];
  it.each(ceilings)('%i ceilings', (year, expected) => {
    const d = `${year}-01-01`;
    const base = valueAt(parameters.ars.plafondRessources, d);
    const maj = valueAt(parameters.ars.majorationPlafondParEnfant, d);
    expect(maj).toBe(0.3);
    expect(base).toBe(expected[0]);
    for (let n = 1; n <= 4; n++) expect(Math.floor((base * (10 + 3 * n)) / 10)).toBe(expected[n]);
  });

  it('amounts per child = BMAF × 0.8972 / 0.9467 / 0.9795', () => {
    const { ars } = parameters;
    const d = '2025-08-01';
    const bmaf = valueAt(common.bmaf, d);
    expect(bmaf).toBe(474.37);
    expect(cents(bmaf * valueAt(ars.tauxPrimaire, d))).toBe(425.6);
    expect(cents(bmaf * valueAt(ars.tauxCollege, d))).toBe(449.09);
    expect(cents(bmaf * valueAt(ars.tauxLycee, d))).toBe(464.65);
    expect(valueAt(ars.tauxPrimaire, '2012-07-31')).toBe(0.725);
    expect(valueAt(ars.montantMinimumVerse, d)).toBe(15);
    expect(
      [ars.ageEntreePrimaire, ars.ageEntreeCollege, ars.ageEntreeLycee, ars.ageSortieLycee].map((s) => valueAt(s, d)),
    ).toEqual([6, 11, 15, 18]);
    expect(valueAt(ars.tauxMajorationExceptionnelle, '2019-08-01')).toBe(0);
    expect(valueAt(ars.tauxMajorationExceptionnelle, '2020-08-06')).toBe(0.2426);
    expect(valueAt(ars.tauxMajorationExceptionnelle, '2021-08-01')).toBe(0);
  });
});

describe('common', () => {
  it('hourly gross SMIC with mid-year changes', () => {
    const expected: [string, number][] = [
      ['2014-01-01', 9.53],
      ['2021-10-01', 10.48],
      ['2022-01-01', 10.57],
      ['2022-05-01', 10.85],
      ['2022-08-01', 11.07],
      ['2023-01-01', 11.27],
      ['2023-05-01', 11.52],
      ['2024-01-01', 11.65],
      ['2024-10-31', 11.65],
      ['2024-11-01', 11.88],
      ['2026-01-01', 12.02],
      ['2026-06-01', 12.31],
    ];
    for (const [d, v] of expected) expect(valueAt(common.smicBrutHoraire, d)).toBe(v);
  });
  it('BMAF', () => {
    expect(valueAt(common.bmaf, '2014-01-01')).toBe(403.79);
    expect(valueAt(common.bmaf, '2022-07-01')).toBe(439.17);
    expect(valueAt(common.bmaf, '2023-04-01')).toBe(445.93);
    expect(valueAt(common.bmaf, '2024-04-01')).toBe(466.44);
    expect(valueAt(common.bmaf, '2026-04-01')).toBe(478.16);
  });
  it('CRDS, monthly hours, retirement age, dependant ceiling', () => {
    expect(valueAt(common.tauxCrds, '2025-01-01')).toBe(0.005);
    expect(valueAt(common.nombreHeuresTravailMensuel, '2025-01-01')).toBe(151.67);
    expect(valueAt(common.ageLegalRetraite, '2023-08-31')).toBe(62);
    expect(valueAt(common.ageLegalRetraite, '2023-09-01')).toBe(64);
    expect(valueAt(common.revenuPlafondPacNonScolaire, '2025-01-01')).toBe(0.55);
    expect(valueAt(common.tauxLivretA, '2025-08-01')).toBe(0.017);
  });
});

describe('OpenFisca-only values are flagged', () => {
  const flagged: [Series<unknown>, string][] = [
    [rsa.montantDeBase, '2026-04-01'],
    [ppa.montantDeBase, '2026-04-01'],
    [ppa.seuilBonificationMaximale, '2026-04-01'],
    [ppa.tauxBonificationMaximale, '2026-04-01'],
    [common.bmaf, '2026-04-01'],
    [common.smicBrutHoraire, '2026-06-01'],
    [parameters.ars.plafondRessources, '2026-01-01'],
    [c2s.plafondBase, '2022-07-01'],
  ];
  it.each(flagged.map(([s, d]) => [s.name, d, s] as const))('%s on %s', (_name, d, s) => {
    const e = entryAt(s, d);
    expect(e.from).toBe(d);
    expect(e.ref).toContain('OpenFisca-France uniquement, à confirmer');
  });
});
