import type {
  BreakdownLine,
  NatureRessource,
  Person,
  RightResult,
  Situation,
  StatutLogement,
  UnmetCondition,
} from '../../model.ts';
import { NATURES_ACTIVITE } from '../../model.ts';
import { addMonths, ageAt, endOfMonth, frenchMonth, latestBirth, monthOf } from '../dates.ts';
import { euros, roundCents } from '../money.ts';
import { common } from '../parameters/common.ts';
import { ppa as P } from '../parameters/ppa.ts';
import { valueAt } from '../parameters/series.ts';
import { differentialResult, inScope, outOfScope } from '../results.ts';
import type { RightDefinition } from '../right.ts';
import { referenceMonths } from './rsa.ts';

/**
 * Prime d'activité (CSS L841-1 s., R843-1, D843-1 s., R844-1 s.; RULES.md §2).
 *
 * Dates of the parameters: the amounts, rates and thresholds in hours are those in force in the month the prime is
 * due (the claim or review month M: each revaluation or reform decree applies to the primes due from its date, and
 * rsa.ts reads its lump sum the same way); the SMIC that turns those hours into euros is the one in force in each
 * reference month (the income of a month is measured against that month's SMIC).
 * ⚠ OpenFisca reads every parameter in the reference month itself (`ppa_fictive` of that month): the two differ
 * when a revaluation or reform falls inside the quarter (RULES.md §7.3 2–3).
 */

/** CAF benefits counted in full as other resources (RULES.md §2.2, as for the RSA §1.5). */
// ⚠ AF and CF counted as paid (the sources do not split them); OpenFisca counts the AF base and the non-majoré CF only
// (RULES.md §7.3 12: to confirm against CAF practice).
const PRESTATIONS_COMPTEES = ['AF', 'CF', 'PAJE_BASE', 'ASI', 'ASPA'] as const;
const AIDES_LOGEMENT = ['AL', 'ALF', 'APL', 'ALS'] as const;
const NATURES_AUTRES: readonly NatureRessource[] = [
  'ALLOCATION_CHOMAGE',
  'PENSION_RETRAITE',
  'PENSION_INVALIDITE',
  'AUTRE_REVENU_REMPLACEMENT',
  'PENSION_ALIMENTAIRE',
  'REVENU_CAPITAL',
];

/**
 * Reference months of a claim or review month (R843-1 I CSS, décret 2025-185): the law's default (M-4..M-2 from
 * March 2025, M-3..M-1 before — rsa.ts `referenceMonths`), unless the payer says which rule applies to the household
 * (an experiment département in 2024-10..2025-02, an MSA claimant not yet switched).
 */
export function ppaReferenceMonths(
  claimMonth: string,
  override?: Situation['moisDeReference'],
): [string, string, string] {
  if (override === undefined) return referenceMonths(claimMonth);
  const lag = override === 'M-4..M-2' ? 4 : 3;
  return [addMonths(claimMonth, -lag), addMonths(claimMonth, -lag + 1), addMonths(claimMonth, -lag + 2)];
}

/**
 * Lump-sum rate of a household (D843-1 CSS): 1 for the claimant, +0.5 for the 2nd person (partner or first
 * dependant), +0.3 for each further dependant, +0.4 from the 3rd dependant on.
 */
export function tauxFoyerPpa(couple: boolean, dependants: number, date: string): number {
  const t2 = valueAt(P.tauxDeuxiemePersonne, date);
  const t3 = valueAt(P.tauxPersonneSupplementaire, date);
  const t40 = valueAt(P.tauxTroisiemePersonneACharge, date);
  let rate = 1 + (couple ? t2 : 0);
  for (let i = 1; i <= dependants; i++) rate += i >= 3 ? t40 : i === 1 && !couple ? t2 : t3;
  return rate;
}

/** Isolated-parent (or pregnant woman alone) lump-sum rate (D843-1 al. 2 CSS): 1.28412 + 0.42804 per dependant. */
export function tauxMajorePpa(dependants: number, date: string): number {
  return valueAt(P.tauxMajorationIsolement, date) + valueAt(P.tauxMajorationIsolementParEnfant, date) * dependants;
}

/**
 * Forfait logement of a household of `persons` (R844-3 CSS): 12 % / 16 % / 16.5 % of the non-majoré lump sum of
 * 1 / 2 / 3 persons (3 or more persons all use the 3-person lump sum).
 */
