import type { BreakdownLine, NatureRessource, Person, RightResult, Situation, UnmetCondition } from '../../model.ts';
import { NATURES_ACTIVITE } from '../../model.ts';
import { addMonths, ageAt, endOfMonth, frenchMonth, latestBirth, monthOf } from '../dates.ts';
import { euros, roundCents } from '../money.ts';
import { c2s as P, type PlafondsC2S } from '../parameters/c2s.ts';
import { rsa as RSA } from '../parameters/rsa.ts';
import { type Series, valueAt } from '../parameters/series.ts';
import { inScope, outOfScope } from '../results.ts';
import type { RightDefinition } from '../right.ts';

/** CAF benefits counted in full in the C2S resources (R861-4, RULES.md §3.2); codes as the CAF writes them. */
const PRESTATIONS_COMPTEES = ['AF', 'CF', 'ASF', 'PAJE_BASE', 'PAJE_CLCA', 'PAJE_PREPARE'] as const;
/** Housing aid: not counted, replaced by the forfait logement (L861-2, R861-5/R861-7). RSA, PPA, ARS, AEEH: excluded (L861-2, R861-10). */
const AIDES_LOGEMENT = ['AL', 'ALF', 'APL', 'ALS'] as const;
const MOIS_PAR_AN = 12;

export type Territoire = 'metropole' | 'dom';
export type NiveauC2S = 'gratuite' | 'participation';

/**
 * The 12 reference months of a request made in month M (R861-8 as amended by décret 2021-1642):
 * M-13..M-2 from 2022-01-01, M-12..M-1 before.
 */
export function moisDeReference(claimMonth: string): string[] {
  const last = valueAt(P.periodeReferenceDernierMois, claimMonth);
  const n = valueAt(P.periodeReferenceNombreDeMois, claimMonth);
  // Divergence: OpenFisca sums M-12..M-1; the law (R861-8, décret 2021-1642) takes M-13..M-2.
  return Array.from({ length: n }, (_, i) => addMonths(claimMonth, i - last - (n - 1)));
}

/** Rounds to the nearest euro, 0.50 counting for 1 (D861-1), after removing binary noise. */
export function roundEuro(x: number): number {
  return Math.round(Number(x.toPrecision(12)));
}

/** Household coefficient of the ceiling (R861-3): 1, +0.5 for the 2nd person, +0.3 for the 3rd and 4th, +0.4 from the 5th. */
export function coefficientFoyer(n: number, date: string): number {
  const k2 = valueAt(P.coefficientDeuxiemePersonne, date);
  const k34 = valueAt(P.coefficientTroisiemeEtQuatriemePersonne, date);
  const k5 = valueAt(P.coefficientCinquiemePersonneEtPlus, date);
  return 1 + (n >= 2 ? k2 : 0) + Math.min(Math.max(n - 2, 0), 2) * k34 + Math.max(n - 4, 0) * k5;
}

/** The published table in force on `date`, or null when there is none (before the first entry, or a null entry). */
function publishedAt(s: Series<PlafondsC2S | null>, date: string): PlafondsC2S | null {
  const first = s.values[0];
  if (!first || first.from > (date.length === 7 ? `${date}-01` : date)) return null;
  return valueAt(s, date);
}

function fromTable(t: PlafondsC2S, n: number): number {
  if (n <= 1) return t.p1;
  if (n === 2) return t.p2;
  if (n === 3) return t.p3;
  return t.p4 + (n - 4) * t.parPersonneSupplementaire;
}

/**
 * Annual resource ceiling (€) for a household of `n` persons (L861-1, R861-3, D861-1). The published tables are the
 * reference; without one, metropolitan ceilings are base × coefficient (× 1.35 with participation) rounded to the
 * euro, and DOM ceilings the metropolitan published ceiling × (1 + majorationDom) rounded to the euro.
 */
