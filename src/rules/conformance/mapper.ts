import { UnknownParameterError } from '../../errors.ts';
import type { Nationalite, NatureRessource, Person, Situation, StatutLogement } from '../../model.ts';
import { allocationsFamiliales } from '../allocations-familiales.ts';
import { chomageNetDepuisBrut, type TauxCsgRemplacement, tauxCsgChomage } from '../chomage-net.ts';
import { addMonths, ageAt } from '../dates.ts';
import { aspa as aspaParameters } from '../parameters/aspa.ts';
import { common } from '../parameters/common.ts';
import { fiscal } from '../parameters/fiscal.ts';
import { rsa as rsaParameters } from '../parameters/rsa.ts';
import { valueAt } from '../parameters/series.ts';
import { retraiteNetDepuisBrut } from '../retraite-net.ts';
import type { RightDefinition } from '../right.ts';
import { computeAspa } from '../rights/aspa.ts';
import { salaireNetDepuisBrut } from '../salaire-net.ts';
import type { GroupInput, NormalizedInput, PersonInput, Vars } from './inputs.ts';
import type { Period } from './period.ts';
import {
  coveredMonths,
  eternalValue,
  monthlyAmounts,
  monthlyValues,
  type Series,
  SeriesError,
  yearlyValues,
} from './series.ts';
import { isNeutral, show, toBoolean, toNumber } from './values.ts';
import { VARIABLES } from './variables.ts';

export type RightId = RightDefinition['id'];
export const RIGHT_IDS: readonly RightId[] = ['rsa', 'ppa', 'c2s', 'aspa', 'ars'];

/** Why a case (or some of its rights) cannot be compared. */
export interface Issue {
  readonly reason: string;
  /** The rights concerned; all when absent. */
  readonly rights?: readonly RightId[];
  /** The months of the input concerned: only checks reading one of them are skipped; all when absent. */
  readonly months?: ReadonlySet<string>;
}

/** Mappings that reproduce OpenFisca's semantics in our model, worth telling the reader. */
export const NOTE_REFERENCE_MONTHS =
  'mois de référence M-3..M-1 imposés (departement_experimentation_rsa absent ou faux après 2024-10 : RULES §7.3 n° 1)';
export const NOTE_NON_RENSEIGNE =
  'statut_occupation_logement non_renseigne → LOCATAIRE (OpenFisca : pas de forfait logement sans aide au logement, comme un locataire)';

export const NOTE_ASSERTED_AL =
  "aide au logement reprise des sorties attendues du test (calculée par OpenFisca, prise comme l'aide reçue)";
export const NOTE_ASSERTED_FAMILY =
  'prestations familiales (af, asf, cf, paje_base) reprises des sorties attendues du test (calculées par OpenFisca, prises comme versées)';

export const NOTE_AL_FROM_TOTALS =
  "aide au logement nulle sur l'année : prestations_sociales attendu égal à minima_sociaux + prestations_familiales attendus (OpenFisca : somme de ces prestations, des aides au logement et d'aides positives)";

/**
 * Yearly totals asserted by a test, from which the housing aid of a year can be deduced: OpenFisca's
 * `prestations_sociales` is the sum of `prestations_familiales`, `minima_sociaux`, `aides_logement` (the
 * year's `aide_logement`) and of other aids that are never negative.
 */
export const YEAR_TOTALS: ReadonlySet<string> = new Set([
  'prestations_sociales',
  'minima_sociaux',
  'prestations_familiales',
]);

/** Rounding of three amounts asserted to the cent. */
const TOTALS_ROUNDING = 0.02;

export const NOTE_COMPUTED_ASPA =
  "ASPA non donnée pour un adulte de 65 ans ou plus : calculée par notre règle de l'ASPA (CSS L815-1 s., R815-29) et prise comme versée (OpenFisca la calcule aussi)";

export const NOTE_RNI_BOUND =
  "revenu net imposable de N-2 non donné : majoré par la somme des revenus donnés pour l'année ; l'ARS n'est comparée que si ce majorant est sous son plafond (elle est alors due en entier quel que soit le revenu exact)";

export const NOTE_COMPUTED_AF =
  'allocations familiales non données : calculées selon la loi (CSS D521-1, D521-2 ; montant plein sous le plafond de N-2) et prises comme versées (OpenFisca les calcule aussi)';

export const NOTE_ASSERTED_ASS =
  'allocation de solidarité spécifique (ass) reprise des sorties attendues du test pour chaque personne (calculée par OpenFisca, prise comme versée)';

/** Benefits asserted among a test's outputs that may stand for the benefit received, by CAF code. */
export const ASSERTED_INPUTS: ReadonlyMap<string, string> = new Map([
  ['aide_logement', 'AL'],
  ['af', 'AF'],
  ['asf', 'ASF'],
  ['cf', 'CF'],
  ['paje_base', 'PAJE_BASE'],
]);

/** An expected output value for the family (variable, period, value). */
export interface AssertedValue {
  readonly variable: string;
  readonly period: Period;
  readonly value: unknown;
}

/** A family of a test, mapped onto our model, month by month. */
export interface MappedHousehold {
  readonly label: string;
  readonly issues: readonly Issue[];
  /** Documented mappings applied so far (filled as situations are built). */
  readonly notes: Set<string>;
  situationAt(month: string): Situation;
  /** Whether a benefit (CAF code) is given by the test for the month. */
  givenAt(code: string, month: string): boolean;
  loyerAt(month: string): number;
  /** OpenFisca's housing status name for the month (`non_renseigne` by default). */
  statutAt(month: string): string;
  participationFraisAt(month: string): boolean;
  /** Periods (months) for which the test gives a variable as an input, for "output given as input". */
  inputMonths(variable: string): Set<string>;
  /** Whether OpenFisca computes the ASS of a member for the month (precondition met, ASS neither given nor asserted). */
  assComputedAt(month: string): boolean;
  /** Whether the net taxable income of a year is an upper bound (the sum of the incomes given), not the figure. */
  rniBoundedIn(year: string): boolean;
}

/** CAF codes of the housing aids. */
const AL_CODES_GIVEN = ['AL', 'APL', 'ALF', 'ALS'] as const;

/** OpenFisca's housing-status names, and their old numeric codes. */
const STATUTS = [
  'non_renseigne',
  'primo_accedant',
  'proprietaire',
  'locataire_hlm',
  'locataire_vide',
  'locataire_meuble',
  'loge_gratuitement',
  'locataire_foyer',
  'sans_domicile',
] as const;
const LOGEMENT: Readonly<Record<(typeof STATUTS)[number], StatutLogement>> = {
  non_renseigne: 'LOCATAIRE',
  primo_accedant: 'ACCEDANT',
  proprietaire: 'PROPRIETAIRE',
  locataire_hlm: 'LOCATAIRE',
  locataire_vide: 'LOCATAIRE',
  locataire_meuble: 'LOCATAIRE',
  loge_gratuitement: 'HEBERGE_GRATUIT',
  locataire_foyer: 'LOCATAIRE',
  sans_domicile: 'SANS_DOMICILE',
};
export const TENANT_LIKE = new Set([
  'non_renseigne',
  'primo_accedant',
  'locataire_hlm',
  'locataire_vide',
  'locataire_meuble',
  'locataire_foyer',
]);