export function forfaitLogementPpa(persons: number, base: number, date: string): number {
  if (persons <= 1) return valueAt(P.tauxForfaitLogement1Personne, date) * base;
  if (persons === 2) return valueAt(P.tauxForfaitLogement2Personnes, date) * base * tauxFoyerPpa(true, 0, date);
  return valueAt(P.tauxForfaitLogement3PersonnesOuPlus, date) * base * tauxFoyerPpa(true, 1, date);
}

/**
 * The forfait logement actually deducted: capped at the housing aid received when there is one; the full forfait
 * for an owner without loan repayments or someone housed free; nothing for a tenant without housing aid.
 */
export function forfaitLogementRetenu(forfait: number, aideLogement: number, logement: StatutLogement): number {
  if (aideLogement > 0) return Math.min(aideLogement, forfait);
  // In-kind housing benefit (R844-3 CSS, like R262-9 CASF): only an owner without loan repayments or someone housed
  // free; ⚠ OpenFisca charges a "primo_accedant" unless a `loyer` is entered, and rsa.ts charges ACCEDANT.
  return logement === 'PROPRIETAIRE' || logement === 'HEBERGE_GRATUIT' ? forfait : 0;
}

/** Maximum individual bonus: 29.101 % (37.7 % from April 2026) of the base amount, rounded to the cent (D843-2 CSS). */
export function bonificationMaximale(base: number, date: string): number {
  // The published maximum (184.27 € in 2025) is the rounded product; OpenFisca rounds it the same way.
  return roundCents(valueAt(P.tauxBonificationMaximale, date) * base);
}

/**
 * Individual bonus of a worker with monthly activity income `revenu` (D843-2 CSS): nothing below 59 × SMIC_h, then
 * linear up to `bonusMax` at S × SMIC_h (120 h, 138 h from April 2026), `bonusMax` above.
 */
export function bonification(revenu: number, smicHoraire: number, bonusMax: number, date: string): number {
  const low = valueAt(P.seuilBonification, date) * smicHoraire;
  const high = valueAt(P.seuilBonificationMaximale, date) * smicHoraire;
  if (revenu <= low) return 0;
  return Math.min(bonusMax, (bonusMax * (revenu - low)) / (high - low));
}

/** Students, pupils, apprentices, interns: monthly activity income must exceed 0.55 × 169 h × SMIC_h (L842-2 CSS). */
export function plancherApprenant(smicHoraire: number, date: string): number {
  return valueAt(P.tauxPlancherApprenant, date) * valueAt(P.heuresPlancherApprenant, date) * smicHoraire;
}

/** Activity income from which a worker's AAH counts as activity income: 29 × SMIC_h (L842-8, D843-4 CSS). */
export function seuilAahActivite(smicHoraire: number, date: string): number {
  return valueAt(P.seuilAahActivite, date) * smicHoraire;
}

/**
 * The prime of one month (L842-3 CSS): `MF + α·RP + Σbonus − max(MF, RP + OR + FL)`, floored at 0 — R843-1 I
 * averages the "primes" of the three months, and a month whose resources exceed the guarantee gives no prime
 * (OpenFisca floors `ppa_fictive` the same way).
 */
export function primeDuMois(x: {
  montantForfaitaire: number;
  pente: number;
  revenusActivite: number;
  bonification: number;
  autresRessources: number;
  forfaitLogement: number;
}): number {
  return Math.max(0, primeBrute(x));
}

function primeBrute(x: Parameters<typeof primeDuMois>[0]): number {
  const ressources = x.revenusActivite + x.autresRessources + x.forfaitLogement;
  return (
    x.montantForfaitaire + x.pente * x.revenusActivite + x.bonification - Math.max(x.montantForfaitaire, ressources)
  );
}

/** A nature's amount of a month, a negative monthly total taken as zero (R843-1 as amended by décret 2025-185). */
function amountOf(p: Person, month: string, nature: NatureRessource): number {
  const r = p.ressources[month];
  return r === undefined ? 0 : natureAmount(r, nature);
}

/** A nature's amount in a month's resources, a negative total taken as zero. */
function natureAmount(r: Partial<Record<NatureRessource, number>>, nature: NatureRessource): number {
  return Math.max(0, r[nature] ?? 0);
}

/**
 * Daily sickness allowances count as activity income during the first 3 months of the stoppage (R844-1 CSS); the
 * stoppage date is not known, so the run of consecutive months with allowances ending in `month` stands for it.
 * ⚠ Maternity/paternity allowances (always activity income) cannot be told apart in the sources.
 */