export function plafondC2S(n: number, date: string, territoire: Territoire, niveau: NiveauC2S): number {
  const metroTable = publishedAt(niveau === 'gratuite' ? P.plafondsPublies : P.plafondsPubliesParticipation, date);
  const part = niveau === 'participation' ? 1 + valueAt(P.majorationPlafondParticipation, date) : 1;
  const dom = 1 + valueAt(P.majorationDom, date);
  if (territoire === 'dom') {
    const domTable = publishedAt(
      niveau === 'gratuite' ? P.plafondsPubliesDom : P.plafondsPubliesDomParticipation,
      date,
    );
    if (domTable) return fromTable(domTable, n);
    // No DOM table (2025): the published metropolitan ceiling × 1.113 reproduces the 2024 DOM table to ±1 €.
    if (metroTable) return roundEuro(fromTable(metroTable, n) * dom);
    return roundEuro(valueAt(P.plafondBase, date) * coefficientFoyer(n, date) * dom * part);
  }
  if (metroTable) return fromTable(metroTable, n);
  return roundEuro(valueAt(P.plafondBase, date) * coefficientFoyer(n, date) * part);
}

/**
 * Annual forfait logement added to the resources (R861-5 without housing aid, R861-7 with it): a share of the RSA
 * lump sum of a 1-, 2- or 3-person household (the same from 3 persons on), over 12 months. With housing aid it is
 * capped by the caller at the aid received over the reference year.
 */
export function forfaitLogementAnnuel(n: number, avecAl: boolean, date: string): number {
  const base = valueAt(RSA.montantDeBase, date);
  const k2 = valueAt(RSA.tauxDeuxiemePersonne, date);
  const k3 = valueAt(RSA.tauxPersonneSupplementaire, date);
  const montantForfaitaire = n <= 1 ? base : n === 2 ? base * (1 + k2) : base * (1 + k2 + k3);
  const taux = avecAl
    ? n <= 1
      ? P.tauxForfaitLogementAvecAl1Personne
      : n === 2
        ? P.tauxForfaitLogementAvecAl2Personnes
        : P.tauxForfaitLogementAvecAl3PersonnesOuPlus
    : n <= 1
      ? P.tauxForfaitLogementSansAl1Personne
      : n === 2
        ? P.tauxForfaitLogementSansAl2Personnes
        : P.tauxForfaitLogementSansAl3PersonnesOuPlus;
  return valueAt(taux, date) * montantForfaitaire * MOIS_PAR_AN;
}

/** Monthly participation of one covered person by age on 1 January of the year the right starts (arrêté, L861-1 2°). */
export function participationMensuelle(ageAuPremierJanvier: number, alsaceMoselle: boolean, date: string): number {
  const m = alsaceMoselle ? P.montantParticipationAlsaceMoselle : P.montantParticipationFrance;
  const seuils = valueAt(P.montantParticipationSeuilsAge, date);
  const age = ageAuPremierJanvier;
  if (age >= seuils.plus69Ans) return valueAt(m.plus69Ans, date);
  if (age >= seuils.de60a69Ans) return valueAt(m.de60a69Ans, date);
  if (age >= seuils.de50a59Ans) return valueAt(m.de50a59Ans, date);
  if (age >= seuils.de30a49Ans) return valueAt(m.de30a49Ans, date);
  return valueAt(m.moins30Ans, date);
}

/**
 * Monthly AAH, ASI and ASPA counted after their flat deductions (L861-2, DSS instruction 2021/71), each deduction
 * capped at the benefit. Prestations are per household: one AAH beneficiary is assumed, and the couple deduction of
 * the ASI/ASPA applies to a couple.
 */
export function minimaSociauxApresAbattement(
  prest: Readonly<Record<string, number>>,
  couple: boolean,
  date: string,
): { brut: number; net: number } {
  const aah = Math.max(0, prest.AAH ?? 0);
  const asi = Math.max(0, prest.ASI ?? 0);
  const aspa = Math.max(0, prest.ASPA ?? 0);
  const abAah = valueAt(P.abattementAah, date);
  const abAsi = valueAt(couple ? P.abattementAsiCouple : P.abattementAsiPersonneSeule, date);
  const abAspa = valueAt(couple ? P.abattementAspaCouple : P.abattementAspaPersonneSeule, date);
  return {
    brut: aah + asi + aspa,
    net: Math.max(0, aah - abAah) + Math.max(0, asi - abAsi) + Math.max(0, aspa - abAspa),
  };
}

