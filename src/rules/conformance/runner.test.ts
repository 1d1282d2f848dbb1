import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RightResult, Situation } from '../../model.ts';
import type { RightDefinition } from '../right.ts';
import { normalizeInputs } from './inputs.ts';
import { loadCorpus, type OpenFiscaTest, parseTests } from './loader.ts';
import {
  mapHousehold,
  NOTE_AL_FROM_TOTALS,
  NOTE_ASSERTED_AL,
  NOTE_ASSERTED_ASS,
  NOTE_COMPUTED_AF,
  NOTE_COMPUTED_ASPA,
  NOTE_NON_RENSEIGNE,
  NOTE_PENSION_EXEMPT,
  NOTE_REFERENCE_MONTHS,
  type RightId,
} from './mapper.ts';
import { executionShare, regressions, summarize } from './report.ts';
import { type CheckResult, type RightsProvider, runTests, withinMargin } from './runner.ts';

/**
 * A stand-in right: pays, for the month asked, 100 € plus the household's net wages of
 * that month, and records the situations it was given.
 */
function fakeRight(id: RightId, seen: Situation[] = []): RightDefinition {
  return {
    id,
    title: 'droit de test',
    legalReferences: [],
    unit: 'foyer',
    amountPeriod: 'mois',
    recheckOn: [],
    inputs: [],
    evaluate(s: Situation, asOf: string): RightResult {
      seen.push(s);
      const month = asOf.slice(0, 7);
      const wages = s.persons.reduce((t, p) => t + (p.ressources[month]?.SALAIRE ?? 0), 0);
      return {
        status: 'eligible',
        amount: 100 + wages,
        period: month,
        breakdown: [],
        explanation: '',
        details: {},
      };
    },
  };
}

const onlyRsa =
  (right: RightDefinition): RightsProvider =>
  async (id) =>
    id === 'rsa' ? right : 'droit non implémenté';

function tests(yaml: string, file = 'cas.yaml'): OpenFiscaTest[] {
  const r = parseTests(yaml, file);
  expect(r.problems).toEqual([]);
  return r.tests;
}

async function run(yaml: string, right = fakeRight('rsa')): Promise<CheckResult[]> {
  return runTests(tests(yaml), onlyRsa(right));
}