export function indemnitesCommeActivite(p: Person, month: string): boolean {
  const limit = valueAt(P.moisIndemnitesJournalieresActivite, month);
  let run = 0;
  while (run <= limit && amountOf(p, addMonths(month, -run), 'INDEMNITES_JOURNALIERES') > 0) run++;
  return run <= limit;
}

/** The sum of some natures of a month's resources (`natureAmount` each). */
function sumOf(r: Partial<Record<NatureRessource, number>>, natures: readonly NatureRessource[]): number {
  let total = 0;
  for (const n of natures) total += natureAmount(r, n);
  return total;
}

/** A person's activity income of a month (without AAH): wages, self-employment, IJ of the first 3 months. */
export function revenusActivitePersonne(p: Person, month: string): number {
  const r = p.ressources[month];
  if (r === undefined) return 0;
  const total = sumOf(r, NATURES_ACTIVITE);
  // Whether allowances count as activity income is asked only of a month that has some.
  const ij = natureAmount(r, 'INDEMNITES_JOURNALIERES');
  return ij > 0 && indemnitesCommeActivite(p, month) ? total + ij : total;
}

/** A person's other (non-activity) resources of a month. */
export function autresRessourcesPersonne(p: Person, month: string): number {
  const r = p.ressources[month];
  if (r === undefined) return 0;
  const total = sumOf(r, NATURES_AUTRES);
  const ij = natureAmount(r, 'INDEMNITES_JOURNALIERES');
  return ij > 0 && !indemnitesCommeActivite(p, month) ? total + ij : total;
}

function isPresent(p: Person, date: string): boolean {
  return (p.dateEntree === null || p.dateEntree <= date) && (p.dateSortie === null || p.dateSortie > date);
}

function residenceOk(p: Person, asOf: string): boolean {
  if (p.nationalite === null) return false;
  if (p.nationalite !== 'HORS_UE') return true;
  if (!p.titreSejourDepuis) return false;
  // Residence permit allowing work held for 5 years (L842-2 2° CSS).
  return ageAt(p.titreSejourDepuis, asOf) >= valueAt(P.dureeTitreSejourNonEee, asOf);
}

interface MonthFigures {
  month: string;
  personnes: number;
  majore: boolean;
  montantForfaitaire: number;
  revenusActivite: number;
  bonification: number;
  forfaitLogement: number;
  autresRessources: number;
  /** Before the floor at 0. */
  brut: number;
  montant: number;
}

/**
 * Which month the amounts and rates are read in: the month the prime is due (the law, see the top of this file), or
 * each reference month as OpenFisca does — only to measure that divergence (conformance runner, RULES.md §7.3 2–3).
 */
export type LecturePpa = 'mois_du' | 'mois_de_reference';