function isPresent(p: Person, date: string): boolean {
  return (p.dateEntree === null || p.dateEntree <= date) && (p.dateSortie === null || p.dateSortie > date);
}

const ACTIVITE: ReadonlySet<string> = new Set(NATURES_ACTIVITE);

/** A person's resources of a month, split into activity income and the rest, each nature's negative total taken as 0. */
function personMonth(p: Person, month: string): { activite: number; autres: number } {
  const byNature = p.ressources[month];
  let activite = 0;
  let autres = 0;
  if (!byNature) return { activite, autres };
  // In the order of the keys, as Object.entries would: the sums are the same to the last bit.
  for (const nature in byNature) {
    const v = byNature[nature as NatureRessource];
    if (v === undefined || v <= 0) continue;
    if (ACTIVITE.has(nature)) activite += v;
    else autres += v;
  }
  return { activite, autres };
}

/**
 * Member in total unemployment with an allowance at the request (R861-8: 30 % deduction on his/her earned income of
 * the reference period): unemployment allowance and no earned income in the month before the request.
 */
function chomeurIndemnise(p: Person, claimMonth: string): boolean {
  const last = addMonths(claimMonth, -1);
  const r = p.ressources[last];
  return (r?.ALLOCATION_CHOMAGE ?? 0) > 0 && personMonth(p, last).activite <= 0;
}

interface Couverture {
  readonly personne: string;
  readonly role: Person['role'];
  readonly ageAuPremierJanvier: number;
  readonly montant: number;
}

function libellePersonne(c: Couverture): string {
  const age = `${c.ageAuPremierJanvier < 0 ? 0 : c.ageAuPremierJanvier} ans`;
  if (c.role === 'demandeur') return `vous (${age})`;
  if (c.role === 'conjoint') return `votre conjoint(e) (${age})`;
  if (c.role === 'enfant') return `un enfant (${age})`;
  return `une personne à charge (${age})`;
}