const ACTIVITES = ['actif', 'chomeur', 'etudiant', 'retraite', 'inactif'] as const;

/** EU/EEA states and Switzerland (ISO 3166 alpha-2), France apart. */
const UE_EEE_SUISSE = new Set(
  'AT BE BG CY CZ DE DK EE ES FI GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK IS LI NO CH'.split(' '),
);

/** OpenFisca's default birth date when neither date_naissance nor age is given. */
const DEFAULT_BIRTH = '1970-01-01';

function statutName(v: unknown): string | null {
  if (typeof v === 'number') return STATUTS[v] ?? null;
  if (typeof v === 'string') return (STATUTS as readonly string[]).includes(v) ? v : null;
  return null;
}

function activiteName(v: unknown): string | null {
  if (typeof v === 'number') return ACTIVITES[v] ?? null;
  if (typeof v === 'string') return (ACTIVITES as readonly string[]).includes(v) ? v : null;
  return null;
}

function nationaliteOf(code: unknown): Nationalite | null {
  if (typeof code !== 'string') return null;
  const c = code.trim().toUpperCase();
  if (c === 'FR') return 'FR';
  if (UE_EEE_SUISSE.has(c)) return 'UE_EEE_SUISSE';
  return /^[A-Z]{2}$/.test(c) ? 'HORS_UE' : null;
}

const OVERSEAS: Readonly<Record<string, string>> = {
  residence_guadeloupe: '971',
  residence_martinique: '972',
  residence_guyane: '973',
  residence_reunion: '974',
  residence_mayotte: '976',
};

function departementOf(depcom: string): string {
  return depcom.startsWith('97') ? depcom.slice(0, 3) : depcom.slice(0, 2);
}

function depcomText(v: unknown): string | null {
  if (typeof v === 'number' && Number.isInteger(v)) return String(v).padStart(5, '0');
  if (typeof v === 'string' && /^[0-9][0-9AB][0-9]{3}$/.test(v.trim())) return v.trim();
  return null;
}

type Resources = Map<string, Partial<Record<NatureRessource, number>>>;

function addResource(target: Resources, month: string, nature: NatureRessource, amount: number) {
  const byNature = target.get(month) ?? {};
  byNature[nature] = (byNature[nature] ?? 0) + amount;
  target.set(month, byNature);
}

function mergeGross(net: Resources, gross: Resources): Resources {
  const out: Resources = new Map();
  for (const [m, r] of net) out.set(m, { ...r });
  for (const [m, r] of gross) out.set(m, { ...(out.get(m) ?? {}), ...r });
  return out;
}