/** Everything computed for one household: the pure core of the prime d'activité. */
export function computePpa(s: Situation, asOf: string, lecture: LecturePpa = 'mois_du'): RightResult {
  const claimMonth = monthOf(asOf);
  const period = claimMonth;
  const months = ppaReferenceMonths(claimMonth, s.moisDeReference);

  if (!inScope(s)) return outOfScope(s, period, "la prime d'activité", 'barème');
  const logement = s.logement;
  const prestations = s.prestations;

  // R843-1 II: the partner at the claim date counts for the whole quarter, a former partner not at all.
  const adults = s.persons.filter((p) => (p.role === 'demandeur' || p.role === 'conjoint') && isPresent(p, asOf));
  const couple = s.couple && adults.length >= 2;
  const dependantsAt = (date: string) =>
    s.persons.filter(
      (p) =>
        (p.role === 'enfant' || p.role === 'autre_a_charge') &&
        isPresent(p, date) &&
        latestBirth(p.dateNaissance) <= date &&
        ageAt(p.dateNaissance, date) < valueAt(P.ageLimitePersonneACharge, date),
    );
  const enceinte = adults.some((p) => p.grossesse);
  // Isolation (L842-7 CSS, as for the RSA L262-9 / R262-2): alone, pregnant or with a dependant, within 18 months of
  // the event (the payer's word when given) or while the youngest child is under 3 — assessed at each month's end.
  const recentIsolation =
    s.isolementRecent ??
    (s.dateSituation !== null &&
      addMonths(monthOf(s.dateSituation), valueAt(P.delaiMajorationIsolement, claimMonth)) > claimMonth);
  const isoleAt = (date: string): boolean => {
    if (couple) return false;
    const deps = dependantsAt(date);
    if (!enceinte && deps.length === 0) return false;
    const youngest = Math.min(...deps.map((p) => ageAt(p.dateNaissance, date)));
    return enceinte || recentIsolation || youngest < valueAt(P.ageLimiteEnfantMajorationIsolement, date);
  };
  const majoreAtClaim = isoleAt(asOf);

  const reasons: UnmetCondition[] = [];
  // Age 18 at the claim date, when the right opens (L842-2 CSS); ⚠ OpenFisca tests it in each reference month.
  const ageMin = valueAt(P.ageMinimum, asOf);
  const ages = adults.map((p) => ageAt(p.dateNaissance, asOf));
  if (!ages.some((a) => a >= ageMin))
    reasons.push({
      code: 'age',
      message: `La prime d'activité est ouverte à partir de ${ageMin} ans.`,
      values: { ageDemandeur: ages[0] ?? null },
    });
  // The residence-permit condition is waived for an isolated parent (L842-2 CSS); a partner who does not meet it is
  // left out of the household, as for the RSA (L262-5 CASF).
  const eligibleAdults = adults.filter((p) => majoreAtClaim || residenceOk(p, asOf));
  if (adults.length > 0 && eligibleAdults.length === 0)
    reasons.push({
      code: 'titre_de_sejour',
      message: 'Il faut détenir depuis au moins 5 ans un titre de séjour autorisant à travailler (L842-2 CSS).',
    });
  // Some activity income in the quarter (L841-1, L842-1 CSS); a student, pupil, apprentice or intern opens the right
  // only with activity income above the floor in each of the 3 months, unless isolated parent (L842-2 CSS).
  // ⚠ OpenFisca reads the floor's SMIC in the claim month; here each month's income meets that month's SMIC.
  const travaille = (p: Person) => months.some((m) => revenusActivitePersonne(p, m) > 0);
  const auDessusDuPlancher = (p: Person) =>
    months.every(
      (m) => revenusActivitePersonne(p, m) > plancherApprenant(valueAt(common.smicBrutHoraire, m), claimMonth),
    );
  const ouvreLeDroit = (p: Person) => travaille(p) && (!p.etudiant || majoreAtClaim || auDessusDuPlancher(p));
  if (eligibleAdults.length > 0 && !eligibleAdults.some(ouvreLeDroit)) {
    const etudiants = eligibleAdults.filter((p) => p.etudiant && travaille(p));
    if (etudiants.length > 0) {
      const smic = valueAt(common.smicBrutHoraire, months[2]);
      reasons.push({
        code: 'etudiant_plancher',
        message: `Un étudiant, apprenti ou stagiaire n'a droit à la prime d'activité que si ses revenus d'activité dépassent ${euros(roundCents(plancherApprenant(smic, claimMonth)))} chaque mois des trois mois de référence.`,
      });
    } else
      reasons.push({
        code: 'sans_revenus_activite',
        message: `La prime d'activité complète des revenus d'activité : aucun revenu d'activité n'est connu pour le foyer de ${frenchMonth(months[0])} à ${frenchMonth(months[2])}.`,
      });
  }
  if (reasons.length)
    return {
      status: 'not_eligible',
      period,
      reasons,
      explanation: reasons.map((r) => r.message).join(' '),
      details: { referenceMonths: months },
    };

  const base = valueAt(P.montantDeBase, claimMonth);
  const pente = valueAt(P.tauxRevenusActivite, claimMonth);
  const bonusMax = bonificationMaximale(base, claimMonth);
  const figures: MonthFigures[] = months.map((m) => {
    const pm = lecture === 'mois_du' ? claimMonth : m;
    const baseM = lecture === 'mois_du' ? base : valueAt(P.montantDeBase, pm);
    const penteM = lecture === 'mois_du' ? pente : valueAt(P.tauxRevenusActivite, pm);
    const bonusMaxM = lecture === 'mois_du' ? bonusMax : bonificationMaximale(baseM, pm);
    const end = endOfMonth(m);
    const smic = valueAt(common.smicBrutHoraire, m);
    const deps = dependantsAt(end);
    const majore = isoleAt(end);
    const prest = prestations[m] ?? {};
    const al = AIDES_LOGEMENT.reduce((t, k) => t + Math.max(0, prest[k] ?? 0), 0);
    let family = PRESTATIONS_COMPTEES.reduce((t, k) => t + Math.max(0, prest[k] ?? 0), 0);
    // ASF counted at a flat amount per child, at most the ASF paid (as for the RSA; OpenFisca `rsa_forfait_asf`).
    if (prest.ASF)
      family += Math.min(
        prest.ASF,
        valueAt(P.forfaitAsfParEnfant, m) * valueAt(common.bmaf, m) * Math.max(1, deps.length),
      );
    const aah = Math.max(0, prest.AAH ?? 0);

    const amountFor = (counted: Person[]) => {
      const members = [...eligibleAdults, ...counted];
      const n = members.length;
      const mf =
        baseM *
        (majore ? tauxMajorePpa(counted.length, pm) : tauxFoyerPpa(eligibleAdults.length >= 2, counted.length, pm));
      const fl = forfaitLogementRetenu(forfaitLogementPpa(n, baseM, pm), al, logement);
      const activity = members.map((p) => revenusActivitePersonne(p, m));
      // The AAH is paid to the household: it is the adult's with the lowest activity income (the cautious choice).
      // It counts as that worker's activity income from 29 × SMIC_h of activity income on (L842-8, D843-4 CSS).
      let or = family + members.reduce((t, p) => t + autresRessourcesPersonne(p, m), 0);
      if (aah > 0) {
        let holder = 0;
        for (let i = 1; i < eligibleAdults.length; i++) if ((activity[i] ?? 0) < (activity[holder] ?? 0)) holder = i;
        if ((activity[holder] ?? 0) >= seuilAahActivite(smic, pm)) activity[holder] = (activity[holder] ?? 0) + aah;
        else or += aah;
      }
      const rp = activity.reduce((t, r) => t + r, 0);
      const bonus = activity.reduce((t, r) => t + bonification(r, smic, bonusMaxM, pm), 0);
      const x = {
        montantForfaitaire: mf,
        pente: penteM,
        revenusActivite: rp,
        bonification: bonus,
        autresRessources: or,
        forfaitLogement: fl,
      };
      return { n, ...x, brut: primeBrute(x), montant: primeDuMois(x) };
    };
    // A dependant with resources of his/her own is left out when counting him/her lowers the prime (as for the RSA).
    let counted = deps;
    for (const d of deps) {
      if (revenusActivitePersonne(d, m) + autresRessourcesPersonne(d, m) <= 0) continue;
      const without = counted.filter((x) => x !== d);
      if (amountFor(without).brut > amountFor(counted).brut) counted = without;
    }
    const r = amountFor(counted);
    return {
      month: m,
      personnes: r.n,
      majore,
      montantForfaitaire: r.montantForfaitaire,
      revenusActivite: r.revenusActivite,
      bonification: r.bonification,
      forfaitLogement: r.forfaitLogement,
      autresRessources: r.autresRessources,
      brut: r.brut,
      montant: r.montant,
    };
  });

  // R843-1 I: the prime due is the mean of the three monthly primes, rounded once.
  const mean = (f: (x: MonthFigures) => number) => figures.reduce((t, x) => t + f(x), 0) / figures.length;
  const amount = roundCents(mean((x) => x.montant));
  const crds = valueAt(common.tauxCrds, claimMonth);
  const montantNetCrds = roundCents(amount * (1 - crds));
  const mfMean = roundCents(mean((x) => x.montantForfaitaire));
  const rpMean = roundCents(mean((x) => x.revenusActivite));
  const penteMean = roundCents(mean((x) => pente * x.revenusActivite));
  const bonusMean = roundCents(mean((x) => x.bonification));
  const orMean = roundCents(mean((x) => x.autresRessources));
  const flMean = roundCents(mean((x) => x.forfaitLogement));
  const complement = roundCents(
    mean((x) => Math.max(0, x.montantForfaitaire - x.revenusActivite - x.autresRessources - x.forfaitLogement)),
  );
  const plancher = roundCents(mean((x) => x.montant - x.brut));
  const majore = figures.some((x) => x.majore);
  const breakdown: BreakdownLine[] = [
    { label: majore ? 'Montant forfaitaire majoré (parent isolé)' : 'Montant forfaitaire', amount: mfMean },
    {
      label: `Part des revenus d'activité (${String(roundCents(pente * 10000) / 100).replace('.', ',')} %)`,
      amount: penteMean,
    },
    { label: 'Bonifications individuelles', amount: bonusMean },
    { label: "Revenus d'activité", amount: -rpMean },
    { label: 'Autres ressources', amount: -orMean },
    { label: 'Forfait logement', amount: -flMean },
  ];
  if (complement > 0) breakdown.push({ label: 'Ressources portées au montant forfaitaire', amount: -complement });
  if (plancher > 0) breakdown.push({ label: 'Mois sans prime (ramenés à zéro)', amount: plancher });
  const details = {
    referenceMonths: months,
    base,
    pente,
    bonificationMaximale: bonusMax,
    montantNetCrds,
    montantsMensuels: figures.map((f) => ({
      month: f.month,
      personnes: f.personnes,
      majore: f.majore,
      montantForfaitaire: roundCents(f.montantForfaitaire),
      revenusActivite: roundCents(f.revenusActivite),
      bonification: roundCents(f.bonification),
      forfaitLogement: roundCents(f.forfaitLogement),
      autresRessources: roundCents(f.autresRessources),
      montant: roundCents(f.montant),
    })),
  };

  const first = frenchMonth(months[0]);
  const last = frenchMonth(months[2]);
  const persons = figures[figures.length - 1]?.personnes ?? 1;
  const foyer = persons === 1 ? 'Vous vivez seul(e)' : `Votre foyer compte ${persons} personnes`;
  const story =
    `${foyer} et vos revenus d'activité de ${first.split(' ')[0]} à ${last} ont été en moyenne de ${euros(rpMean)} par mois` +
    `${orMean > 0 ? `, vos autres ressources de ${euros(orMean)}` : ''}. ` +
    `La prime d'activité part d'un montant forfaitaire de ${euros(mfMean)}${majore ? ' (majoré car vous élevez seul(e) un enfant ou attendez un enfant)' : ''}` +
    `, y ajoute ${euros(penteMean)} au titre de vos revenus d'activité${bonusMean > 0 ? ` et ${euros(bonusMean)} de bonification` : ''}` +
    `, puis retire les ressources du foyer${flMean > 0 ? ` (dont ${euros(flMean)} au titre du logement)` : ''}, comptées au moins pour le montant forfaitaire.`;
  return differentialResult({
    amount,
    minimum: valueAt(P.montantMinimumVerse, claimMonth),
    period,
    breakdown,
    details,
    story,
    tooHigh: "Les ressources du foyer sont trop élevées pour la prime d'activité.",
    subject: "La prime d'activité",
    paid: `Vous pourriez recevoir environ ${euros(amount)} par mois de prime d'activité (${euros(montantNetCrds)} après la CRDS).`,
  });
}