/** The complémentaire santé solidaire for a request made in the month of `asOf`. Pure. */
export function computeC2s(s: Situation, asOf: string): RightResult {
  const claimMonth = monthOf(asOf);
  const period = claimMonth;
  if (!inScope(s)) return outOfScope(s, period, 'la complémentaire santé solidaire', 'règles');
  const prestations = s.prestations;

  // Household (R861-2): claimant, partner, dependants under 25 on the date of the request.
  const adults = s.persons.filter((p) => (p.role === 'demandeur' || p.role === 'conjoint') && isPresent(p, asOf));
  const dependants = s.persons.filter(
    (p) =>
      (p.role === 'enfant' || p.role === 'autre_a_charge') &&
      isPresent(p, asOf) &&
      latestBirth(p.dateNaissance) <= asOf &&
      ageAt(p.dateNaissance, asOf) < valueAt(P.ageLimitePersonneACharge, asOf),
  );
  const members = [...adults, ...dependants];
  const n = Math.max(1, members.length);
  const couple = s.couple && adults.length >= 2;
  const months = moisDeReference(claimMonth);
  const territoire: Territoire = valueAt(P.departementsMajorationDom, claimMonth).includes(s.departement ?? '')
    ? 'dom'
    : 'metropole';
  const alsaceMoselle = s.alsaceMoselle === true;

  // Resources of the 12 reference months (R861-4, R861-8).
  const tauxAbattement = valueAt(P.abattementChomage, claimMonth);
  let revenus = 0;
  let abattementChomage = 0;
  for (const p of members) {
    const chomeur = chomeurIndemnise(p, claimMonth);
    for (const m of months) {
      const r = personMonth(p, m);
      revenus += r.activite + r.autres;
      if (chomeur) abattementChomage += r.activite * tauxAbattement;
    }
  }
  let prestationsFamiliales = 0;
  let minimaBruts = 0;
  let minimaNets = 0;
  let aideAuLogement = 0;
  for (const m of months) {
    const prest = prestations[m] ?? {};
    prestationsFamiliales += PRESTATIONS_COMPTEES.reduce((t, k) => t + Math.max(0, prest[k] ?? 0), 0);
    // Deductions as in force on the request date (DSS instruction 2021/71, from requests of April 2021).
    const mini = minimaSociauxApresAbattement(prest, couple, claimMonth);
    minimaBruts += mini.brut;
    minimaNets += mini.net;
    aideAuLogement += AIDES_LOGEMENT.reduce((t, k) => t + Math.max(0, prest[k] ?? 0), 0);
  }
  // Forfait logement (R861-5, R861-7): with housing aid, capped at the aid received over the reference year;
  // owners (with or without a loan) and people housed free without aid, the full forfait; tenants without aid, none.
  const proprietaireOuGratuit =
    s.logement === 'PROPRIETAIRE' || s.logement === 'ACCEDANT' || s.logement === 'HEBERGE_GRATUIT';
  const forfaitLogement =
    aideAuLogement > 0
      ? Math.min(aideAuLogement, forfaitLogementAnnuel(n, true, claimMonth))
      : proprietaireOuGratuit
        ? forfaitLogementAnnuel(n, false, claimMonth)
        : 0;
  const ressourcesAnnuelles = roundCents(
    revenus - abattementChomage + prestationsFamiliales + minimaNets + forfaitLogement,
  );

  const plafondGratuite = plafondC2S(n, claimMonth, territoire, 'gratuite');
  const plafondParticipation = plafondC2S(n, claimMonth, territoire, 'participation');

  // Presumed rights: RSA paid the month before → free C2S (L861-1, L861-2); ASPA without earned income in the
  // months before → C2S with participation (L861-2, R861-11, from 2022-04-01).
  const previous = addMonths(claimMonth, -1);
  const rsaVerse = (prestations[previous]?.RSA ?? 0) > 0;
  const moisSansActivite = valueAt(P.presomptionAspaMoisSansActivite, claimMonth);
  const aspaVerse = (prestations[previous]?.ASPA ?? 0) > 0;
  const activiteRecente =
    moisSansActivite !== null &&
    adults.some((p) =>
      Array.from({ length: moisSansActivite }, (_, i) => addMonths(claimMonth, -1 - i)).some(
        (m) => personMonth(p, m).activite > 0,
      ),
    );
  const presomption: 'rsa' | 'aspa' | null = rsaVerse
    ? 'rsa'
    : aspaVerse && moisSansActivite !== null && !activiteRecente
      ? 'aspa'
      : null;

  // Participation: age on 1 January of the year the right starts, the right starting on the 1st of the month after
  // the request (L861-5). Divergence: OpenFisca uses the current age.
  const debut = addMonths(claimMonth, 1);
  const duree = valueAt(P.dureeDuDroitMois, claimMonth);
  const fin = addMonths(debut, duree - 1);
  const premierJanvier = `${debut.slice(0, 4)}-01-01`;
  // Before 2019-11-01 there was no C2S with participation (CMU-C free, and the ACS, a separate aid not computed here).
  const participationExiste = (P.montantParticipationSeuilsAge.values[0]?.from ?? '9999') <= `${claimMonth}-01`;
  const couvertures: Couverture[] = members.map((p) => {
    const age = ageAt(p.dateNaissance, premierJanvier);
    return {
      personne: p.key,
      role: p.role,
      ageAuPremierJanvier: age,
      montant: participationExiste ? participationMensuelle(age, alsaceMoselle, claimMonth) : 0,
    };
  });

  const firstMonth = months[0] ?? claimMonth;
  const lastMonth = months[months.length - 1] ?? claimMonth;
  const details = {
    type: null as NiveauC2S | null,
    presomption,
    ressourcesAnnuelles,
    plafondGratuite,
    plafondParticipation,
    forfaitLogement: roundCents(forfaitLogement),
    personnes: n,
    moisDeReference: months,
    territoire,
    alsaceMoselle,
    ressources: {
      revenus: roundCents(revenus),
      abattementChomage: roundCents(abattementChomage),
      prestationsFamiliales: roundCents(prestationsFamiliales),
      minimaSociauxBruts: roundCents(minimaBruts),
      minimaSociauxApresAbattement: roundCents(minimaNets),
      aideAuLogement: roundCents(aideAuLogement),
      forfaitLogement: roundCents(forfaitLogement),
    },
    debutDroit: `${debut}-01`,
    finDroit: endOfMonth(fin),
    participations: couvertures,
  };
  const duMois = (m: string) => (/^[aeiouéè]/.test(frenchMonth(m)) ? `d'${frenchMonth(m)}` : `de ${frenchMonth(m)}`);
  const precisions = [
    forfaitLogement > 0 ? `dont ${euros(roundCents(forfaitLogement))} comptés forfaitairement pour le logement` : '',
    abattementChomage > 0
      ? `après un abattement de ${roundCents(tauxAbattement * 100)} % sur les salaires d'une personne aujourd'hui au chômage`
      : '',
    minimaBruts > minimaNets ? "l'AAH, l'ASI ou l'ASPA comptées après leur abattement mensuel" : '',
  ].filter((x) => x !== '');
  const story =
    `${n === 1 ? 'Vous vivez seul(e) ; vos ressources' : `Votre foyer compte ${n} personnes ; ses ressources`} ` +
    `${duMois(firstMonth)} à ${frenchMonth(lastMonth)} s'élèvent à ${euros(ressourcesAnnuelles)}` +
    `${precisions.length ? ` (${precisions.join(' ; ')})` : ''}`;

  const gratuite = presomption === 'rsa' || ressourcesAnnuelles <= plafondGratuite;
  const participation =
    !gratuite && participationExiste && (presomption === 'aspa' || ressourcesAnnuelles <= plafondParticipation);
  if (!gratuite && !participationExiste) {
    const reasons: UnmetCondition[] = [
      {
        code: 'ressources_superieures_au_plafond',
        message: `Les ressources du foyer (${euros(ressourcesAnnuelles)} sur 12 mois) dépassent le plafond de la CMU complémentaire (${euros(plafondGratuite)} pour ${n} personne${n > 1 ? 's' : ''}) ; la C2S avec participation n'existait pas avant le 1er novembre 2019.`,
        values: { ressourcesAnnuelles, plafondGratuite, personnes: n },
      },
    ];
    return {
      status: 'not_eligible',
      period,
      reasons,
      explanation: `${story}, au-dessus du plafond de ${euros(plafondGratuite)} de la CMU complémentaire.`,
      details,
    };
  }
  if (!gratuite && !participation) {
    const reasons: UnmetCondition[] = [
      {
        code: 'ressources_superieures_au_plafond',
        message: `Les ressources du foyer (${euros(ressourcesAnnuelles)} sur 12 mois) dépassent le plafond de la complémentaire santé solidaire avec participation (${euros(plafondParticipation)} pour ${n} personne${n > 1 ? 's' : ''}).`,
        values: { ressourcesAnnuelles, plafondParticipation, plafondGratuite, personnes: n },
      },
    ];
    return {
      status: 'not_eligible',
      period,
      reasons,
      explanation: `${story}, au-dessus du plafond de ${euros(plafondParticipation)} de la complémentaire santé solidaire avec participation : elle ne pourrait pas être accordée.`,
      details,
    };
  }

  const dureeTexte = `pendant ${duree} mois, ${duMois(debut)} à ${frenchMonth(fin)}, puis à renouveler`;
  if (gratuite) {
    const breakdown: BreakdownLine[] = couvertures.map((c) => ({
      label: `C2S gratuite : ${libellePersonne(c)}`,
      amount: 0,
    }));
    const why =
      presomption === 'rsa'
        ? `Comme le RSA vous a été versé en ${frenchMonth(previous)}, vous avez droit à la complémentaire santé solidaire gratuite, sans autre condition de ressources.`
        : `${story}, sous le plafond de ${euros(plafondGratuite)} de la complémentaire santé solidaire gratuite.`;
    return {
      status: 'eligible',
      amount: 0,
      period,
      breakdown,
      explanation: `${why} ${n === 1 ? 'Vous pourriez être couvert(e)' : 'Votre foyer pourrait être couvert'} sans rien payer ${dureeTexte}.`,
      details: { ...details, type: 'gratuite' },
    };
  }

  const amount = roundCents(couvertures.reduce((t, c) => t + c.montant, 0));
  const breakdown: BreakdownLine[] = couvertures.map((c) => ({
    label: `Participation mensuelle : ${libellePersonne(c)} au 1er janvier ${premierJanvier.slice(0, 4)}`,
    amount: c.montant,
  }));
  const parPersonne = couvertures.map((c) => `${libellePersonne(c)} : ${euros(c.montant)}`).join(', ');
  const why =
    presomption === 'aspa' && ressourcesAnnuelles > plafondParticipation
      ? `Comme vous percevez l'allocation de solidarité aux personnes âgées (ASPA) et n'avez pas travaillé ces ${moisSansActivite} derniers mois, vous êtes présumé(e) remplir la condition de ressources de la complémentaire santé solidaire avec participation.`
      : `${story} : au-dessus du plafond de la C2S gratuite (${euros(plafondGratuite)}), mais sous celui de la C2S avec participation (${euros(plafondParticipation)}).${presomption === 'aspa' ? " Comme vous percevez l'ASPA, ce droit vous est de toute façon présumé." : ''}`;
  return {
    status: 'eligible',
    amount,
    period,
    breakdown,
    explanation:
      `${why} Vous pourriez bénéficier de la complémentaire santé solidaire pour ${euros(amount)} par mois${n === 1 ? '' : ' pour tout le foyer'}, ${dureeTexte}. ` +
      `La participation dépend de l'âge ${n === 1 ? '' : 'de chacun '}au 1er janvier ${premierJanvier.slice(0, 4)}${alsaceMoselle ? ' (montants du régime local d’Alsace-Moselle)' : ''} : ${parPersonne}.`,
    details: { ...details, type: 'participation' },
  };
}

