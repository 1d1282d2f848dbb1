import {
  type BreakdownLine,
  NATURES_ACTIVITE,
  type NatureRessource,
  type Person,
  type RightResult,
  type Situation,
  type UnmetCondition,
} from '../../model.ts';
import { addMonths, ageAt, endOfMonth, frenchMonth, latestBirth, monthOf } from '../dates.ts';
import { euros, roundCents } from '../money.ts';
import { common } from '../parameters/common.ts';
import { rsa as P } from '../parameters/rsa.ts';
import { valueAt } from '../parameters/series.ts';
import { differentialResult, inScope, outOfScope } from '../results.ts';
import type { RightDefinition } from '../right.ts';

/** Benefits of the CAF that count in full in the RSA resources (R262-6, RULES.md §1.5). */
const PRESTATIONS_COMPTEES = ['AF', 'CF', 'PAJE_BASE', 'AAH', 'ASI', 'ASPA'] as const;
const AIDES_LOGEMENT = ['AL', 'ALF', 'APL', 'ALS'] as const;

/**
 * Reference months of a claim or review month M (CASF R262-4 as amended by décret 2025-185):
 * M-4..M-2 from 1 March 2025, M-3..M-1 before — unless the payer says which rule applies
 * (an experiment département from October 2024, an MSA claimant not yet switched).
 */
export function referenceMonths(claimMonth: string, rule?: Situation['moisDeReference']): [string, string, string] {
  const lag = rule === 'M-3..M-1' ? 3 : rule === 'M-4..M-2' ? 4 : valueAt(P.decalageMoisDeReference, claimMonth);
  return [addMonths(claimMonth, -lag), addMonths(claimMonth, -lag + 1), addMonths(claimMonth, -lag + 2)];
}

/**
 * Lump-sum rate of a household of `n` persons (R262-1): 1, +0.5 for the 2nd person, +0.3 for
 * the 3rd, the 4th +0.3 in a couple or +0.4 for a single parent (40 % from the 3rd dependant),
 * +0.4 for each further person.
 */
export function tauxFoyer(n: number, couple: boolean, date: string): number {
  const t2 = valueAt(P.tauxDeuxiemePersonne, date);
  const t3 = valueAt(P.tauxPersonneSupplementaire, date);
  const t40 = valueAt(P.tauxTroisiemePersonneACharge, date);
  let rate = 1;
  if (n >= 2) rate += t2;
  if (n >= 3) rate += t3;
  if (n >= 4) rate += couple ? t3 : t40;
  if (n >= 5) rate += t40 * (n - 4);
  return rate;
}

/** The RSA parameters in force in a claim month, looked up once per month. */
interface MonthParams {
  readonly base: number;
  readonly pente: number;
  readonly t2: number;
  readonly t3: number;
  readonly t40: number;
  readonly fl: readonly [number, number, number];
  readonly majBase: number;
  readonly majEnfant: number;
}
const monthParams = new Map<string, MonthParams>();

function paramsOf(claimMonth: string): MonthParams {
  let k = monthParams.get(claimMonth);
  if (!k) {
    const base = valueAt(P.montantDeBase, claimMonth);
    k = {
      base,
      pente: valueAt(P.penteRsaActivite, claimMonth),
      t2: valueAt(P.tauxDeuxiemePersonne, claimMonth),
      t3: valueAt(P.tauxPersonneSupplementaire, claimMonth),
      t40: valueAt(P.tauxTroisiemePersonneACharge, claimMonth),
      fl: [1, 2, 3].map((n) => forfaitLogement(n, base, claimMonth)) as unknown as [number, number, number],
      majBase: valueAt(P.tauxMajorationIsolement, claimMonth),
      majEnfant: valueAt(P.tauxMajorationIsolementParEnfant, claimMonth),
    };
    monthParams.set(claimMonth, k);
  }
  return k;
}

function rateOf(n: number, couple: boolean, k: MonthParams): number {
  let rate = 1;
  if (n >= 2) rate += k.t2;
  if (n >= 3) rate += k.t3;
  if (n >= 4) rate += couple ? k.t3 : k.t40;
  if (n >= 5) rate += k.t40 * (n - 4);
  return rate;
}