function toRecord(r: Resources): Record<string, Partial<Record<NatureRessource, number>>> {
  return Object.fromEntries([...r.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/** Per-person state gathered from the inputs. */
interface PersonState {
  readonly input: PersonInput;
  readonly role: Person['role'];
  birth: string;
  readonly ressources: Resources;
  readonly brutes: Resources;
  readonly values: Map<string, Map<string, unknown>>;
  /** Gross wages (salaire_de_base) by month, for the months the test gives no net wage. */
  readonly salaireBrut: Map<string, number>;
  /** Gross unemployment benefits by variable (chomage_brut, allocation_retour_emploi), then month. */
  readonly chomageBrut: Map<string, Map<string, number>>;
  /** Gross or taxable pensions by variable (retraite_brute, retraite_imposable), then month. */
  readonly retraiteBrut: Map<string, Map<string, number>>;
  /** Taxable wages of the months whose net wage is derived from the gross one. */
  readonly salaireImposable: Map<string, number>;
  /** Incomes given only in a form not converted to net (taxable wage…), by month: they bound the RFR all the same. */
  readonly autresRevenus: Map<string, number>;
}

class Collector {
  readonly issues: Issue[] = [];
  private readonly seen = new Map<string, Issue>();
  /** An issue; with `months`, it concerns only the checks whose rights read one of these months. */
  issue(reason: string, rights?: readonly RightId[], months?: ReadonlySet<string>) {
    const key = `${reason}|${rights?.join(',') ?? ''}`;
    const known = this.seen.get(key);
    if (known) {
      // The same reason for other months: their union; without months, the issue concerns every check.
      if (known.months && months) for (const m of months) (known.months as Set<string>).add(m);
      else if (known.months) {
        const i = this.issues.indexOf(known);
        const all: Issue = rights ? { reason, rights } : { reason };
        this.issues[i] = all;
        this.seen.set(key, all);
      }
      return;
    }
    const issue: Issue = { reason, ...(rights ? { rights } : {}), ...(months ? { months: new Set(months) } : {}) };
    this.seen.set(key, issue);
    this.issues.push(issue);
  }
}

function birthOf(p: PersonInput, c: Collector): string {
  const date = p.vars.date_naissance;
  if (date && date.length > 0) {
    const v = eternalValue(date);
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v.trim())) return v.trim();
    c.issue(`entrée illisible : date_naissance « ${show(v)} »`);
    return DEFAULT_BIRTH;
  }
  // An age (in years or months) on a period: born on the first day of that period's first month,
  // so that the age holds on the first day of every month of the period, as OpenFisca's `age`.
  for (const [name, monthsPer] of [
    ['age', 12],
    ['age_en_mois', 1],
  ] as const) {
    const s = p.vars[name];
    const first = s?.[0];
    if (!first) continue;
    const n = toNumber(first.value);
    if (n === null || !Number.isInteger(n) || first.period.unit === 'eternity') {
      c.issue(`entrée illisible : ${name} « ${show(first.value)} »`);
      return DEFAULT_BIRTH;
    }
    return `${addMonths(first.period.start, -n * monthsPer)}-01`;
  }
  return DEFAULT_BIRTH;
}

/** Monthly values of a variable over a group of series (persons or entity), or null. */
function valuesOf(vars: Vars, name: string, c: Collector): Map<string, unknown> | null {
  const s = vars[name];
  if (!s) return null;
  try {
    return monthlyValues(s, name);
  } catch (e) {
    if (!(e instanceof SeriesError)) throw e;
    c.issue(`entrée illisible : ${e.message}`);
    return null;
  }
}

function amountsOf(s: Series, name: string, c: Collector): Map<string, number> | null {
  try {
    return monthlyAmounts(s, name);
  } catch (e) {
    if (!(e instanceof SeriesError)) throw e;
    c.issue(`entrée illisible : ${e.message}`);
    return null;
  }
}

const DERIVED_WAGE = 'entrée non modélisée : salaire_de_base sans salaire_net';

/**
 * The net wage of the months where the test gives only salaire_de_base, as OpenFisca derives it: our
 * gross-to-net model of a private-sector employee who is not an executive (OpenFisca's default category),
 * full-time or part-time with the hours given. Other cases stay "not modelled" for the rights reading wages.
 */
function deriveNetWages(st: PersonState, c: Collector) {
  const rights: RightId[] = ['rsa', 'ppa', 'c2s'];
  for (const [month, brut] of [...st.salaireBrut].sort(([a], [b]) => a.localeCompare(b))) {
    const categorie = st.values.get('categorie_salarie')?.get(month) ?? 'prive_non_cadre';
    if (categorie !== 'prive_non_cadre') {
      c.issue(`${DERIVED_WAGE} (catégorie ${show(categorie)})`, rights, new Set([month]));
      continue;
    }
    if (toBoolean(st.values.get('salarie_regime_alsace_moselle')?.get(month) ?? false) === true) {
      c.issue(`${DERIVED_WAGE} (régime local d'Alsace-Moselle)`, rights, new Set([month]));
      continue;
    }
    const contrat = st.values.get('contrat_de_travail')?.get(month) ?? 'temps_plein';
    let quotite = 1;
    if (contrat === 'temps_partiel') {
      const heures = toNumber(st.values.get('heures_remunerees_volume')?.get(month) ?? null);
      if (heures === null || heures <= 0) {
        c.issue(`${DERIVED_WAGE} (temps partiel sans heures rémunérées)`, rights, new Set([month]));
        continue;
      }
      quotite = heures / valueAt(common.nombreHeuresTravailMensuel, `${month}-01`);
    } else if (contrat !== 'temps_plein') {
      c.issue(`${DERIVED_WAGE} (contrat ${show(contrat)})`, rights, new Set([month]));
      continue;
    }
    try {
      const r = salaireNetDepuisBrut({ brut, date: month, quotite });
      addResource(st.ressources, month, 'SALAIRE', r.net);
      // Taxable wage: the net plus the CSG that is not deductible and the CRDS.
      st.salaireImposable.set(month, r.net + r.csgNonDeductible + r.crds);
    } catch (e) {
      if (!(e instanceof UnknownParameterError)) throw e;
      c.issue(`${DERIVED_WAGE} (${e.message})`, rights, new Set([month]));
    }
  }
}

const DERIVED_UNEMPLOYMENT = 'entrée non modélisée : allocation chômage brute sans chomage_net';

/**
 * The net unemployment benefit of the months where the test gives only a gross one (chomage_brut, else
 * allocation_retour_emploi, as OpenFisca reads them), by our model: CSG and CRDS at the rate of the RFR of year
 * N-2, none below the SMIC floor. The number of tax parts is not known here: an RFR up to the one-part exemption
 * threshold exempts whatever the parts, another RFR leaves the rate unknown (then only the floor can decide).
 * The gross amount also feeds the gross resources (ASPA).
 */
function deriveNetUnemployment(st: PersonState, c: Collector, rfrOf: (year: string) => TaxHousehold | null) {
  const net = st.input.vars.chomage_net;
  const netMonths = net ? coveredMonths(net) : new Set<string>();
  const byMonth = new Map(st.chomageBrut.get('allocation_retour_emploi') ?? []);
  for (const [m, v] of st.chomageBrut.get('chomage_brut') ?? []) byMonth.set(m, v);
  for (const [month, brut] of [...byMonth].sort(([a], [b]) => a.localeCompare(b))) {
    if (brut === 0) continue;
    addResource(st.brutes, month, 'ALLOCATION_CHOMAGE', brut);
    if (netMonths.has(month)) continue;
    const foyer = rfrOf(String(Number(month.slice(0, 4)) - 2));
    try {
      let taux: TauxCsgRemplacement | null = null;
      if (foyer !== null && tauxCsgChomage({ date: month, ...foyer }) === 'exonere') taux = 'exonere';
      const r = chomageNetDepuisBrut({ brut, date: month, taux });
      if (r === null)
        c.issue(
          `${DERIVED_UNEMPLOYMENT} (taux de CSG inconnu : revenu fiscal de référence de N-2)`,
          undefined,
          new Set([month]),
        );
      else addResource(st.ressources, month, 'ALLOCATION_CHOMAGE', r.net);
    } catch (e) {
      if (!(e instanceof UnknownParameterError)) throw e;
      c.issue(`${DERIVED_UNEMPLOYMENT} (${e.message})`, undefined, new Set([month]));
    }
  } // A taxable amount alone (chomage_imposable: gross less the deductible CSG) equals the gross and the net amounts
  // when the RFR exempts the household; otherwise the net stays unknown.
  for (const [month, imposable] of [...(st.chomageBrut.get('chomage_imposable') ?? [])].sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    if (imposable === 0 || byMonth.has(month) || netMonths.has(month)) continue;
    const foyer = rfrOf(String(Number(month.slice(0, 4)) - 2));
    try {
      if (foyer !== null && tauxCsgChomage({ date: month, ...foyer }) === 'exonere') {
        addResource(st.brutes, month, 'ALLOCATION_CHOMAGE', imposable);
        addResource(st.ressources, month, 'ALLOCATION_CHOMAGE', imposable);
      } else
        c.issue(
          `${DERIVED_UNEMPLOYMENT} (allocation imposable, taux de CSG inconnu : revenu fiscal de référence de N-2)`,
          undefined,
          new Set([month]),
        );
    } catch (e) {
      if (!(e instanceof UnknownParameterError)) throw e;
      c.issue(`${DERIVED_UNEMPLOYMENT} (${e.message})`, undefined, new Set([month]));
    }
  }
}

/**
 * Capital and property of a person, as the RSA counts them (CASF R262-6, R132-1): the income received (capital,
 * rents), and for assets producing none a flat monthly income: 50 % of the rental value of unlet buildings, 80 % of
 * that of unlet land (OpenFisca's monthly rental values), 3 % a year of savings with tax-free income, the livret A
 * rate on its balance. Flows are amounts of the period (spread over its months), the other inputs are values of
 * each month. The PPA, the C2S and the ASPA value them by rules of their own, not described: not modelled there.
 */
const PATRIMOINE: ReadonlyMap<string, 'flux' | ((month: string) => number)> = new Map<
  string,
  'flux' | ((month: string) => number)
>([
  ['revenus_capital', 'flux'],
  ['revenus_locatifs', 'flux'],
  ['valeur_locative_immo_non_loue', (m) => valueAt(rsaParameters.abattementValeurLocativeImmoNonLoue, `${m}-01`)],
  [
    'valeur_locative_terrains_non_loues',
    (m) => valueAt(rsaParameters.abattementValeurLocativeTerrainsNonLoues, `${m}-01`),
  ],
  ['livret_a', (m) => valueAt(common.tauxLivretA, `${m}-01`) / 12],
  [
    'epargne_revenus_non_imposables',
    (m) => valueAt(rsaParameters.tauxInteretForfaitaireEpargneNonImposable, `${m}-01`) / 12,
  ],
]);

function addPatrimoine(st: PersonState, name: string, s: Series, c: Collector) {
  const rule = PATRIMOINE.get(name);
  if (rule === undefined) return;
  let amounts: Map<string, number> | null = null;
  if (rule === 'flux') amounts = amountsOf(s, name, c);
  else {
    const values = valuesOf({ [name]: s }, name, c);
    if (values) {
      amounts = new Map();
      for (const [m, v] of values) {
        const n = toNumber(v);
        if (n === null) c.issue(`entrée illisible : ${name} « ${show(v)} »`);
        else if (n !== 0) {
          try {
            amounts.set(m, n * rule(m));
          } catch (e) {
            if (!(e instanceof UnknownParameterError)) throw e;
            c.issue(`entrée non modélisée : ${name} (${e.message})`);
          }
        }
      }
    }
  }
  if (!amounts || [...amounts.values()].every((v) => v === 0)) return;
  for (const [m, v] of amounts) if (v !== 0) addResource(st.ressources, m, 'REVENU_CAPITAL', v);
  c.issue(`entrée non modélisée : ${name} (patrimoine : seule l'évaluation du RSA est décrite)`, [
    'ppa',
    'c2s',
    'aspa',
  ]);
}

/**
 * The RFR of a person's tax household for a year and its number of parts, as far as the test tells them: the RFR
 * given, otherwise an upper bound (the sum of every income given for the household's members that year, the largest
 * of its net, gross or taxable forms, taxable wages less the 10 % deduction: OpenFisca's RFR derives from these
 * incomes only); the parts, a lower bound. A bound below an exemption threshold exempts whatever the exact figures.
 * A net amount given stands for a taxable one a few per cent higher, less the 10 % deduction: still an upper bound
 * wherever the deduction is not capped, i.e. far above the thresholds and ceilings the bound is compared with.
 */
/** OpenFisca's statut_marital values of a married or PACS person (names and old numeric codes). */
const MARIES_OU_PACSES: ReadonlySet<string> = new Set(['marie', 'pacse', '1', '5']);

interface TaxHousehold {
  readonly rfr: number;
  readonly parts: number;
}

const DERIVED_PENSION = 'entrée non modélisée : retraite brute ou imposable sans retraite_nette';
export const NOTE_PENSION_EXEMPT =
  'retraite nette égale à la brute : foyer exonéré de CSG, CRDS et CASA par son revenu fiscal de référence de N-2 (CSS L136-8 III 1°), RFR donné ou majoré par la somme des revenus donnés';

/**
 * The net pension of the months where the test gives only a gross (retraite_brute) or taxable (retraite_imposable)
 * one: equal to it when the tax household of year N-2 is exempt (retraite-net.ts); other rates are not described.
 * The taxable amount, equal to the gross one when exempt, also feeds the gross resources (ASPA).
 */
function deriveNetPension(
  st: PersonState,
  c: Collector,
  rfrOf: (year: string) => TaxHousehold | null,
  notes: Set<string>,
) {
  const net = st.input.vars.retraite_nette;
  const netMonths = net ? coveredMonths(net) : new Set<string>();
  const brute = st.retraiteBrut.get('retraite_brute') ?? new Map<string, number>();
  const byMonth = new Map(st.retraiteBrut.get('retraite_imposable') ?? []);
  for (const [m, v] of brute) byMonth.set(m, v);
  for (const [month, amount] of [...byMonth].sort(([a], [b]) => a.localeCompare(b))) {
    if (amount === 0 || netMonths.has(month)) continue;
    const rights: RightId[] | undefined = brute.has(month) ? ['rsa', 'ppa', 'c2s'] : undefined;
    const foyer = rfrOf(String(Number(month.slice(0, 4)) - 2));
    try {
      const r = foyer === null ? null : retraiteNetDepuisBrut({ brut: amount, date: month, ...foyer });
      if (r === null) {
        c.issue(
          `${DERIVED_PENSION} (taux de CSG inconnu : revenu fiscal de référence de N-2)`,
          rights,
          new Set([month]),
        );
        continue;
      }
      addResource(st.ressources, month, 'PENSION_RETRAITE', r);
      if (!brute.has(month)) addResource(st.brutes, month, 'PENSION_RETRAITE', amount);
      notes.add(NOTE_PENSION_EXEMPT);
    } catch (e) {
      if (!(e instanceof UnknownParameterError)) throw e;
      c.issue(`${DERIVED_PENSION} (${e.message})`, rights, new Set([month]));
    }
  }
}

/**
 * Maps the family `famille` of a normalized input onto our Situation. Every input variable
 * is either used, or known to be irrelevant, or reported as an issue.
 */
export function mapHousehold(
  world: NormalizedInput,
  famille: GroupInput,
  key: string,
  asserted: readonly AssertedValue[] = [],
  assertedPersonal: ReadonlyMap<string, readonly AssertedValue[]> = new Map(),
): MappedHousehold {
  const c = new Collector();
  const parents = famille.roles.parents ?? [];
  const enfants = famille.roles.enfants ?? [];
  if (parents.length === 0) c.issue('famille sans parent');
  if (parents.length > 2) c.issue('famille de plus de deux parents');
  const byId = new Map(world.persons.map((p) => [p.id, p]));
  const members = [...parents, ...enfants];
  const inFamily = new Set(members);
  const menage = world.menages.find((g) => Object.values(g.roles).some((ids) => ids.some((id) => inFamily.has(id))));
  const foyers = world.foyers.filter((g) => (g.roles.declarants ?? []).some((id) => inFamily.has(id)));

  const inputMonths = new Map<string, Set<string>>();
  const noteInput = (name: string, s: Series) => {
    const set = inputMonths.get(name) ?? new Set<string>();
    for (const m of coveredMonths(s)) set.add(m);
    inputMonths.set(name, set);
  };

  const prestations = new Map<string, Record<string, number>>();
  const given = new Map<string, Set<string>>();
  const addPrestation = (code: string, amounts: Map<string, number>) => {
    const g = given.get(code) ?? new Set<string>();
    for (const [m, v] of amounts) {
      const row = prestations.get(m) ?? {};
      row[code] = (row[code] ?? 0) + v;
      prestations.set(m, row);
      g.add(m);
    }
    given.set(code, g);
  };
  let afBase: Map<string, number> | null = null;

  /** Common handling of a variable: returns true when the caller must read it itself. */
  const route = (name: string, s: Series, person: PersonState | null): boolean => {
    noteInput(name, s);
    const spec = VARIABLES[name];
    if (!spec) {
      if (s.some((e) => !isNeutral(e.value))) c.issue(`entrée non modélisée : ${name}`);
      return false;
    }
    const use = spec.use;
    switch (use.to) {
      case 'ignore':
        return false;
      case 'forced':
        c.issue(`entrée non modélisée : ${name} (résultat intermédiaire d'OpenFisca imposé)`);
        return false;
      case 'special':
        return true;
      case 'prestation': {
        const a = amountsOf(s, name, c);
        if (a) addPrestation(use.code, a);
        return false;
      }
      case 'ressource': {
        if (!person) {
          c.issue(`entrée mal placée : ${name} (variable individuelle)`);
          return false;
        }
        const a = amountsOf(s, name, c);
        if (a) for (const [m, v] of a) addResource(person.ressources, m, use.nature, v);
        return false;
      }
      case 'brut': {
        if (!person) {
          c.issue(`entrée mal placée : ${name} (variable individuelle)`);
          return false;
        }
        const a = amountsOf(s, name, c);
        if (!a) return false;
        if (use.derive === 'chomage') {
          person.chomageBrut.set(name, a);
          return false;
        }
        if (use.brute) for (const [m, v] of a) addResource(person.brutes, m, use.brute, v);
        if (use.derive === 'retraite') {
          person.retraiteBrut.set(name, a);
          return false;
        }
        // OpenFisca reads the net amount given; where it is not given, it derives it from this one.
        const net = person.input.vars[use.net];
        const netMonths = net ? coveredMonths(net) : new Set<string>();
        if (use.derive === 'salaire_prive') {
          for (const [m, v] of a) if (v !== 0 && !netMonths.has(m)) person.salaireBrut.set(m, v);
          return false;
        }
        const missing = new Set([...a.entries()].filter(([m, v]) => v !== 0 && !netMonths.has(m)).map(([m]) => m));
        if (missing.size > 0) {
          c.issue(
            `entrée non modélisée : ${name} sans ${use.net} (montant net calculé par OpenFisca)`,
            use.rights,
            missing,
          );
          // Still an income of the tax household (bounds of its RFR and net taxable income).
          for (const m of missing)
            person.autresRevenus.set(m, Math.max(person.autresRevenus.get(m) ?? 0, Math.abs(a.get(m) ?? 0)));
        }
        return false;
      }
    }
  };

  // Persons of the family.
  const states: PersonState[] = [];
  const attached: { st: PersonState; year: string }[] = [];
  members.forEach((id, i) => {
    const input = byId.get(id);
    if (!input) return;
    const role: Person['role'] = i === 0 ? 'demandeur' : i < parents.length ? 'conjoint' : 'enfant';
    const st: PersonState = {
      input,
      role,
      birth: DEFAULT_BIRTH,
      ressources: new Map(),
      brutes: new Map(),
      values: new Map(),
      salaireBrut: new Map(),
      salaireImposable: new Map(),
      chomageBrut: new Map(),
      retraiteBrut: new Map(),
      autresRevenus: new Map(),
    };
    st.birth = birthOf(input, c);
    for (const [name, s] of Object.entries(input.vars)) {
      if (!route(name, s, st)) continue;
      if (name === 'date_naissance' || name === 'age' || name === 'age_en_mois') continue;
      if (name === 'handicap') {
        // An adult's disability matters to the ASPA (early ASPA of disabled workers, CSS L815-1, not described) and,
        // through the AAH OpenFisca computes from the incapacity rate (checked apart), to no other right compared
        // here; a child's disability changes the family benefits: not modelled.
        const v = valuesOf(input.vars, name, c);
        if (v && [...v.values()].some((x) => toBoolean(x) === true))
          c.issue('entrée non modélisée : handicap', role === 'enfant' ? undefined : ['aspa']);
        continue;
      }
      if (PATRIMOINE.has(name)) {
        addPatrimoine(st, name, s, c);
        continue;
      }
      if (name === 'enfant_a_charge') {
        // Fiscal attachment: natural for a child; for a parent, OpenFisca refuses the RSA majoration
        // and the C2S household, which our model does not describe.
        try {
          const years = yearlyValues(s, name);
          if (role !== 'enfant') for (const [y, v] of years) if (toBoolean(v) === true) attached.push({ st, year: y });
        } catch (e) {
          if (!(e instanceof SeriesError)) throw e;
          c.issue(`entrée illisible : ${e.message}`);
        }
        continue;
      }
      const v = valuesOf(input.vars, name, c);
      if (v) st.values.set(name, v);
    }
    deriveNetWages(st, c);
    states.push(st);
  });

  // A parent fiscally attached to his/her own parents: OpenFisca refuses the RSA/PPA isolated-parent
  // majoration and, under 25, the C2S household of his/her own; our model does not describe it.
  for (const { st, year } of attached) {
    const rights: RightId[] = [];
    const isolatedWithChild =
      parents.length === 1 &&
      (enfants.length > 0 || [...(st.values.get('enceinte')?.values() ?? [])].some((v) => toBoolean(v) === true));
    if (isolatedWithChild) rights.push('rsa', 'ppa');
    if (ageAt(st.birth, `${year}-01-01`) < 25) rights.push('c2s');
    if (rights.length)
      c.issue('entrée non modélisée : enfant_a_charge (parent rattaché au foyer fiscal de ses parents)', rights);
  }
  // A claimant under 25 receiving alimony belongs to the C2S household of the parents who pay it (R861-2 CSS),
  // which the test does not describe (OpenFisca: css_cmu_acs_eligibilite false).
  for (const st of states) {
    if (st.role === 'enfant') continue;
    const young = [...st.ressources].some(
      ([m, r]) => (r.PENSION_ALIMENTAIRE ?? 0) > 0 && ageAt(st.birth, `${m}-01`) < 25,
    );
    if (young)
      c.issue(
        "entrée non modélisée : pensions_alimentaires_percues d'un demandeur de moins de 25 ans (foyer C2S de ses parents, R861-2 CSS)",
        ['c2s'],
      );
  }
  // Variables of persons outside the family cannot change its rights (OpenFisca computes them per family).
  // Family, dwelling and tax-household variables.
  const familleValues = new Map<string, Map<string, unknown>>();
  for (const [name, s] of Object.entries(famille.vars)) {
    if (!route(name, s, null)) continue;
    if (name === 'af_base') {
      afBase = amountsOf(s, name, c);
      continue;
    }
    const v = valuesOf(famille.vars, name, c);
    if (v) familleValues.set(name, v);
  }
  const menageValues = new Map<string, Map<string, unknown>>();
  let loyer = new Map<string, number>();
  for (const [name, s] of Object.entries(menage?.vars ?? {})) {
    if (!route(name, s, null)) continue;
    if (name === 'loyer') {
      loyer = amountsOf(s, name, c) ?? loyer;
      continue;
    }
    const v = valuesOf(menage?.vars ?? {}, name, c);
    if (v) menageValues.set(name, v);
  }
  const rfr = new Map<string, number>();
  const rni = new Map<string, number>();
  const rfrByFoyer = new Map<GroupInput, Map<string, number>>();
  for (const g of foyers)
    for (const [name, s] of Object.entries(g.vars)) {
      if (!route(name, s, null)) continue;
      if (name === 'rfr' || name === 'rni' || name === 'revenu_net_imposable') {
        const target = name === 'rfr' ? rfr : rni;
        try {
          for (const [y, v] of yearlyValues(s, name)) {
            const n = toNumber(v);
            if (n === null) c.issue(`entrée illisible : ${name} « ${show(v)} »`);
            else {
              target.set(y, (target.get(y) ?? 0) + n);
              if (name === 'rfr') rfrByFoyer.set(g, (rfrByFoyer.get(g) ?? new Map()).set(y, n));
            }
          }
        } catch (e) {
          if (!(e instanceof SeriesError)) throw e;
          c.issue(`entrée illisible : ${e.message}`);
        }
        continue;
      }
      c.issue(`entrée non modélisée : ${name}`);
    }

  // A benefit OpenFisca computes and the test asserts for the family: its value, for the months the inputs
  // do not give it, stands for the benefit received (our rights take it as an input, never compute it).
  const notes = new Set<string>();
  for (const code of new Set(asserted.map((e) => ASSERTED_INPUTS.get(e.variable)))) {
    if (code === undefined) continue;
    const have = given.get(code) ?? new Set<string>();
    const amounts = new Map<string, number>();
    for (const e of asserted) {
      if (ASSERTED_INPUTS.get(e.variable) !== code || e.period.unit !== 'month' || e.period.size !== 1) continue;
      const v = toNumber(e.value);
      if (v !== null && !have.has(e.period.start)) amounts.set(e.period.start, v);
    }
    if (amounts.size > 0) {
      addPrestation(code, amounts);
      notes.add(code === 'AL' ? NOTE_ASSERTED_AL : NOTE_ASSERTED_FAMILY);
    }
  }

  // A year whose social benefits add up to its minima sociaux and family benefits had no housing aid
  // (each aid is zero or more): every month of that year without a housing aid given takes 0.
  const totals = new Map<string, Map<string, number>>();
  for (const e of asserted) {
    if (!YEAR_TOTALS.has(e.variable) || e.period.unit !== 'year' || e.period.size !== 1) continue;
    if (!e.period.start.endsWith('-01')) continue;
    const v = toNumber(e.value);
    if (v === null) continue;
    const byYear = totals.get(e.variable) ?? new Map<string, number>();
    byYear.set(e.period.start.slice(0, 4), v);
    totals.set(e.variable, byYear);
  }
  for (const [year, ps] of totals.get('prestations_sociales') ?? []) {
    const ms = totals.get('minima_sociaux')?.get(year);
    if (ms === undefined) continue;
    const pf = totals.get('prestations_familiales')?.get(year) ?? 0;
    if (ps - ms - pf > TOTALS_ROUNDING) continue;
    const zero = new Map<string, number>();
    for (let i = 0; i < 12; i++) {
      const m = addMonths(`${year}-01`, i);
      if (!AL_CODES_GIVEN.some((code) => given.get(code)?.has(m))) zero.set(m, 0);
    }
    if (zero.size > 0) {
      addPrestation('AL', zero);
      notes.add(NOTE_AL_FROM_TOTALS);
    }
  }

  // ASS (allocation de solidarité spécifique): OpenFisca computes it for a person whose precondition is met; the
  // amount the test asserts for that person stands for the ASS paid, for the months the inputs do not give it.
  const assKnown = new Map<PersonState, Set<string>>();
  for (const st of states) {
    const known = st.input.vars.ass ? coveredMonths(st.input.vars.ass) : new Set<string>();
    for (const e of assertedPersonal.get(st.input.id) ?? []) {
      if (e.variable !== 'ass' || e.period.unit !== 'month' || e.period.size !== 1) continue;
      const v = toNumber(e.value);
      if (v === null || known.has(e.period.start)) continue;
      known.add(e.period.start);
      if (v !== 0) addResource(st.ressources, e.period.start, 'ALLOCATION_CHOMAGE', v);
      notes.add(NOTE_ASSERTED_ASS);
    }
    assKnown.set(st, known);
  }
  const assComputedAt = (month: string) =>
    states.some(
      (st) =>
        toBoolean(st.values.get('ass_precondition_remplie')?.get(month) ?? false) === true &&
        !(assKnown.get(st)?.has(month) ?? false),
    );

  // AF: OpenFisca counts min(af_base, af) in the RSA/PPA resources; af_base alone stands for the AF counted.
  if (afBase) {
    given.set('AF_BASE', new Set(afBase.keys()));
    const af = given.get('AF') ?? new Set<string>();
    const only = new Map<string, number>();
    for (const [m, v] of afBase) {
      if (!af.has(m)) only.set(m, v);
      else {
        const row = prestations.get(m);
        if (row) row.AF = Math.min(row.AF ?? 0, v);
      }
    }
    addPrestation('AF', only);
  }

  // Values checked once, whatever the month.
  for (const st of states) {
    for (const v of (st.values.get('activite') ?? new Map()).values()) {
      const a = activiteName(v);
      if (a === null) c.issue(`entrée illisible : activite « ${show(v)} »`);
      // OpenFisca's C2S deducts 30 % of the earnings of a person out of work: not described by our model.
      else if (a === 'chomeur') c.issue('entrée non modélisée : activite chomeur (abattement C2S)', ['c2s']);
    }
    for (const v of (st.values.get('nationalite') ?? new Map()).values())
      if (nationaliteOf(v) === null) c.issue(`entrée illisible : nationalite « ${show(v)} »`);
  }
  for (const v of (menageValues.get('statut_occupation_logement') ?? new Map()).values())
    if (statutName(v) === null) c.issue(`entrée illisible : statut_occupation_logement « ${show(v)} »`);
  for (const v of (menageValues.get('depcom') ?? new Map()).values())
    if (depcomText(v) === null) c.issue(`entrée illisible : depcom « ${show(v)} »`);

  const flagAt = (values: Map<string, Map<string, unknown>>, name: string, month: string): boolean | undefined => {
    const v = values.get(name)?.get(month);
    if (v === undefined) return undefined;
    return toBoolean(v) ?? undefined;
  };
  const numberAt = (values: Map<string, Map<string, unknown>>, name: string, month: string): number | undefined => {
    const v = values.get(name)?.get(month);
    if (v === undefined) return undefined;
    return toNumber(v) ?? undefined;
  };

  // en_couple given explicitly must agree with the family's composition (our model reads the parents).
  for (const v of (familleValues.get('en_couple') ?? new Map()).values())
    if ((toBoolean(v) ?? false) !== (parents.length === 2))
      c.issue('entrée non modélisée : en_couple contraire à la composition de la famille');

  // ppa_eligibilite imposed true only restates what OpenFisca would find for adults of 18 or more,
  // French or EEA, not students: accepted then; otherwise the case no longer tests the PPA conditions.
  const ppaForced = familleValues.get('ppa_eligibilite');
  if (ppaForced) {
    const redundant = [...ppaForced.entries()].every(([m, v]) => {
      if (toBoolean(v) !== true) return false;
      return states
        .filter((s) => s.role !== 'enfant')
        .every((s) => {
          const nat = nationaliteOf(s.values.get('nationalite')?.get(m) ?? 'FR');
          const etudiant =
            flagAt(s.values, 'etudiant', m) === true || activiteName(s.values.get('activite')?.get(m)) === 'etudiant';
          return nat !== 'HORS_UE' && nat !== null && !etudiant && ageAt(s.birth, `${m}-01`) >= 18;
        });
    });
    if (!redundant) c.issue("entrée non modélisée : ppa_eligibilite (résultat intermédiaire d'OpenFisca imposé)");
  }

  const cache = new Map<string, Situation>();
  const statutAt = (month: string) =>
    statutName(menageValues.get('statut_occupation_logement')?.get(month)) ?? 'non_renseigne';

  // Yearly tax figures: the RFR when given; otherwise, as OpenFisca computes them from the incomes
  // and these default to 0, zero for a year without any income given, unknown (null) for a year
  // with incomes (OpenFisca would derive them through the income tax, which we do not model).
  const incomeYears = new Set<string>();
  for (const st of states)
    for (const r of [st.ressources, st.brutes])
      for (const [m, byNature] of r)
        if (Object.values(byNature).some((v) => (v ?? 0) !== 0)) incomeYears.add(m.slice(0, 4));
  for (const st of states)
    for (const byMonth of st.chomageBrut.values())
      for (const [m, v] of byMonth) if (v !== 0) incomeYears.add(m.slice(0, 4));
  for (const st of states)
    for (const byMonth of [...st.retraiteBrut.values(), st.salaireBrut, st.autresRevenus])
      for (const [m, v] of byMonth) if (v !== 0) incomeYears.add(m.slice(0, 4));
  const stateOf = new Map(states.map((st) => [st.input.id, st]));
  // A person's incomes of a year: for each month and nature, the largest of the amounts given (net, gross, taxable).
  const incomeOf = (st: PersonState, year: string): number => {
    const byMonth = new Map<string, Map<string, number>>();
    const put = (m: string, nature: string, v: number) => {
      if (!m.startsWith(`${year}-`)) return;
      const row = byMonth.get(m) ?? new Map<string, number>();
      row.set(nature, Math.max(row.get(nature) ?? 0, Math.abs(v)));
      byMonth.set(m, row);
    };
    for (const r of [st.ressources, st.brutes])
      for (const [m, byNature] of r) for (const [n, v] of Object.entries(byNature)) put(m, n, v ?? 0);
    for (const [m, v] of st.salaireBrut) put(m, 'SALAIRE', v);
    for (const s of st.chomageBrut.values()) for (const [m, v] of s) put(m, 'ALLOCATION_CHOMAGE', v);
    for (const s of st.retraiteBrut.values()) for (const [m, v] of s) put(m, 'PENSION_RETRAITE', v);
    for (const [m, v] of st.autresRevenus) put(m, 'AUTRE', v);
    let t = 0;
    let salaires = 0;
    for (const [m, row] of byMonth)
      for (const [nature, v] of row) {
        // A wage derived from the gross one counts for its taxable amount, not the gross; only these known taxable
        // amounts take the deduction below (a net wage given stays as it is: it exceeds its taxable amount less 10 %).
        const imposable = nature === 'SALAIRE' ? st.salaireImposable.get(m) : undefined;
        t += imposable ?? v;
        salaires += imposable ?? 0;
      }
    // Taxable wages less the 10 % deduction for professional costs, within its cap (CGI art. 83 3°), when described.
    try {
      const d = `${year}-01-01`;
      t -= Math.min(
        valueAt(fiscal.deductionFraisProfessionnelsTaux, d) * salaires,
        valueAt(fiscal.deductionFraisProfessionnelsPlafond, d),
      );
    } catch (e) {
      if (!(e instanceof UnknownParameterError)) throw e;
    }
    return t;
  };
  // OpenFisca puts every person in one tax household when the test describes none.
  const everyone: GroupInput = { id: '', roles: { declarants: world.persons.map((p) => p.id) }, vars: {} };
  const taxHouseholdOf = (st: PersonState, year: string): TaxHousehold | null => {
    const g =
      world.foyers.length === 0
        ? everyone
        : world.foyers.find((f) => Object.values(f.roles).some((ids) => ids.includes(st.input.id)));
    if (!g) return null;
    // Parts: two for two declarants said married or PACS in the test (OpenFisca derives the parts from statut_marital),
    // else one: a lower bound either way (children add parts).
    const declarants = g === everyone ? [] : (g.roles.declarants ?? []);
    const couple =
      declarants.length === 2 &&
      declarants.every((id) => {
        const v = byId.get(id)?.vars.statut_marital;
        return v !== undefined && v.length > 0 && v.every((e) => MARIES_OU_PACSES.has(String(e.value)));
      });
    const parts = couple ? 2 : 1;
    const given = rfrByFoyer.get(g)?.get(year);
    if (given !== undefined) return { rfr: given, parts };
    let bound = 0;
    for (const id of Object.values(g.roles).flat()) {
      const member = stateOf.get(id);
      if (!member) return null;
      bound += incomeOf(member, year);
    }
    return { rfr: bound, parts };
  };
  for (const st of states) deriveNetUnemployment(st, c, (year) => taxHouseholdOf(st, year));
  for (const st of states) deriveNetPension(st, c, (year) => taxHouseholdOf(st, year), notes);

  // The net taxable income of a year with incomes, not given: an upper bound, the sum of the family's incomes that
  // year (the ARS reads it; a bound under its ceiling decides as the exact figure would, see checks.ts).
  const rniBounded = new Set<string>();
  const rniBound = (year: string): number => {
    rniBounded.add(year);
    return Math.round(states.reduce((t, st) => t + incomeOf(st, year), 0) * 100) / 100;
  };
  const taxYears = (month: string) => {
    const out: Record<string, { revenuFiscalReference: number | null; revenuNetImposable: number | null }> = {};
    const last = Number(month.slice(0, 4));
    const years = new Set([...rfr.keys(), ...rni.keys(), ...Array.from({ length: 4 }, (_, i) => String(last - 3 + i))]);
    for (const y of [...years].sort()) {
      const income = incomeYears.has(y);
      out[y] = {
        revenuFiscalReference: rfr.get(y) ?? (income ? null : 0),
        revenuNetImposable: rni.get(y) ?? (income ? rniBound(y) : 0),
      };
    }
    return out;
  };

  const baseSituationAt = (month: string): Situation => {
    const hit = cache.get(month);
    if (hit) return hit;
    const persons: Person[] = states.map((st, i) => {
      const nat = st.values.get('nationalite')?.get(month);
      let nationalite: Nationalite = nat === undefined ? 'FR' : (nationaliteOf(nat) ?? 'FR');
      if (nat === undefined && flagAt(st.values, 'ressortissant_eee', month) === false) nationalite = 'HORS_UE';
      const duree = numberAt(st.values, 'duree_possession_titre_sejour', month);
      const etudiant =
        flagAt(st.values, 'etudiant', month) === true ||
        activiteName(st.values.get('activite')?.get(month)) === 'etudiant';
      const heures = flagAt(st.values, 'rsa_jeune_condition_heures_travail_remplie', month);
      const inapte = flagAt(st.values, 'inapte_travail', month);
      const taux = numberAt(st.values, 'taux_incapacite', month);
      const scolarite = st.values.get('scolarite')?.get(month);
      const obligation = flagAt(st.values, 'rempli_obligation_scolaire', month);
      const scolarise = obligation ?? (typeof scolarite === 'string' && scolarite !== 'inconnue' ? true : undefined);
      // Gross amounts where the test gives them, the other resources as they are (our ASPA reads
      // ressourcesBrutes instead of ressources when present).
      const brutes = st.brutes.size > 0 ? toRecord(mergeGross(st.ressources, st.brutes)) : {};
      return {
        key: `${key}:${st.input.id}`,
        identite: { nir: null, nom: `PERSONNE ${i + 1}`, prenoms: st.input.id },
        role: st.role,
        dateNaissance: st.birth,
        dateEntree: null,
        dateSortie: null,
        nationalite,
        titreSejourDepuis: duree === undefined ? null : `${addMonths(month, -Math.round(duree * 12))}-01`,
        etudiant,
        grossesse: flagAt(st.values, 'enceinte', month) === true,
        ressources: toRecord(st.ressources),
        ...(Object.keys(brutes).length > 0 ? { ressourcesBrutes: brutes } : {}),
        ...(heures === undefined ? {} : { heuresRsaJeuneRemplies: heures }),
        ...(inapte === undefined ? {} : { inapte }),
        ...(taux === undefined ? {} : { tauxIncapacite: taux }),
        ...(scolarise === undefined ? {} : { scolarise }),
      };
    });
    const statut = statutAt(month);
    if (statut === 'non_renseigne') notes.add(NOTE_NON_RENSEIGNE);
    const depcom = depcomText(menageValues.get('depcom')?.get(month));
    // OpenFisca's overseas flags, when the commune is not given.
    const overseas = Object.entries(OVERSEAS).find(([flag]) => flagAt(menageValues, flag, month) === true)?.[1];
    const experimentation = flagAt(familleValues, 'departement_experimentation_rsa', month);
    // OpenFisca's formulas from 2024-10 use M-4..M-2 only behind departement_experimentation_rsa
    // (default false), M-3..M-1 otherwise, even after the 2025-03 generalisation (RULES §7.3 n° 1):
    // the rule is stated explicitly, as our model allows, so that the rights compute OpenFisca's
    // case. Before 2024-10 the flag has no effect in OpenFisca and the law's rule is M-3..M-1.
    let moisDeReference: Situation['moisDeReference'];
    if (month >= '2024-10') {
      if (experimentation === true) moisDeReference = 'M-4..M-2';
      else {
        moisDeReference = 'M-3..M-1';
        notes.add(NOTE_REFERENCE_MONTHS);
      }
    }
    const alsace = states.some((st) => flagAt(st.values, 'salarie_regime_alsace_moselle', month) === true);
    const s: Situation = {
      householdKey: key,
      source: 'caf',
      ...(moisDeReference ? { moisDeReference } : {}),
      // OpenFisca knows every month: an input not given for the month is 0.
      ressourcesConnuesJusqua: month,
      isolementRecent: flagAt(familleValues, 'rsa_isolement_recent', month) ?? false,
      ...(alsace ? { alsaceMoselle: true } : {}),
      revenusFiscaux: taxYears(month),
      couple: parents.length === 2,
      dateSituation: null,
      logement: LOGEMENT[statut as keyof typeof LOGEMENT] ?? 'LOCATAIRE',
      codeCommune: depcom,
      departement: depcom ? departementOf(depcom) : (overseas ?? null),
      persons,
      prestations: Object.fromEntries([...prestations.entries()].sort(([a], [b]) => a.localeCompare(b))),
      contacts: { email: null, phone: null, postal: null },
      provenance: {},
    };
    cache.set(month, s);
    return s;
  };

  // ASPA: OpenFisca computes it for an adult of 65 or more when the test does not give it; our rule for the ASPA
  // (the law, rights/aspa.ts) computes it instead, from the same situation, and its amount stands for the ASPA paid.
  const aspaGiven = given.get('ASPA') ?? new Set<string>();
  const aspaCache = new Map<string, number | null>();
  const aspaAt = (month: string): number | null => {
    if (aspaGiven.has(month)) return null;
    const hit = aspaCache.get(month);
    if (hit !== undefined) return hit;
    let v: number | null = null;
    try {
      const asOf = `${month}-01`;
      const ageMin = valueAt(aspaParameters.ageMinimum, asOf);
      if (states.some((st) => st.role !== 'enfant' && ageAt(st.birth, asOf) >= ageMin)) {
        const r = computeAspa(baseSituationAt(month), asOf);
        if (r.status === 'eligible') v = r.amount;
        else if (r.status === 'not_eligible') v = 0;
      }
    } catch (e) {
      if (!(e instanceof UnknownParameterError)) throw e;
    }
    aspaCache.set(month, v);
    return v;
  };
  // AF: OpenFisca computes them for two children or more when the test does not give them; the law's amount
  // (allocations-familiales.ts) stands for the AF paid, when the inputs decide it: metropolitan France, children
  // without income of their own (à charge), resources of N-2 (or their bound) under the full-rate ceiling.
  const afGiven = given.get('AF') ?? new Set<string>();
  const afCache = new Map<string, number | null>();
  const afAt = (month: string): number | null => {
    if (afGiven.has(month)) return null;
    const hit = afCache.get(month);
    if (hit !== undefined) return hit;
    let v: number | null = null;
    const children = states.filter((st) => st.role === 'enfant');
    const withIncome = children.some((st) =>
      [...st.ressources].some(([m, r]) => m <= month && Object.values(r).some((x) => (x ?? 0) !== 0)),
    );
    const dom = baseSituationAt(month).departement?.startsWith('97') ?? false;
    if (children.length >= 2 && !withIncome && !dom) {
      const y = String(Number(month.slice(0, 4)) - 2);
      try {
        v = allocationsFamiliales({
          month,
          naissances: children.map((st) => st.birth),
          ressourcesN2: rni.get(y) ?? (incomeYears.has(y) ? rniBound(y) : 0),
        });
      } catch (e) {
        if (!(e instanceof UnknownParameterError)) throw e;
      }
    }
    afCache.set(month, v);
    return v;
  };

  /** Benefits computed by our rules where the test does not give them (OpenFisca computes them too). */
  const computed: readonly { code: string; note: string; at: (month: string) => number | null }[] = [
    { code: 'ASPA', note: NOTE_COMPUTED_ASPA, at: aspaAt },
    { code: 'AF', note: NOTE_COMPUTED_AF, at: afAt },
  ];
  const withComputed = new Map<string, Situation>();
  /** The situation of a month, with the benefits computed for the months the rights read (M-13..M). */
  const situationAt = (month: string): Situation => {
    const hit = withComputed.get(month);
    if (hit) return hit;
    const s = baseSituationAt(month);
    const extra: Record<string, Record<string, number>> = {};
    for (let i = -13; i <= 0; i++) {
      const m = addMonths(month, i);
      for (const { code, note, at } of computed) {
        const v = at(m);
        if (v === null) continue;
        extra[m] = { ...(s.prestations?.[m] ?? {}), ...(extra[m] ?? {}), [code]: v };
        notes.add(note);
      }
    }
    let out = s;
    if (Object.keys(extra).length > 0) {
      const prestations = Object.fromEntries(
        Object.entries({ ...(s.prestations ?? {}), ...extra }).sort(([a], [b]) => a.localeCompare(b)),
      );
      out = { ...s, prestations };
    }
    withComputed.set(month, out);
    return out;
  };

  return {
    label: famille.id,
    issues: c.issues,
    notes,
    situationAt,
    givenAt: (code, month) =>
      (given.get(code)?.has(month) ?? false) || computed.some((k) => k.code === code && k.at(month) !== null),
    loyerAt: (month) => loyer.get(month) ?? 0,
    statutAt,
    participationFraisAt: (month) => flagAt(menageValues, 'participation_frais', month) === true,
    inputMonths: (variable) => inputMonths.get(variable) ?? new Set(),
    assComputedAt,
    rniBoundedIn: (year) => rniBounded.has(year),
  };
}