export const c2sRight: RightDefinition = {
  id: 'c2s',
  title: 'Complémentaire santé solidaire (C2S)',
  legalReferences: [
    'CSS L861-1 à L861-11',
    'CSS R861-1 à R861-18, D861-1',
    'décret 2021-1642 (période de référence M-13..M-2)',
    'instruction DSS/SD2A/2021/71 (abattements AAH, ASI, ASPA)',
  ],
  unit: 'foyer',
  amountPeriod: 'mois',
  recheckOn: [
    'fin_de_droit',
    'naissance',
    'anniversaire_25_ans',
    'separation',
    'deces_conjoint',
    'baisse_ressources',
    'fin_allocation_chomage',
    'age_aspa',
    'demenagement',
  ],
  inputs: [
    { name: 'composition du foyer, dates de naissance', heldBy: ['caf'] },
    { name: 'logement et aide au logement', heldBy: ['caf'] },
    { name: 'prestations versées (AF, CF, ASF, PAJE, AAH, RSA)', heldBy: ['caf'] },
    { name: 'ASPA et ASI versées', heldBy: ['caf', 'payeurs'] },
    { name: 'ressources mensuelles (montant net social)', heldBy: ['gipmds'] },
    { name: 'rattachement fiscal des jeunes adultes à charge', heldBy: ['dgfip'] },
    { name: "régime local d'Alsace-Moselle, C2S déjà ouverte", heldBy: ['payeurs'] },
  ],
  evaluate: computeC2s,
};