/** Forfait logement for `n` persons (R262-9/10), on the non-majoré lump sums. */
export function forfaitLogement(n: number, base: number, date: string): number {
  if (n <= 1) return valueAt(P.tauxForfaitLogement1Personne, date) * base;
  if (n === 2) return valueAt(P.tauxForfaitLogement2Personnes, date) * base * tauxFoyer(2, true, date);
  return valueAt(P.tauxForfaitLogement3PersonnesOuPlus, date) * base * tauxFoyer(3, true, date);
}

function isPresent(p: Person, date: string): boolean {
  return (p.dateEntree === null || p.dateEntree <= date) && (p.dateSortie === null || p.dateSortie > date);
}

/** A person's professional income of a month (for the pre-2016 "RSA activité" bonus). */
function personActivity(p: Person, month: string, skip?: ReadonlySet<NatureRessource>): number {
  const byNature = p.ressources[month];
  if (!byNature) return 0;
  let total = 0;
  for (const n of NATURES_ACTIVITE) if (!skip?.has(n)) total += Math.max(0, byNature[n] ?? 0);
  return total;
}

/** Income that R262-13 disregards once it has stopped for good without a replacement income. */
const NEUTRALISABLES: readonly NatureRessource[] = [
  'SALAIRE',
  'REVENU_INDEPENDANT',
  'ALLOCATION_CHOMAGE',
  'INDEMNITES_JOURNALIERES',
];
const REMPLACEMENT: readonly NatureRessource[] = [
  'ALLOCATION_CHOMAGE',
  'INDEMNITES_JOURNALIERES',
  'PENSION_RETRAITE',
  'PENSION_INVALIDITE',
  'AUTRE_REVENU_REMPLACEMENT',
];

/**
 * Natures of a person's income that have stopped (CASF R262-13): received in the last reference
 * month, nothing of that nature in the latest known month after it (at most the claim month), and
 * no replacement income then. Income that had already stopped within the quarter is averaged as
 * it is (as OpenFisca and mes-aides do). Unknown months prove nothing: no neutralisation without data.
 */
export function neutralisedNatures(
  p: Person,
  months: readonly string[],
  claimMonth: string,
  knownUntil: string | undefined,
): Set<NatureRessource> | null {
  const last = months[months.length - 1] as string;
  if (!knownUntil) return null;
  const check = knownUntil < claimMonth ? knownUntil : claimMonth;
  if (check <= last) return null;
  const then = p.ressources[check] ?? {};
  if (REMPLACEMENT.some((n) => (then[n] ?? 0) > 0)) return null;
  let out: Set<NatureRessource> | null = null;
  for (const n of NEUTRALISABLES)
    if ((then[n] ?? 0) <= 0 && (p.ressources[last]?.[n] ?? 0) > 0) {
      out ??= new Set();
      out.add(n);
    }
  return out;
}

/** A person's resources of a month: each nature's total, a negative total taken as zero (décret 2025-185). */
function personResources(p: Person, month: string, skip?: ReadonlySet<NatureRessource>): number {
  const byNature = p.ressources[month];
  if (!byNature) return 0;
  let total = 0;
  for (const k in byNature) {
    const v = byNature[k as NatureRessource];
    if (v !== undefined && v > 0 && !skip?.has(k as NatureRessource)) total += v;
  }
  return total;
}

function residenceOk(p: Person, asOf: string): boolean {
  if (p.nationalite === null) return false;
  if (p.nationalite !== 'HORS_UE') return true;
  if (!p.titreSejourDepuis) return false;
  // Residence permit held for 5 years (L262-4 2°).
  return ageAt(p.titreSejourDepuis, asOf) >= valueAt(P.dureeTitreSejourNonEee, asOf);
}

interface MonthFigures {
  month: string;
  persons: number;
  montantForfaitaire: number;
  majore: boolean;
  forfaitLogement: number;
  ressources: number;
  intermediaire: number;
}

