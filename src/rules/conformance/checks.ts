import { UnknownParameterError } from '../../errors.ts';
import type { Person, RightResult, Situation } from '../../model.ts';
import { addMonths, ageAt, endOfMonth, latestBirth } from '../dates.ts';
import { common } from '../parameters/common.ts';
import { ppa as ppaParameters } from '../parameters/ppa.ts';
import { type Series, valueAt } from '../parameters/series.ts';
import { computeArs } from '../rights/ars.ts';
import { moisDeReference as c2sReferenceMonths } from '../rights/c2s.ts';
import { computePpa } from '../rights/ppa.ts';
import { type MappedHousehold, NOTE_RNI_BOUND, type RightId, TENANT_LIKE } from './mapper.ts';

/**
 * Per-month reasons not to compare a right: a benefit OpenFisca would compute because the
 * test does not give it, or a documented divergence between our rules (the law) and
 * OpenFisca (RULES.md §7.3) that the inputs make matter. Detected from the inputs only.
 */

export const COMPUTED_PREFIX = 'prestation calculée par OpenFisca, absente des entrées : ';
export const DIVERGENCE_PREFIX = 'divergence documentée : ';

const AL_CODES = ['AL', 'APL', 'ALF', 'ALS'] as const;

function months(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The reference months our RSA/PPA use for a claim month (RULES §1.4). */
export function ourReferenceMonths(month: string, rule: Situation['moisDeReference']): string[] {
  const lag = rule === 'M-4..M-2' ? 4 : rule === 'M-3..M-1' ? 3 : month >= '2025-03' ? 4 : 3;
  return [addMonths(month, -lag), addMonths(month, -lag + 1), addMonths(month, -lag + 2)];
}

/** Age on the first day of a month, as OpenFisca's `age`. */
function ageIn(p: Person, month: string): number {
  return ageAt(p.dateNaissance, `${month}-01`);
}

function bornBy(p: Person, month: string): boolean {
  return latestBirth(p.dateNaissance) <= endOfMonth(month);
}

/**
 * Months for which OpenFisca reads the benefits of a right (computing those not given): the
 * RSA counts the family benefits, the housing aid and the ASPA of the month itself (AAH of the
 * reference months, checked apart); the PPA those of each reference month (the same as ours, see
 * the mapping of departement_experimentation_rsa) and of the month; the C2S those of the 12
 * months M-12..M-1. Months read only by our rules are the subject of the divergences n° 3 and 9.
 */
function benefitWindow(right: RightId, month: string, rule: Situation['moisDeReference']): string[] {
  if (right === 'rsa') return [month];
  if (right === 'ppa') return [...ourReferenceMonths(month, rule), month];
  if (right === 'c2s') return months(addMonths(month, -12), addMonths(month, -1));
  if (right === 'aspa') return [month];
  return [];
}

/** Outputs that are resources counted, not amounts: the housing aid does not enter them. */
const RESOURCES_ONLY = new Set(['rsa_base_ressources']);

/**
 * A benefit OpenFisca computes by itself when the test does not give it, and that the right
 * counts: family benefits (from the children), housing aid (from the rent), AAH, ASPA.
 */
export function computedBenefit(h: MappedHousehold, right: RightId, month: string, variable = ''): string | null {
  // The resources counted never include the housing aid (only the forfait logement does, R262-9/10).
  const housingAidMatters = !RESOURCES_ONLY.has(variable);
  const s = h.situationAt(month);
  const window = benefitWindow(right, month, s.moisDeReference);
  if (window.length === 0) return null;
  const children = s.persons.filter((p) => p.role === 'enfant');
  const adults = s.persons.filter((p) => p.role !== 'enfant');
  const dom = s.departement?.startsWith('97') ?? false;
  // ASI: OpenFisca grants it to a person under the ASPA age with an invalidity pension.
  const asi = adults.some(
    (p) => ageIn(p, month) < 65 && (p.ressources[addMonths(month, -1)]?.PENSION_INVALIDITE ?? 0) > 0,
  );
  if (asi && !h.givenAt('ASI', month)) return `${COMPUTED_PREFIX}asi`;
  // ASS: counted in the resources of the reference months (RSA, PPA), of the 12 months (C2S), of the 3 months
  // before (ASPA).
  const assMonths =
    right === 'c2s'
      ? window
      : right === 'aspa'
        ? [addMonths(month, -3), addMonths(month, -2), addMonths(month, -1), month]
        : [...ourReferenceMonths(month, s.moisDeReference), month];
  if (assMonths.some((m) => h.assComputedAt(m))) return `${COMPUTED_PREFIX}ass`;
  if (right === 'aspa') return null;
  // AAH: OpenFisca computes it for an incapacity rate of 50 % or more (RSA, PPA: reference months).
  const aahMonths = right === 'c2s' ? window : [...ourReferenceMonths(month, s.moisDeReference), month];
  if (s.persons.some((p) => (p.tauxIncapacite ?? 0) >= 0.5) && aahMonths.some((m) => !h.givenAt('AAH', m)))
    return `${COMPUTED_PREFIX}aah`;
  for (const m of window) {
    const kids = children.filter((p) => bornBy(p, m));
    const under20 = kids.filter((p) => ageIn(p, m) < 20).length;
    if (under20 >= (dom ? 1 : 2) && !h.givenAt('AF', m)) return `${COMPUTED_PREFIX}af`;
    if (kids.filter((p) => ageIn(p, m) >= 3 && ageIn(p, m) < 21).length >= 3 && !h.givenAt('CF', m))
      return `${COMPUTED_PREFIX}cf`;
    if (kids.some((p) => ageIn(p, m) < 3) && !h.givenAt('PAJE_BASE', m)) return `${COMPUTED_PREFIX}paje_base`;
    if (!s.couple && under20 >= 1 && !h.givenAt('ASF', m)) return `${COMPUTED_PREFIX}asf`;
    if (
      housingAidMatters &&
      h.loyerAt(m) > 0 &&
      TENANT_LIKE.has(h.statutAt(m)) &&
      !AL_CODES.some((c) => h.givenAt(c, m))
    )
      return `${COMPUTED_PREFIX}aide_logement`;
    if (adults.some((p) => ageIn(p, m) >= 65) && !h.givenAt('ASPA', m)) return `${COMPUTED_PREFIX}aspa`;
  }
  return null;
}

function residenceOk(p: Person, month: string): boolean {
  if (p.nationalite !== 'HORS_UE') return true;
  return p.titreSejourDepuis !== null && ageAt(p.titreSejourDepuis, `${month}-01`) >= 5;
}

function familyBenefits(s: Situation, m: string, withAl: boolean): string {
  const row = s.prestations?.[m] ?? {};
  const al = withAl ? AL_CODES.reduce((t, c) => t + (row[c] ?? 0), 0) : 0;
  // OpenFisca's RSA also reads the ASPA of the month M only (minima sociaux of the month).
  return JSON.stringify([al, row.AF ?? 0, row.CF ?? 0, row.PAJE_BASE ?? 0, row.ASF ?? 0, row.ASPA ?? 0]);
}

function dependants(s: Situation, date: string): number {
  return s.persons.filter(
    (p) => p.role === 'enfant' && latestBirth(p.dateNaissance) <= date && ageAt(p.dateNaissance, date) < 25,
  ).length;
}

function resourcesTotal(s: Situation, ms: readonly string[]): number {
  let t = 0;
  for (const m of ms) {
    for (const p of s.persons) for (const v of Object.values(p.ressources[m] ?? {})) t += v ?? 0;
    for (const v of Object.values(s.prestations?.[m] ?? {})) t += v;
  }
  return t;
}

const C2S_BRACKETS = [30, 50, 60, 70];
const bracket = (age: number) => C2S_BRACKETS.filter((a) => age >= a).length;

/**
 * The PPA parameters our rule reads in the month the prime is due (ppa.ts) and OpenFisca in each reference
 * month (`ppa_fictive`); the SMIC is read in each reference month by both.
 */
const PPA_CLAIM_MONTH_PARAMETERS: readonly Series<number>[] = [
  ppaParameters.montantDeBase,
  ppaParameters.tauxDeuxiemePersonne,
  ppaParameters.tauxPersonneSupplementaire,
  ppaParameters.tauxTroisiemePersonneACharge,
  ppaParameters.tauxMajorationIsolement,
  ppaParameters.tauxMajorationIsolementParEnfant,
  ppaParameters.tauxRevenusActivite,
  ppaParameters.seuilBonification,
  ppaParameters.seuilBonificationMaximale,
  ppaParameters.tauxBonificationMaximale,
  ppaParameters.tauxForfaitLogement1Personne,
  ppaParameters.tauxForfaitLogement2Personnes,
  ppaParameters.tauxForfaitLogement3PersonnesOuPlus,
  ppaParameters.seuilAahActivite,
];

/** Whether a parameter has another value in one of the months (a month without value is not compared). */
function changesWithin(s: Series<number>, month: string, others: readonly string[]): boolean {
  const at = (m: string): number | null => {
    try {
      return valueAt(s, `${m}-01`);
    } catch (e) {
      if (e instanceof UnknownParameterError) return null;
      throw e;
    }
  };
  const now = at(month);
  return (
    now !== null &&
    others.some((m) => {
      const v = at(m);
      return v !== null && v !== now;
    })
  );
}

export const DIVERGENCE_PPA_PARAMETERS = `${DIVERGENCE_PREFIX}RULES §7.3 n° 2-3 (OpenFisca lit les montants et taux de la PPA dans chaque mois de référence, le droit dans le mois dû : revalorisation dans le trimestre)`;

/**
 * The result under OpenFisca's reading of the parameters, when it may differ from ours: the PPA when one of its
 * amounts or rates changes between a reference month and the month due. The runner compares both results and
 * skips the case as a divergence when they differ beyond the case's margin.
 */
export function openFiscaReading(right: RightId, s: Situation, month: string): RightResult | null {
  if (right !== 'ppa') return null;
  const ref = ourReferenceMonths(month, s.moisDeReference);
  if (!PPA_CLAIM_MONTH_PARAMETERS.some((p) => changesWithin(p, month, ref))) return null;
  return computePpa(s, `${month}-01`, 'mois_de_reference');
}

/** A documented divergence (RULES §7.3) that the inputs make matter for this right and month. */
export function divergence(h: MappedHousehold, right: RightId, variable: string, month: string): string | null {
  const s = h.situationAt(month);
  const adults = s.persons.filter((p) => p.role !== 'enfant');
  const asOf = `${month}-01`;
  const isolatedParent = !s.couple && (adults.some((p) => p.grossesse) || dependants(s, asOf) > 0);
  const majorable =
    isolatedParent &&
    (adults.some((p) => p.grossesse) ||
      s.isolementRecent === true ||
      s.persons.some((p) => p.role === 'enfant' && bornBy(p, month) && ageIn(p, month) < 3));
  if (right === 'rsa') {
    const ref = ourReferenceMonths(month, s.moisDeReference);
    const withAl = !RESOURCES_ONLY.has(variable);
    const now = familyBenefits(s, month, withAl);
    if (ref.some((m) => familyBenefits(s, m, withAl) !== now))
      return `${DIVERGENCE_PREFIX}RULES §7.3 n° 3 (OpenFisca applique au trimestre l'aide au logement et les prestations du mois M)`;
    if (ref.some((m) => dependants(s, endOfMonth(m)) !== dependants(s, asOf)))
      return `${DIVERGENCE_PREFIX}RULES §7.3 n° 3 (OpenFisca applique au trimestre la composition du mois M)`;
    const failing = adults.filter((p) => !residenceOk(p, month)).length;
    if ((s.couple && failing === 1) || (majorable && failing > 0))
      return `${DIVERGENCE_PREFIX}RULES §7.3 n° 4 (titre de séjour : un parent suffit, pas d'exception pour le RSA majoré)`;
    if (majorable && adults.every((p) => p.etudiant))
      return `${DIVERGENCE_PREFIX}RULES §7.3 n° 5 (étudiant parent isolé)`;
    const young = adults.some((p) => p.heuresRsaJeuneRemplies === true && ageAt(p.dateNaissance, asOf) === 18);
    if (young && !adults.some((p) => ageAt(p.dateNaissance, asOf) >= 25) && dependants(s, asOf) === 0 && !majorable)
      return `${DIVERGENCE_PREFIX}RULES §7.3 n° 6 (RSA jeune à 18 ans)`;
  }
  if (right === 'ppa') {
    // L842-2 CSS: 18 years at the date of the right (ppa.ts); OpenFisca tests the age in each reference month.
    const ageMin = valueAt(ppaParameters.ageMinimum, asOf);
    const adultIn = (m: string) => adults.some((p) => ageIn(p, m) >= ageMin);
    if (adultIn(month) && ourReferenceMonths(month, s.moisDeReference).some((m) => !adultIn(m)))
      return `${DIVERGENCE_PREFIX}âge minimal de la PPA (L842-2 CSS) : atteint à la date du droit, OpenFisca l'exige dans chaque mois de référence`;
  }
  if (right === 'rsa' || right === 'ppa') {
    // RULES §7.3 n° 12: our rules count the AF and CF paid; OpenFisca only the AF base (no age majoration, from 14)
    // and the non-majoré CF. They differ when a child of 14 or more opens the majoration, or the CF paid is majoré.
    const window = [...ourReferenceMonths(month, s.moisDeReference), month];
    const afMajoree = window.some(
      (m) =>
        (s.prestations?.[m]?.AF ?? 0) > 0 &&
        s.persons.some(
          (p) => p.role === 'enfant' && bornBy(p, m) && ageIn(p, m) >= valueAt(common.ageMajorationAf, `${m}-01`),
        ),
    );
    if (afMajoree && !h.givenAt('AF_BASE', month))
      return `${DIVERGENCE_PREFIX}RULES §7.3 n° 12 (OpenFisca ne compte que la base des AF, sans la majoration pour âge)`;
    const cfMajore = window.some((m) => {
      const cf = s.prestations?.[m]?.CF ?? 0;
      if (cf <= 0 || `${m}-01` < (common.tauxComplementFamilialNonMajore.values[0]?.from ?? '')) return false;
      return cf > valueAt(common.tauxComplementFamilialNonMajore, `${m}-01`) * valueAt(common.bmaf, `${m}-01`) + 0.01;
    });
    if (cfMajore)
      return `${DIVERGENCE_PREFIX}RULES §7.3 n° 12 (OpenFisca ne compte que la part non majorée du complément familial)`;
    const statut = h.statutAt(month);
    const noAl = !AL_CODES.some((c) => (s.prestations?.[month]?.[c] ?? 0) > 0);
    if (
      noAl &&
      (((statut === 'proprietaire' || statut === 'primo_accedant') && h.loyerAt(month) > 0) ||
        (statut === 'loge_gratuitement' && h.participationFraisAt(month)))
    )
      return `${DIVERGENCE_PREFIX}RULES §7.3 n° 7 (forfait logement : propriétaire remboursant un prêt ou hébergé participant aux frais)`;
    const ref = ourReferenceMonths(month, s.moisDeReference);
    const childIncome = s.persons.some(
      (p) => p.role === 'enfant' && ref.some((m) => Object.values(p.ressources[m] ?? {}).some((v) => (v ?? 0) > 0)),
    );
    if (childIncome) return `${DIVERGENCE_PREFIX}RULES §7.3 n° 8 (enfant ayant des ressources)`;
  }
  if (right === 'ars') {
    const year = String(Number(month.slice(0, 4)) - 2);
    // A bound of the net taxable income (the sum of the incomes given) decides only when it is under the ceiling: the
    // ARS is then due in full (L543-1) whatever the exact income; above, the exact income would be needed.
    const arsDetails = h.rniBoundedIn(year) ? computeArs(s, asOf) : null;
    const over =
      arsDetails?.status === 'eligible' || arsDetails?.status === 'not_eligible'
        ? Number(arsDetails.details?.depassement ?? 0) > 0
        : arsDetails !== null;
    if (s.revenusFiscaux?.[year]?.revenuNetImposable === null || over)
      return "entrée non modélisée : revenu net imposable de l'année N-2 (calculé par OpenFisca à partir des revenus donnés)";
    if (arsDetails) h.notes.add(NOTE_RNI_BOUND);
  }
  if (right === 'c2s') {
    if (month >= '2025-04') return `${DIVERGENCE_PREFIX}RULES §7.3 n° 9 (plafonds C2S 2025 absents d'OpenFisca)`;
    const ours = resourcesTotal(s, c2sReferenceMonths(month));
    const theirs = resourcesTotal(s, months(addMonths(month, -12), addMonths(month, -1)));
    if (Math.abs(ours - theirs) > 0.005)
      return `${DIVERGENCE_PREFIX}RULES §7.3 n° 9 (ressources des 12 mois M-12..M-1 pour OpenFisca, M-13..M-2 en droit)`;
    if (variable === 'css_participation_forfaitaire') {
      const jan = `${month.slice(0, 4)}-01`;
      if (s.persons.some((p) => bracket(ageIn(p, month)) !== bracket(ageIn(p, jan))))
        return `${DIVERGENCE_PREFIX}RULES §7.3 n° 9 (participation selon l'âge courant pour OpenFisca, au 1er janvier en droit)`;
    }
  }
  return null;
}