describe('loader', () => {
  it('reads one test or a list, and names tests without a name', () => {
    const one = tests('period: 2024-01\ninput: {age: 40}\noutput: {rsa: 0}\n');
    expect(one).toHaveLength(1);
    expect(one[0]?.name).toBe('#0');
    const list = tests('- name: a\n  period: 2024\n  output: {rsa: 0}\n- name: a\n  period: month:2024-02\n');
    expect(list.map((t) => t.name)).toEqual(['a #0', 'a #1']);
    expect(list[1]?.period).toEqual({ unit: 'month', start: '2024-02', size: 1 });
  });

  it('reports an unreadable file or test instead of failing', () => {
    expect(parseTests('- name: [unclosed\n', 'x.yaml').problems[0]?.reason).toMatch(/YAML illisible/);
    expect(parseTests('- name: sans période\n  input: {}\n', 'x.yaml').problems[0]?.reason).toMatch(/sans période/);
    const dir = mkdtempSync(join(tmpdir(), 'conformance-'));
    try {
      writeFileSync(join(dir, 'bon.yaml'), 'period: 2024-01\noutput: {rsa: 0}\n');
      writeFileSync(join(dir, 'mauvais.yml'), 'period: [2024\n');
      writeFileSync(join(dir, 'ignore.txt'), 'pas du YAML');
      const corpus = loadCorpus(dir);
      expect(corpus.files).toBe(2);
      expect(corpus.tests).toHaveLength(1);
      expect(corpus.problems.map((p) => p.file)).toEqual(['mauvais.yml']);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('mapping of inputs', () => {
  it('maps a flat input onto one person alone in the household', () => {
    const [t] = tests(`
period: 2024-03
input:
  age: 40
  salaire_net: {2024: 1200}
  statut_occupation_logement: proprietaire
  aide_logement: {2024-03: 50}
`);
    const w = normalizeInputs(t as OpenFiscaTest)[0];
    expect(w?.flat).toBe(true);
    const h = mapHousehold(w!, w!.familles[0]!, 'k');
    expect(h.issues).toEqual([]);
    const s = h.situationAt('2024-03');
    expect(s.persons).toHaveLength(1);
    expect(s.persons[0]?.role).toBe('demandeur');
    expect(s.persons[0]?.dateNaissance).toBe('1984-03-01');
    expect(s.persons[0]?.ressources['2024-07']?.SALAIRE).toBe(100);
    expect(s.logement).toBe('PROPRIETAIRE');
    expect(s.prestations?.['2024-03']?.AL).toBe(50);
    expect(s.couple).toBe(false);
  });

  it('maps entities: parents, children, dwelling, reference months, isolation', () => {
    const [t] = tests(`
period: 2025-01
input:
  individus:
    p1: {date_naissance: '1980-01-01', salaire_net: {2024-10: 300}}
    p2: {date_naissance: '1982-02-02', nationalite: MA, duree_possession_titre_sejour: 6}
    e1: {date_naissance: '2015-06-01'}
  familles:
    f: {parents: [p1, p2], enfants: [e1], departement_experimentation_rsa: true, rsa_isolement_recent: false}
  menages:
    m: {personne_de_reference: p1, conjoint: p2, enfants: [e1], depcom: '97411'}
`);
    const w = normalizeInputs(t as OpenFiscaTest)[0]!;
    const h = mapHousehold(w, w.familles[0]!, 'k');
    expect(h.issues).toEqual([]);
    const s = h.situationAt('2025-01');
    expect(s.persons.map((p) => p.role)).toEqual(['demandeur', 'conjoint', 'enfant']);
    expect(s.couple).toBe(true);
    expect(s.moisDeReference).toBe('M-4..M-2');
    expect(s.isolementRecent).toBe(false);
    expect(s.departement).toBe('974');
    expect(s.persons[1]?.nationalite).toBe('HORS_UE');
    expect(s.persons[1]?.titreSejourDepuis).toBe('2019-01-01');
    // Unknown housing status: no forfait logement, as for a tenant (documented mapping).
    expect(s.logement).toBe('LOCATAIRE');
    expect(h.notes.has(NOTE_NON_RENSEIGNE)).toBe(true);
  });

  it('imposes M-3..M-1 after October 2024 when the experiment flag is absent or false', () => {
    const [t] = tests('period: 2025-05\ninput: {age: 40}\n');
    const w = normalizeInputs(t as OpenFiscaTest)[0]!;
    const h = mapHousehold(w, w.familles[0]!, 'k');
    expect(h.situationAt('2025-05').moisDeReference).toBe('M-3..M-1');
    expect(h.situationAt('2024-09').moisDeReference).toBeUndefined();
    expect(h.notes.has(NOTE_REFERENCE_MONTHS)).toBe(true);
  });

  it('gives zero tax figures for a year without incomes; for a year with incomes, an unknown RFR and a bounded net taxable income', () => {
    const [t] = tests('period: 2024-08\ninput: {age: 40, salaire_net: {2023: 12000}}\n');
    const w = normalizeInputs(t as OpenFiscaTest)[0]!;
    const h = mapHousehold(w, w.familles[0]!, 'k');
    const fiscal = h.situationAt('2024-08').revenusFiscaux;
    expect(fiscal?.['2022']).toEqual({ revenuFiscalReference: 0, revenuNetImposable: 0 });
    expect(fiscal?.['2023']).toEqual({ revenuFiscalReference: null, revenuNetImposable: 12000 });
    expect(h.rniBoundedIn('2023')).toBe(true);
    expect(h.rniBoundedIn('2022')).toBe(false);
  });

  it('compares the ARS on a bounded net taxable income only when the bound is under the ceiling', async () => {
    // Rentrée 2024, one child of 8: ceiling 20 878 × 1,3 = 27 141 €; ARS 0,8972 × 466,44 = 418,49 €.
    const yaml = (wage: number) => `
period: 2024
input:
  individus:
    p1: {date_naissance: '1980-01-01', salaire_net: {2022: ${wage}}}
    e1: {date_naissance: '2016-01-01', rempli_obligation_scolaire: true}
  familles: {f: {parents: [p1], enfants: [e1]}}
output:
  ars: 418.49
`;
    const ars = async (wage: number) =>
      runTests(tests(yaml(wage)), async (id) =>
        id === 'ars' ? (await import('../rights/ars.ts')).arsRight : 'droit non implémenté',
      );
    expect((await ars(20000))[0]).toMatchObject({ status: 'passed', got: 418.49 });
    // 2 400 € gross a month in 2022 (28 800 € a year, above 27 141 €): taxable wage (net + non-deductible CSG + CRDS)
    // less 10 % is about 21 000 €, under the ceiling, so the ARS is compared.
    const brut = await runTests(
      tests(yaml(0).replace('salaire_net: {2022: 0}', 'salaire_de_base: {2022: 28800}')),
      async (id) => (id === 'ars' ? (await import('../rights/ars.ts')).arsRight : 'droit non implémenté'),
    );
    expect(brut[0]).toMatchObject({ status: 'passed', got: 418.49 });
    expect((await ars(30000))[0]?.reason).toBe(
      "entrée non modélisée : revenu net imposable de l'année N-2 (calculé par OpenFisca à partir des revenus donnés)",
    );
  });

  it('takes a gross pension as net when the RFR of N-2 is under the exemption threshold, even bounded by the incomes', () => {
    // 2022 incomes: 12 × 812,75 = 9 753 € ≤ 12 230 € (2024 threshold, one part): exempt in 2024, net = gross.
    const [t] = tests(`
period: 2024-03
input:
  individus:
    p1: {date_naissance: '1950-01-01', retraite_brute: {2022: 9753, 2023: 9753, 2024: 9753}}
  familles: {f: {parents: [p1]}}
  foyers_fiscaux: {ff: {declarants: [p1]}}
`);
    const w = normalizeInputs(t as OpenFiscaTest)[0]!;
    const h = mapHousehold(w, w.familles[0]!, 'k');
    expect(h.issues).toEqual([]);
    expect(h.notes.has(NOTE_PENSION_EXEMPT)).toBe(true);
    const p = h.situationAt('2024-03').persons[0];
    expect(p?.ressources['2024-02']?.PENSION_RETRAITE).toBe(812.75);
    expect(p?.ressourcesBrutes?.['2024-02']?.PENSION_RETRAITE).toBe(812.75);
  });

  it('counts two parts for two declarants said married: 16 000 € of pensions in 2022 exempt in 2024 (≤ 18 760 €)', () => {
    const yaml = (statut: string) => `
period: 2024-03
input:
  individus:
    p1: {date_naissance: '1950-01-01', retraite_brute: {2022: 16000, 2024: 16000}${statut}}
    p2: {date_naissance: '1952-01-01'${statut}}
  familles: {f: {parents: [p1, p2]}}
  foyers_fiscaux: {ff: {declarants: [p1, p2]}}
`;
    const issues = (statut: string) => {
      const w = normalizeInputs(tests(yaml(statut))[0] as OpenFiscaTest)[0]!;
      return mapHousehold(w, w.familles[0]!, 'k').issues.length;
    };
    expect(issues(', statut_marital: marie')).toBe(0);
    // Without the marital status, OpenFisca counts one part: 16 000 > 12 230, the rate is unknown.
    expect(issues('')).toBe(1);
  });

  it('leaves a gross pension unmodelled when the RFR of N-2 may exceed the threshold', () => {
    // 2022 incomes: 12 × 1 100 = 13 200 € > 12 230 €: the rate of CSG is not known.
    const [t] = tests(`
period: 2024-03
input:
  individus:
    p1: {date_naissance: '1950-01-01', retraite_brute: {2022: 13200, 2023: 13200, 2024: 13200}}
  familles: {f: {parents: [p1]}}
  foyers_fiscaux: {ff: {declarants: [p1]}}
`);
    const w = normalizeInputs(t as OpenFiscaTest)[0]!;
    const h = mapHousehold(w, w.familles[0]!, 'k');
    expect(h.issues.map((i) => i.reason)).toEqual([
      'entrée non modélisée : retraite brute ou imposable sans retraite_nette (taux de CSG inconnu : revenu fiscal de référence de N-2)',
    ]);
  });

  it('computes the ASPA of an adult of 65 or more by our rule when the test does not give it', () => {
    // 2024: single ceiling 12 144,27 € a year; pension 812,75 € a month → (12 144,27 − 9 753) / 12 = 199,27 €.
    const [t] = tests(`
period: 2024-06
input:
  individus:
    p1: {date_naissance: '1950-01-01', retraite_nette: {2023: 9753, 2024: 9753}}
  familles: {f: {parents: [p1]}}
`);
    const w = normalizeInputs(t as OpenFiscaTest)[0]!;
    const h = mapHousehold(w, w.familles[0]!, 'k');
    expect(h.givenAt('ASPA', '2024-06')).toBe(true);
    const s = h.situationAt('2024-06');
    expect(s.prestations?.['2024-06']?.ASPA).toBe(199.27);
    expect(h.notes.has(NOTE_COMPUTED_ASPA)).toBe(true);
  });

  it('values capital and property as the RSA does (R132-1): income received, flat income of idle assets', () => {
    // September 2014: rental value 800 € a month × 50 % = 400 € ; 30 000 € of tax-free savings × 3 % / 12 = 75 € ;
    // livret A 10 000 € × 1 % / 12 = 8,33 € ; capital income 2 400 € in 2014 = 200 € a month.
    const [t] = tests(`
period: 2014-09
input:
  age: 34
  valeur_locative_immo_non_loue: {2014-09: 800}
  epargne_revenus_non_imposables: {2014-09: 30000}
  livret_a: {2014-09: 10000}
  revenus_capital: {2014: 2400}
`);
    const w = normalizeInputs(t as OpenFiscaTest)[0]!;
    const h = mapHousehold(w, w.familles[0]!, 'k');
    expect(h.issues.map((i) => i.rights)).toEqual([
      ['ppa', 'c2s', 'aspa'],
      ['ppa', 'c2s', 'aspa'],
      ['ppa', 'c2s', 'aspa'],
      ['ppa', 'c2s', 'aspa'],
    ]);
    const capital = h.situationAt('2014-09').persons[0]?.ressources['2014-09']?.REVENU_CAPITAL ?? 0;
    expect(Math.round(capital * 100) / 100).toBe(683.33);
  });

  it('computes the AF the test does not give, when the inputs decide them (law, resources of N-2 nil)', () => {
    // December 2023, two children of 10, no income in 2021: 0,32 × 445,93 = 142,70 €; January 2024 given: kept.
    const [t] = tests(`
period: 2024-01
input:
  individus:
    p1: {date_naissance: '1980-01-01', salaire_net: {2023-12: 1500}}
    e1: {date_naissance: '2013-01-01'}
    e2: {date_naissance: '2013-06-01'}
  familles: {f: {parents: [p1], enfants: [e1, e2], af: {2024-01: 150}}}
`);
    const w = normalizeInputs(t as OpenFiscaTest)[0]!;
    const h = mapHousehold(w, w.familles[0]!, 'k');
    const s = h.situationAt('2024-01');
    expect(s.prestations?.['2023-12']?.AF).toBe(142.7);
    expect(s.prestations?.['2024-01']?.AF).toBe(150);
    expect(h.givenAt('AF', '2023-12')).toBe(true);
    expect(h.notes.has(NOTE_COMPUTED_AF)).toBe(true);
  });

  it("an adult's disability is not modelled for the ASPA only, a child's for every right", () => {
    const adult = tests('period: 2024-01\ninput: {age: 40, handicap: true}\n');
    const w = normalizeInputs(adult[0] as OpenFiscaTest)[0]!;
    expect(mapHousehold(w, w.familles[0]!, 'k').issues).toEqual([
      { reason: 'entrée non modélisée : handicap', rights: ['aspa'] },
    ]);
    const [t] = tests(`
period: 2024-01
input:
  individus: {p1: {age: 40}, e1: {age: 10, handicap: true}}
  familles: {f: {parents: [p1], enfants: [e1]}}
`);
    const w2 = normalizeInputs(t as OpenFiscaTest)[0]!;
    expect(mapHousehold(w2, w2.familles[0]!, 'k').issues).toEqual([{ reason: 'entrée non modélisée : handicap' }]);
  });

  it('splits a flat input with lists into one household per element', async () => {
    const checks = await run(`
period: 2024-01
input:
  age: [30, 40]
  salaire_net: [0, 50]
output:
  rsa: [100, 150]
`);
    expect(checks.map((c) => [c.variable, c.status])).toEqual([
      ['rsa[0]', 'passed'],
      ['rsa[1]', 'passed'],
    ]);
  });
});

describe('comparisons', () => {
  it('skips a case with an input it does not model, naming the variable', async () => {
    const checks = await run('period: 2024-01\ninput: {age: 40, revenus_fonciers_bruts: 300}\noutput: {rsa: 100}\n');
    expect(checks).toHaveLength(1);
    expect(checks[0]?.status).toBe('skipped');
    expect(checks[0]?.reason).toBe('entrée non modélisée : revenus_fonciers_bruts');
  });

  it('accepts an unknown input at its neutral default and known irrelevant ones', async () => {
    const checks = await run(
      'period: 2024-01\ninput: {age: 40, revenus_fonciers_bruts: 0, categorie_salarie: prive_non_cadre}\noutput: {rsa: 100}\n',
    );
    expect(checks[0]?.status).toBe('passed');
  });

  it('skips a gross amount given without its net amount', async () => {
    const checks = await run(
      'period: 2024-01\ninput: {age: 40, traitement_indiciaire_brut: 1500}\noutput: {rsa: 100}\n',
    );
    expect(checks[0]?.reason).toBe(
      'entrée non modélisée : traitement_indiciaire_brut sans salaire_net (montant net calculé par OpenFisca)',
    );
  });

  it('skips for an unconverted amount only the checks whose rights read its months', async () => {
    // A taxable wage of 2021 only (OpenFisca derives a net wage of 2021 from it): an RSA of June 2024 reads
    // February to May 2024 at most, so the case is compared; a taxable wage of May 2024 skips it.
    const far = await run('period: 2024-06\ninput: {age: 40, salaire_imposable: {2021: 12000}}\noutput: {rsa: 100}\n');
    expect(far[0]?.status).toBe('passed');
    const near = await run(
      'period: 2024-06\ninput: {age: 40, salaire_imposable: {2024-05: 1000}}\noutput: {rsa: 100}\n',
    );
    expect(near[0]?.reason).toBe(
      'entrée non modélisée : salaire_imposable sans salaire_net (montant net calculé par OpenFisca)',
    );
  });

  it('an income given only in a taxable form still makes its year one with incomes (unknown RFR)', () => {
    // A gross unemployment benefit of 2024 above the SMIC floor, a taxable wage of 2022 only: the RFR of 2022 is not
    // known to be nil, so the rate of CSG of 2024 stays unknown.
    const [t] = tests(
      'period: 2024-06\ninput: {age: 40, salaire_imposable: {2022: 30000}, chomage_brut: {2024-05: 2500}}\n',
    );
    const w = normalizeInputs(t as OpenFiscaTest)[0]!;
    const h = mapHousehold(w, w.familles[0]!, 'k');
    expect(h.situationAt('2024-06').revenusFiscaux?.['2022']?.revenuFiscalReference).toBeNull();
    expect(h.issues.map((i) => i.reason)).toContain(
      'entrée non modélisée : allocation chômage brute sans chomage_net (taux de CSG inconnu : revenu fiscal de référence de N-2)',
    );
  });

  it('derives the net wage of a private employee from salaire_de_base (1 766,92 € gross in 2024 → 1 398,68 €)', async () => {
    const checks = await run(
      'period: 2024-01\ninput: {age: 40, salaire_de_base: 1766.92, contrat_de_travail: temps_plein}\noutput: {rsa: 1498.68}\n',
    );
    expect(checks[0]).toMatchObject({ status: 'passed', got: 1498.68 });
  });

  it('derives a net unemployment benefit from a gross one: below the SMIC floor, or exempt by an RFR of 0', async () => {
    const seen: Situation[] = [];
    // 265 € a month is below the gross SMIC (1 766,96 € in 2024): no CSG nor CRDS whatever the RFR.
    const small = await run(
      'period: 2024-01\ninput: {age: 40, allocation_retour_emploi: {2022: 3180, 2024-01: 265}}\noutput: {rsa: 100}\n',
      fakeRight('rsa', seen),
    );
    expect(small[0]?.status).toBe('passed');
    expect(seen[0]?.persons[0]?.ressources['2024-01']?.ALLOCATION_CHOMAGE).toBe(265);
    expect(seen[0]?.persons[0]?.ressourcesBrutes?.['2024-01']?.ALLOCATION_CHOMAGE).toBe(265);
    // 2 500 € with no income in 2022: RFR 0, exempt.
    const exempt: Situation[] = [];
    await run('period: 2024-01\ninput: {age: 40, chomage_brut: 2500}\noutput: {rsa: 100}\n', fakeRight('rsa', exempt));
    expect(exempt[0]?.persons[0]?.ressources['2024-01']?.ALLOCATION_CHOMAGE).toBe(2500);
    // 2 500 € with incomes in 2022 (RFR computed by OpenFisca): rate unknown, not compared.
    const unknown = await run(
      'period: 2024-01\ninput: {age: 40, chomage_brut: {2022: 30000, 2024-01: 2500}}\noutput: {rsa: 100}\n',
    );
    expect(unknown[0]?.reason).toBe(
      'entrée non modélisée : allocation chômage brute sans chomage_net (taux de CSG inconnu : revenu fiscal de référence de N-2)',
    );
  });

  it('keeps a gross wage it cannot turn into a net one as not modelled', async () => {
    const cadre = await run(
      'period: 2024-01\ninput: {age: 40, salaire_de_base: 5000, categorie_salarie: prive_cadre}\noutput: {rsa: 100}\n',
    );
    expect(cadre[0]?.reason).toBe('entrée non modélisée : salaire_de_base sans salaire_net (catégorie prive_cadre)');
    const partiel = await run(
      'period: 2024-01\ninput: {age: 40, salaire_de_base: 900, contrat_de_travail: temps_partiel}\noutput: {rsa: 100}\n',
    );
    expect(partiel[0]?.reason).toBe(
      'entrée non modélisée : salaire_de_base sans salaire_net (temps partiel sans heures rémunérées)',
    );
  });

  it('skips as divergence n° 12 a complément familial paid above its non-majoré amount (0.4165 × BMAF)', async () => {
    const yaml = (cf: number) => `
period: 2024-07
input:
  familles: {f: {parents: [a, b], enfants: [c], cf: {2024-04: ${cf}, 2024-05: ${cf}, 2024-06: ${cf}, 2024-07: ${cf}}}}
  individus: {a: {age: 40}, b: {age: 40}, c: {age: 10}}
output:
  rsa: 100
`;
    // BMAF 466.44 in 2024: non-majoré CF 194.27.
    expect((await run(yaml(291.43)))[0]?.reason).toBe(
      'divergence documentée : RULES §7.3 n° 12 (OpenFisca ne compte que la part non majorée du complément familial)',
    );
    expect((await run(yaml(194.27)))[0]?.status).toBe('passed');
  });

  it('takes the housing aid asserted among the outputs as the aid received, for the months not given', async () => {
    const seen: Situation[] = [];
    const checks = await run(
      `
period: 2024-01
input:
  familles: {f: {parents: [p], aide_logement: {2023-11: 20, 2023-12: 20, 2024-01: 20}}}
  menages: {m: {personne_de_reference: [p], loyer: 500, statut_occupation_logement: locataire_vide}}
  individus: {p: {age: 40}}
output:
  familles: {f: {aide_logement: {2024-01: 99, 2024-02: 20}, rsa: {2024-02: 100}}}
`,
      fakeRight('rsa', seen),
    );
    expect(checks[0]).toMatchObject({ status: 'passed' });
    expect(checks[0]?.notes).toContain(NOTE_ASSERTED_AL);
    expect(seen[0]?.prestations?.['2024-01']?.AL).toBe(20);
    expect(seen[0]?.prestations?.['2024-02']?.AL).toBe(20);
  });

  it('takes the ASS asserted for a person as paid; skips the months OpenFisca would compute it', async () => {
    const yaml = (months: string) => `
period: 2024-05
input:
  familles: {f: {parents: [p]}}
  individus: {p: {age: 50, ass_precondition_remplie: {2024: true}}}
output:
  familles: {f: {rsa: 100}}
  individus: {p: {ass: {${months}}}}
`;
    const seen: Situation[] = [];
    // Reference months of May 2024: February to April; ASS asserted from January.
    const known = await run(
      yaml('2024-01: 545.1, 2024-02: 545.1, 2024-03: 545.1, 2024-04: 570.3, 2024-05: 570.3'),
      fakeRight('rsa', seen),
    );
    expect(known[0]).toMatchObject({ status: 'passed' });
    expect(known[0]?.notes).toContain(NOTE_ASSERTED_ASS);
    expect(seen[0]?.persons[0]?.ressources['2024-04']?.ALLOCATION_CHOMAGE).toBe(570.3);
    // February not asserted: OpenFisca computes it.
    expect((await run(yaml('2024-03: 545.1, 2024-04: 570.3, 2024-05: 570.3')))[0]?.reason).toBe(
      'prestation calculée par OpenFisca, absente des entrées : ass',
    );
  });

  it('takes no housing aid in a year whose prestations_sociales add up to minima_sociaux and prestations_familiales', async () => {
    const yaml = (ps: number) => `
period: 2024-05
input:
  familles: {f: {parents: [p]}}
  menages: {m: {personne_de_reference: [p], loyer: 500, statut_occupation_logement: locataire_vide}}
  individus: {p: {age: 40}}
output:
  familles: {f: {prestations_sociales: {2024: ${ps}}, minima_sociaux: {2024: 1000.1}, prestations_familiales: {2024: 200}, rsa: 100}}
`;
    const seen: Situation[] = [];
    // 1 200.10 = 1 000.10 + 200: no room for any housing aid in 2024.
    const zero = await run(yaml(1200.1), fakeRight('rsa', seen));
    expect(zero[0]).toMatchObject({ status: 'passed' });
    expect(zero[0]?.notes).toContain(NOTE_AL_FROM_TOTALS);
    expect(seen[0]?.prestations?.['2024-05']?.AL).toBe(0);
    // 1 500.10: 300 € of housing aid somewhere in 2024, which OpenFisca computes: not compared.
    expect((await run(yaml(1500.1)))[0]?.reason).toBe(
      'prestation calculée par OpenFisca, absente des entrées : aide_logement',
    );
  });

  it('sums the 12 months for a monthly benefit asked for a year', async () => {
    const seen: Situation[] = [];
    const checks = await run(
      `
period: 2024
input:
  age: 40
  salaire_net: {2024: 1200, 2024-06: 400}
output:
  rsa: 100 * 12 + 1200
`,
      fakeRight('rsa', seen),
    );
    expect(checks[0]).toMatchObject({ variable: 'rsa', period: '2024', status: 'passed', got: 2400 });
    expect(seen).toHaveLength(12);
  });

  it('checks each period of an output mapping, and one family among several', async () => {
    const checks = await run(`
period: 2024-01
input:
  individus: {a: {age: 30, salaire_net: {2024-02: 20}}, b: {age: 50}}
  familles: {fa: {parents: [a]}, fb: {parents: [b]}}
output:
  familles:
    fa: {rsa: {2024-01: 100, 2024-02: 120}}
    fb: {rsa: {2024-02: 999}}
`);
    expect(checks.map((c) => [c.variable, c.period, c.status])).toEqual([
      ['rsa[fa]', '2024-01', 'passed'],
      ['rsa[fa]', '2024-02', 'passed'],
      ['rsa[fb]', '2024-02', 'failed'],
    ]);
  });

  it('applies the margins, with a floor of half a cent', () => {
    expect(withinMargin(100.004, 100, null, null)).toBe(true);
    expect(withinMargin(100.01, 100, null, null)).toBe(false);
    expect(withinMargin(100.9, 100, 1, null)).toBe(true);
    expect(withinMargin(101.5, 100, 1, null)).toBe(false);
    expect(withinMargin(101.5, 100, null, 0.02)).toBe(true);
    expect(withinMargin(103, 100, null, 0.02)).toBe(false);
    // Both margins given: both must hold, as in OpenFisca's assert_near.
    expect(withinMargin(101.5, 100, 1, 0.02)).toBe(false);
  });

  it('uses the margin of the test', async () => {
    const yaml = (m: string) => `period: 2024-01\n${m}\ninput: {age: 40}\noutput: {rsa: 101}\n`;
    expect((await run(yaml('absolute_error_margin: 2')))[0]?.status).toBe('passed');
    expect((await run(yaml('absolute_error_margin: 0.5')))[0]?.status).toBe('failed');
    expect((await run(yaml('relative_error_margin: 0.02')))[0]?.status).toBe('passed');
  });

  it('reports a right not written yet, and a benefit OpenFisca would compute', async () => {
    const checks = await run(`
- name: ppa
  period: 2024-01
  output: {ppa: 0}
- name: parent isolé
  period: 2024-01
  input:
    individus: {p: {age: 30}, e: {age: 5}}
    famille: {parents: [p], enfants: [e]}
  output: {rsa: 100}
`);
    expect(checks.map((c) => c.reason)).toEqual([
      'droit non implémenté',
      'prestation calculée par OpenFisca, absente des entrées : asf',
    ]);
  });

  it('does not compare an output given as an input', async () => {
    const checks = await run('period: 2024-01\ninput: {age: 40, rsa: 321}\noutput: {rsa: 321}\n');
    expect(checks[0]?.reason).toBe('sortie fournie en entrée : rsa');
  });

  it('summarizes per right and detects regressions against a baseline', async () => {
    const checks = await run(`
- name: ok
  period: 2024-01
  output: {rsa: 100}
- name: ko
  period: 2024-01
  output: {rsa: 1}
`);
    const s = summarize(checks);
    expect(s.rights.rsa).toEqual({ passed: 1, failed: 1, skipped: 0 });
    expect(s.failures).toEqual([
      { file: 'cas.yaml', name: 'ko', variable: 'rsa', period: '2024-01', expected: 1, got: 100 },
    ]);
    const lost = regressions(
      { passing: ['cas.yaml::ok::rsa::2024-01', 'cas.yaml::ko::rsa::2024-01', 'cas.yaml::parti::rsa::2024-01'] },
      checks,
      {},
    );
    expect(lost.map((r) => r.status)).toEqual(['failed', 'absent']);
    expect(regressions({ passing: ['cas.yaml::parti::rsa::2024-01'] }, checks, { since: 2025 })).toEqual([]);
  });

  it('counts the checks compared and the most that a divergence leaves comparable', () => {
    const base = { right: 'rsa' as const, file: 'f', name: 'n', variable: 'rsa', period: '2024-01', notes: [] };
    const share = executionShare([
      { ...base, id: '1', status: 'passed' },
      { ...base, id: '2', status: 'failed' },
      { ...base, id: '3', status: 'skipped', reason: 'divergence documentée : RULES §7.3 n° 3' },
      { ...base, id: '4', status: 'skipped', reason: 'entrée non modélisée : x' },
    ]);
    expect(share).toEqual({ total: 4, run: 2, divergences: 1, ceiling: 0.75 });
  });
});