function dependantsAt(persons: readonly Person[], date: string): Person[] {
  const limit = valueAt(P.ageLimitePersonneACharge, date);
  return persons.filter(
    (p) =>
      (p.role === 'enfant' || p.role === 'autre_a_charge') &&
      isPresent(p, date) &&
      latestBirth(p.dateNaissance) <= date &&
      ageAt(p.dateNaissance, date) < limit,
  );
}

interface MonthContext {
  readonly m: string;
  readonly k: MonthParams;
  readonly couple: boolean;
  readonly majoration: boolean;
  readonly adults: readonly Person[];
  readonly eligibleAdults: readonly Person[];
  readonly al: number;
  readonly family: number;
  readonly adultResources: number;
  readonly logement: Situation['logement'];
  /** Natures of each person's income disregarded because they stopped (R262-13). */
  readonly neutral: ReadonlyMap<Person, ReadonlySet<NatureRessource>>;
}

/** One month's intermediate amount for a given set of counted dependants. */
function monthAmount(c: MonthContext, counted: readonly Person[]) {
  const n = c.eligibleAdults.length + counted.length;
  const k = c.k;
  const mf = k.base * rateOf(n, c.couple, k);
  const mfMaj = c.majoration ? k.base * (k.majBase + k.majEnfant * counted.length) : 0;
  const forfait = k.fl[Math.min(n, 3) - 1] as number;
  const fl =
    c.al > 0
      ? Math.min(c.al, forfait)
      : c.logement === 'PROPRIETAIRE' || c.logement === 'ACCEDANT' || c.logement === 'HEBERGE_GRATUIT'
        ? forfait
        : 0;
  let res = c.adultResources + c.family;
  for (const p of counted) res += personResources(p, c.m, c.neutral.get(p));
  const applied = Math.max(mf, mfMaj);
  // Until 2015 the "RSA activité" added 62 % of the household's professional income (L262-2 former).
  let bonus = 0;
  if (c.k.pente > 0) {
    for (const p of c.adults) bonus += c.k.pente * personActivity(p, c.m, c.neutral.get(p));
    for (const p of counted) bonus += c.k.pente * personActivity(p, c.m, c.neutral.get(p));
  }
  return { n, mf: applied, majore: mfMaj > mf, fl, res, inter: applied + bonus - fl - res };
}

function meanOf(
  figures: readonly MonthFigures[],
  key: 'intermediaire' | 'montantForfaitaire' | 'forfaitLogement' | 'ressources',
): number {
  let t = 0;
  for (const f of figures) t += f[key];
  return t / figures.length;
}