export const ppaRight: RightDefinition = {
  id: 'ppa',
  title: "Prime d'activité",
  legalReferences: [
    'CSS L841-1 à L846-2',
    'CSS R843-1 (trimestre de référence, moyenne des primes mensuelles)',
    'CSS D843-1 à D843-4 (montant forfaitaire, bonification, pente, AAH)',
    'CSS R844-1 s. (ressources, forfait logement)',
    'décret 2025-185 (mois de référence)',
    'décret 2025-292 (pente 59,85 %)',
  ],
  unit: 'foyer',
  amountPeriod: 'mois',
  recheckOn: [
    'naissance',
    'grossesse',
    'separation',
    'deces_conjoint',
    'anniversaire_25_ans',
    'baisse_ressources',
    'fin_allocation_chomage',
    'demenagement',
    'fin_de_droit',
  ],
  inputs: [
    { name: 'composition du foyer, dates de naissance, grossesse, situation familiale', heldBy: ['caf'] },
    { name: 'statut étudiant, apprenti ou stagiaire', heldBy: ['caf'] },
    { name: 'nationalité et ancienneté du titre de séjour', heldBy: ['caf'] },
    { name: 'logement et aide au logement', heldBy: ['caf'] },
    { name: 'prestations familiales et AAH versées', heldBy: ['caf'] },
    { name: "revenus d'activité et de remplacement mensuels (montant net social)", heldBy: ['gipmds'] },
    { name: 'revenus des indépendants, pensions alimentaires, revenus du capital', heldBy: ['dgfip'] },
    { name: 'droits déjà ouverts', heldBy: ['payeurs', 'caf'] },
  ],
  evaluate: computePpa,
};