/** Everything computed for one household: the pure core of the RSA. */
export function computeRsa(s: Situation, asOf: string): RightResult {
  const claimMonth = monthOf(asOf);
  const period = claimMonth;
  const months = referenceMonths(claimMonth, s.moisDeReference);

  if (!inScope(s)) return outOfScope(s, period, 'le RSA', 'barème');

  const adults = s.persons.filter((p) => (p.role === 'demandeur' || p.role === 'conjoint') && isPresent(p, asOf));
  if (adults.length === 0)
    return {
      status: 'not_eligible',
      period,
      reasons: [
        { code: 'aucun_adulte', message: "Aucun adulte du foyer n'est présent à cette date (départ ou décès)." },
      ],
      explanation: "Aucun adulte du foyer n'est présent à cette date (départ ou décès) : pas de RSA à calculer.",
      details: { referenceMonths: months },
    };
  const dependantsNow = dependantsAt(s.persons, asOf);
  const enceinte = adults.some((p) => p.grossesse);
  const couple = s.couple && adults.length >= 2;

  // Isolated-parent majoration (L262-9, R262-1/2): alone, pregnant or with a child, within 18
  // months of the isolation or while the youngest child is under 3.
  const youngest = Math.min(...dependantsNow.map((p) => ageAt(p.dateNaissance, asOf)));
  const delai = valueAt(P.delaiMajorationIsolement, asOf);
  const recentIsolation =
    s.isolementRecent ?? (s.dateSituation !== null && addMonths(monthOf(s.dateSituation), delai) > claimMonth);
  const majoration =
    !couple &&
    (enceinte || dependantsNow.length > 0) &&
    (enceinte || youngest < valueAt(P.ageLimiteEnfantMajorationIsolement, asOf) || recentIsolation);

  const reasons: UnmetCondition[] = [];
  // A partner without the residence condition is not counted (L262-5); the majoration waives it.
  const eligibleAdults = adults.filter((p) => majoration || residenceOk(p, asOf));
  // The claimant must meet the age, student and residence conditions himself (L262-4): a student
  // partner stays in the household but cannot open the right for it.
  const claimants = eligibleAdults.filter((p) => majoration || !p.etudiant);
  const ageMin = valueAt(P.ageMinimumAllocataire, asOf);
  const ages = adults.map((p) => ageAt(p.dateNaissance, asOf));
  // RSA jeune actif (L262-7-1): 18 to 24 with the hours of work of two full-time years in three years.
  const jeuneMin = valueAt(P.ageMinimumRsaJeune, asOf);
  const heures = valueAt(P.heuresActiviteRsaJeune, asOf);
  const jeuneActif = claimants.some(
    (p) => p.heuresRsaJeuneRemplies === true && ageAt(p.dateNaissance, asOf) >= jeuneMin,
  );
  // A pregnancy or a child waives the age condition (L262-4 1°). ⚠ OpenFisca does not waive it for a pregnancy.
  if (adults.length > 0 && eligibleAdults.length === 0)
    reasons.push({
      code: 'titre_de_sejour',
      message: `Il faut détenir depuis au moins ${valueAt(P.dureeTitreSejourNonEee, asOf)} ans un titre de séjour autorisant à travailler (L262-4 2°).`,
    });
  else if (eligibleAdults.length > 0 && claimants.length === 0)
    reasons.push({
      code: 'etudiant',
      message: 'Les élèves, étudiants et stagiaires ne peuvent pas recevoir le RSA, sauf parent isolé (L262-4 4°).',
    });
  else if (
    !claimants.some((p) => ageAt(p.dateNaissance, asOf) >= ageMin) &&
    dependantsNow.length === 0 &&
    !enceinte &&
    !jeuneActif
  )
    reasons.push({
      code: 'age',
      message: `Le RSA est ouvert à partir de ${ageMin} ans, ou plus tôt avec un enfant à charge ou attendu. Entre ${jeuneMin} et ${ageMin} ans, le RSA jeune actif demande d'avoir travaillé ${heures} heures dans les trois dernières années${adults.some((p) => p.heuresRsaJeuneRemplies === undefined) ? ' (non vérifié ici)' : ''}.`,
      values: { ageDemandeur: ages[0] ?? null },
    });
  if (reasons.length)
    return {
      status: 'not_eligible',
      period,
      reasons,
      explanation: reasons.map((r) => r.message).join(' '),
      details: { referenceMonths: months },
    };

  const k = paramsOf(claimMonth);
  const base = k.base;
  const neutral = new Map<Person, Set<NatureRessource>>();
  if (s.ressourcesConnuesJusqua)
    for (const p of s.persons) {
      const n = neutralisedNatures(p, months, claimMonth, s.ressourcesConnuesJusqua);
      if (n) neutral.set(p, n);
    }
  const figures: MonthFigures[] = months.map((m) => {
    const end = endOfMonth(m);
    const deps = dependantsAt(s.persons, end);
    const prest = s.prestations?.[m] ?? {};
    const al = AIDES_LOGEMENT.reduce((t, k) => t + Math.max(0, prest[k] ?? 0), 0);
    let family = PRESTATIONS_COMPTEES.reduce((t, k) => t + (prest[k] ?? 0), 0);
    if (prest.ASF)
      family += Math.min(prest.ASF, valueAt(P.forfaitAsfOrphelinPartiel, m) * valueAt(common.bmaf, m) * deps.length);
    // L262-5: a partner without the residence condition is not counted in the lump sum, but his/her resources are.
    const adultResources = adults.reduce((t, p) => t + personResources(p, m, neutral.get(p)), 0);

    const ctx: MonthContext = {
      m,
      k,
      couple,
      majoration,
      adults,
      eligibleAdults,
      al,
      family,
      adultResources,
      logement: s.logement,
      neutral,
    };
    // A dependant with resources of his/her own is left out when counting him/her lowers the RSA.
    let counted = deps;
    for (const d of deps) {
      if (personResources(d, m) <= 0) continue;
      const without = counted.filter((x) => x !== d);
      if (monthAmount(ctx, without).inter > monthAmount(ctx, counted).inter) counted = without;
    }
    const r = monthAmount(ctx, counted);
    return {
      month: m,
      persons: r.n,
      montantForfaitaire: r.mf,
      majore: r.majore,
      forfaitLogement: r.fl,
      ressources: r.res,
      intermediaire: r.inter,
    };
  });

  // R262-7: the amount due is the average of the three monthly intermediate amounts.
  const amount = roundCents(Math.max(0, meanOf(figures, 'intermediaire')));
  const mfMean = roundCents(meanOf(figures, 'montantForfaitaire'));
  const flMean = roundCents(meanOf(figures, 'forfaitLogement'));
  const resMean = roundCents(meanOf(figures, 'ressources'));
  const majore = figures.some((x) => x.majore);
  for (const f of figures) f.intermediaire = roundCents(f.intermediaire);
  const persons = figures[figures.length - 1]?.persons ?? 1;
  const breakdown: BreakdownLine[] = [
    { label: majore ? 'Montant forfaitaire majoré (parent isolé)' : 'Montant forfaitaire', amount: mfMean },
    { label: 'Forfait logement', amount: -flMean },
    { label: 'Ressources moyennes du foyer', amount: -resMean },
  ];
  const details = {
    referenceMonths: months,
    base,
    months: figures,
  };
  const first = frenchMonth(months[0]);
  const last = frenchMonth(months[2]);
  const foyer = persons === 1 ? 'Vous vivez seul(e)' : `Votre foyer compte ${persons} personnes`;
  const story =
    `${foyer} et vos ressources de ${first.split(' ')[0]} à ${last} ont été en moyenne de ${euros(resMean)} par mois` +
    `, face à un montant forfaitaire de ${euros(mfMean)}${majore ? ' (majoré car vous élevez seul(e) un enfant ou attendez un enfant)' : ''}` +
    `${flMean > 0 ? `, diminué de ${euros(flMean)} au titre du logement (forfait logement)` : ''}.`;
  return differentialResult({
    amount,
    minimum: valueAt(P.montantMinimumVerse, claimMonth),
    period,
    breakdown,
    details,
    story,
    tooHigh: 'Les ressources du foyer dépassent le montant forfaitaire.',
    subject: 'Le RSA',
    paid: `Vous pourriez recevoir environ ${euros(amount)} par mois de RSA.`,
  });
}

export const rsaRight: RightDefinition = {
  id: 'rsa',
  title: 'Revenu de solidarité active (RSA)',
  legalReferences: ['CASF L262-1 à L262-58', 'CASF R262-1 à R262-11', 'décret 2025-185 (mois de référence)'],
  unit: 'foyer',
  amountPeriod: 'mois',
  recheckOn: [
    'anniversaire_25_ans',
    'naissance',
    'grossesse',
    'separation',
    'deces_conjoint',
    'baisse_ressources',
    'fin_allocation_chomage',
    'age_aspa',
  ],
  inputs: [
    { name: 'composition du foyer, dates de naissance, grossesse', heldBy: ['caf'] },
    { name: 'logement et aide au logement', heldBy: ['caf'] },
    { name: 'prestations familiales versées', heldBy: ['caf'] },
    { name: 'ressources mensuelles (montant net social)', heldBy: ['gipmds'] },
    { name: 'droits déjà ouverts', heldBy: ['payeurs', 'caf'] },
  ],
  evaluate: computeRsa,
};
