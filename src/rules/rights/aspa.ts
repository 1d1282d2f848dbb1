import {
  type BreakdownLine,
  NATURES_ACTIVITE,
  type NatureRessource,
  type Person,
  type RightResult,
  type Situation,
  type UnmetCondition,
} from '../../model.ts';
import { addMonths, ageAt, endOfMonth, frenchDate, frenchMonth, latestBirth, monthOf } from '../dates.ts';
import { euros, roundCents, truncCents } from '../money.ts';
import { aspa as P } from '../parameters/aspa.ts';
import { common } from '../parameters/common.ts';
import { valueAt } from '../parameters/series.ts';
import type { RightDefinition } from '../right.ts';

/**
 * Allocation de solidarité aux personnes âgées (ASPA) — CSS L815-1 s., R815-1 s., D815-1 ; RULES.md §4.
 * `evaluate(situation, asOf)` gives the household's monthly ASPA (couple total) for the month of `asOf`, the
 * conditions being assessed on the first day of that month (the allowance takes effect on the 1st of a month).
 */

type Tri = 'oui' | 'non' | 'inconnu';

/** Adds whole months to an ISO date; a day missing in the target month becomes its last day. */
function addMonthsToDate(iso: string, n: number): string {
  const month = addMonths(iso.slice(0, 7), n);
  const last = endOfMonth(month);
  const day = iso.slice(8, 10);
  return day > last.slice(8, 10) ? last : `${month}-${day}`;
}

/**
 * Date on which a person born on `birth` reaches the legal retirement age of his/her GENERATION (L161-17-2), in the
 * version of the law applicable on `effet`. A partial birth date is read as the latest possible day, so that the age
 * is never granted on a guess (the age rises with the generation, so this is the latest possible date too).
 */
export function dateAgeLegalRetraite(birth: string, effet: string): { date: string; ans: number; mois: number } {
  const b = latestBirth(birth);
  const table = valueAt(P.ageLegalRetraiteParGeneration, effet);
  let gen = table[0] ?? { nesAPartirDu: '0001-01-01', ans: 0, mois: 0 };
  for (const g of table) if (g.nesAPartirDu <= b) gen = g;
  return { date: addMonthsToDate(b, gen.ans * 12 + gen.mois), ans: gen.ans, mois: gen.mois };
}

/** The future date of the legal age, read in the version of the law in force on that date (LFSS 2026 for 2026-09+). */
function futureAgeLegal(birth: string, effet: string): { date: string; ans: number; mois: number } {
  let a = dateAgeLegalRetraite(birth, effet);
  for (let i = 0; i < 3 && a.date > effet; i++) {
    const next = dateAgeLegalRetraite(birth, a.date);
    if (next.date === a.date) break;
    a = next;
  }
  return a;
}

function isPresent(p: Person, date: string): boolean {
  return (p.dateEntree === null || p.dateEntree <= date) && (p.dateSortie === null || p.dateSortie > date);
}

/**
 * Which amounts are read for a person: gross when the holder gives them (R815-22 counts gross amounts), otherwise
 * the net ones; null when nothing is recorded over the months read.
 */
function amountsRead(p: Person, months: readonly string[]): 'brutes' | 'nettes' | null {
  if (p.ressourcesBrutes !== undefined) return 'brutes';
  const any = months.some((m) => Object.values(p.ressources[m] ?? {}).some((v) => v !== undefined && v !== 0));
  return any ? 'nettes' : null;
}

/** `d'août`, `de mars`. */
function de(word: string): string {
  return /^[aeiouyéèêàâîôûh]/i.test(word) ? `d'${word}` : `de ${word}`;
}

/** A person's resources of a month split into earned income (for the deduction) and the rest; negatives as zero. */
function monthResources(p: Person, month: string): { activite: number; autres: number } {
  const byNature = (p.ressourcesBrutes ?? p.ressources)[month];
  let activite = 0;
  let autres = 0;
  if (!byNature) return { activite, autres };
  for (const [nature, v] of Object.entries(byNature) as [NatureRessource, number | undefined][]) {
    if (v === undefined || v <= 0) continue;
    if (NATURES_ACTIVITE.includes(nature)) activite += v;
    else autres += v;
  }
  return { activite, autres };
}

function sumResources(adults: readonly Person[], months: readonly string[]): { activite: number; autres: number } {
  let activite = 0;
  let autres = 0;
  for (const p of adults)
    for (const m of months) {
      const r = monthResources(p, m);
      activite += r.activite;
      autres += r.autres;
    }
  return { activite, autres };
}

interface AdultCheck {
  readonly person: Person;
  readonly label: string;
  readonly age: number;
  readonly ageOk: Tri;
  /** `65`: general age; `inaptitude`: legal retirement age of the generation with inaptitude/incapacity. */
  readonly ageVia: 'age_minimum' | 'inaptitude' | null;
  readonly ageLegal: { date: string; ans: number; mois: number };
  readonly titreOk: Tri;
}

function ageLegalText(a: { ans: number; mois: number }): string {
  return a.mois ? `${a.ans} ans et ${a.mois} mois` : `${a.ans} ans`;
}

function checkAdult(p: Person, effet: string): AdultCheck {
  const label = p.role === 'conjoint' ? 'du conjoint' : 'du demandeur';
  const age = ageAt(p.dateNaissance, effet);
  const ageLegal = dateAgeLegalRetraite(p.dateNaissance, effet);
  let ageOk: Tri = 'non';
  let ageVia: AdultCheck['ageVia'] = null;
  if (age >= valueAt(P.ageMinimum, effet)) {
    ageOk = 'oui';
    ageVia = 'age_minimum';
  } else if (ageLegal.date <= effet) {
    // Before 65: from the legal age of the generation, if unfit for work or incapacity ≥ 50 % (L815-1, R815-2).
    // Divergence OpenFisca: the incapacity rate is "at least 50 %" (R351-21), OpenFisca tests "> 50 %".
    const seuil = valueAt(P.tauxIncapaciteAnticipe, effet);
    if (p.inapte === true || (p.tauxIncapacite !== undefined && p.tauxIncapacite >= seuil)) {
      ageOk = 'oui';
      ageVia = 'inaptitude';
    } else if (p.inapte === undefined && p.tauxIncapacite === undefined) ageOk = 'inconnu';
  }
  let titreOk: Tri;
  if (p.nationalite === null) titreOk = 'inconnu';
  else if (p.nationalite !== 'HORS_UE') titreOk = 'oui';
  else if (!p.titreSejourDepuis) titreOk = 'inconnu';
  // Residence permit allowing work held for 10 years (L816-1); refugees, stateless persons… are not known here.
  else titreOk = ageAt(p.titreSejourDepuis, effet) >= valueAt(P.dureeTitreSejour, effet) ? 'oui' : 'non';
  return { person: p, label, age, ageOk, ageVia, ageLegal, titreOk };
}

const RECUPERATION =
  "Bon à savoir : les sommes versées au titre de l'ASPA peuvent être récupérées après le décès sur la succession, " +
  "pour la part de l'actif net qui dépasse un seuil (L815-13).";

/** Everything computed for one household: the pure core of the ASPA. */
export function computeAspa(s: Situation, asOf: string): RightResult {
  const month = monthOf(asOf);
  const effet = `${month}-01`;
  const period = month;

  const adults = s.persons.filter((p) => (p.role === 'demandeur' || p.role === 'conjoint') && isPresent(p, effet));
  const partnerKnown = s.persons.some((p) => p.role === 'conjoint');
  if (adults.length === 0 || (s.couple && adults.length < 2 && !partnerKnown))
    return {
      status: 'undetermined',
      period,
      missing: adults.length === 0 ? ['demandeur du foyer'] : ['date de naissance et ressources du conjoint'],
      explanation:
        adults.length === 0
          ? "Aucun adulte n'est connu dans ce foyer : l'ASPA ne peut pas être estimée."
          : "Vous vivez en couple, mais la situation de votre conjoint n'est pas connue : l'ASPA dépend des ressources du couple, elle ne peut pas être estimée.",
    };
  const couple = s.couple && adults.length >= 2;
  const checks = adults.map((p) => checkAdult(p, effet));
  const eligibles = checks.filter((c) => c.ageOk === 'oui' && c.titreOk === 'oui');
  const inconnus = checks.filter(
    (c) => c.ageOk !== 'non' && c.titreOk !== 'non' && !(c.ageOk === 'oui' && c.titreOk === 'oui'),
  );

  const ageMin = valueAt(P.ageMinimum, effet);
  const tauxIncapacite = valueAt(P.tauxIncapaciteAnticipe, effet);
  const dureeTitre = valueAt(P.dureeTitreSejour, effet);
  if (eligibles.length === 0 && inconnus.length === 0) {
    const reasons: UnmetCondition[] = [];
    if (checks.every((c) => c.ageOk === 'non'))
      reasons.push({
        code: 'age',
        message: `L'ASPA est ouverte à partir de ${ageMin} ans, ou dès l'âge légal de départ à la retraite de sa génération en cas d'inaptitude au travail ou d'incapacité d'au moins ${Math.round(tauxIncapacite * 100)} %.`,
        values: {
          ageDemandeur: checks[0]?.age ?? null,
          ageLegalDemandeur: checks[0] ? ageLegalText(checks[0].ageLegal) : null,
        },
      });
    else
      reasons.push({
        code: 'titre_de_sejour',
        message: `Une personne de nationalité étrangère (hors Espace économique européen et Suisse) doit détenir depuis au moins ${dureeTitre} ans un titre de séjour autorisant à travailler, sauf notamment réfugié, apatride ou bénéficiaire de la protection subsidiaire (L816-1).`,
      });
    const seul = checks.length === 1 ? checks[0] : undefined;
    let perso = '';
    if (seul && reasons[0]?.code === 'age') {
      const legal = futureAgeLegal(seul.person.dateNaissance, effet);
      const a65 = addMonthsToDate(latestBirth(seul.person.dateNaissance), ageMin * 12);
      perso =
        ` Vous avez ${seul.age} ans : la condition d'âge sera remplie à ${ageMin} ans, le ${frenchDate(a65)}` +
        (legal.date > effet && legal.date < a65
          ? `, ou dès le ${frenchDate(legal.date)} (âge légal de départ à la retraite de votre génération, ${ageLegalText(legal)}) si vous êtes reconnu(e) inapte au travail.`
          : '.');
    }
    return {
      status: 'not_eligible',
      period,
      reasons,
      explanation: reasons.map((r) => r.message).join(' ') + perso,
      details: { personnesEligibles: 0 },
    };
  }

  // Resources of the claimant and partner (R815-22, R815-29): the 3 calendar months before the effective date,
  // compared with 1/4 of the annual ceiling; if above, the 12 months, compared with the annual ceiling.
  const nRef = valueAt(P.moisReferenceRessources, effet);
  const nRepli = valueAt(P.moisReferenceRessourcesRepli, effet);
  const moisRef = Array.from({ length: nRef }, (_, i) => addMonths(month, i - nRef));
  const moisRepli = Array.from({ length: nRepli }, (_, i) => addMonths(month, i - nRepli));
  const plafond = couple ? valueAt(P.plafondRessourcesCouple, effet) : valueAt(P.plafondRessourcesPersonneSeule, effet);
  // Earned-income deduction on the period's earnings: 0.9 (single) / 1.5 (couple) × the monthly minimum wage in force
  // on 1 January of the year (R815-29; 3.6 / 6 × over 12 months).
  const janvier = `${month.slice(0, 4)}-01-01`;
  const smicMensuel = valueAt(common.smicBrutHoraire, janvier) * valueAt(common.nombreHeuresTravailMensuel, janvier);
  const facteur = couple
    ? valueAt(P.abattementForfaitaireCouple, effet)
    : valueAt(P.abattementForfaitairePersonneSeule, effet);
  const abattementRef = facteur * smicMensuel;

  const q = sumResources(adults, moisRef);
  const abattementQ = Math.min(q.activite, abattementRef);
  const rQ = q.activite + q.autres - abattementQ;
  const eps = 1e-9;
  let test: 'trimestre' | 'douze_mois' | null = null;
  let rAnnuel = 0;
  let abattement = abattementQ;
  let r12: number | null = null;
  if (rQ <= (plafond * nRef) / 12 + eps) {
    test = 'trimestre';
    rAnnuel = (rQ * 12) / nRef;
  } else {
    // Divergence OpenFisca: the 12-month second test (R815-29) is not modelled there (3 months only).
    const y = sumResources(adults, moisRepli);
    const abattementY = Math.min(y.activite, (abattementRef * nRepli) / nRef);
    r12 = y.activite + y.autres - abattementY;
    if (r12 <= (plafond * nRepli) / 12 + eps) {
      test = 'douze_mois';
      rAnnuel = (r12 * 12) / nRepli;
      abattement = abattementY;
    }
  }

  const read = adults.map((p) => amountsRead(p, test === 'douze_mois' || test === null ? moisRepli : moisRef));
  const baseRessources = read.every((x) => x === null)
    ? 'aucune'
    : read.every((x) => x !== 'nettes')
      ? 'brutes'
      : read.every((x) => x !== 'brutes')
        ? 'nettes'
        : 'mixtes';
  const deuxEligibles = couple && eligibles.length === 2;
  const maximum = deuxEligibles
    ? valueAt(P.montantMaximumAnnuelCouple, effet)
    : valueAt(P.montantMaximumAnnuelPersonneSeule, effet);
  // Published monthly maximum = annual / 12 truncated to the cent (CNAV: 12 411.44 / 12 → 1 034.28); the
  // differential amount is rounded once, at the end (RULES §4.2 checks: 199.27 and 9.59).
  const maximumMensuel = truncCents(maximum / 12);
  const plafondMensuel = plafond / 12;
  const montantAnnuel = test === null ? 0 : Math.min(maximum, plafond - rAnnuel);
  const amount = test === null ? 0 : roundCents(Math.max(0, Math.min(maximumMensuel, (plafond - rAnnuel) / 12)));

  const premier = frenchMonth(moisRef[0] ?? month);
  const dernier = frenchMonth(moisRef[moisRef.length - 1] ?? month);
  const totalQ = q.activite + q.autres;
  const details = {
    couple,
    personnesEligibles: eligibles.length,
    plafond,
    plafondMensuel: roundCents(plafondMensuel),
    montantMaximum: maximum,
    montantMaximumMensuel: maximumMensuel,
    moisReference: moisRef,
    ressourcesTrimestriellesAvantAbattement: roundCents(totalQ),
    ressourcesTrimestrielles: roundCents(rQ),
    ressourcesDouzeMois: r12 === null ? null : roundCents(r12),
    abattement: roundCents(abattement),
    testRessources: test ?? 'depasse',
    ressourcesAnnuelles: test === null ? null : roundCents(rAnnuel),
    baseRessources,
    montantAnnuel: roundCents(Math.max(0, montantAnnuel)),
    montantParAllocataire: deuxEligibles ? roundCents(amount / 2) : amount,
  };
  const qui = couple ? 'du couple' : 'de votre foyer';
  const nature = {
    aucune: 'aucune ressource n’étant déclarée',
    brutes: 'comptées en montants bruts',
    nettes:
      "connues seulement en montants nets (l'ASPA compte les montants bruts, un peu plus élevés : le montant réel peut être un peu plus faible)",
    mixtes: 'comptées en montants bruts quand ils sont connus, nets sinon',
  }[baseRessources];
  const story =
    `Les ressources ${qui} ${de(premier.split(' ')[0] ?? '')} à ${dernier} s'élèvent à ${euros(totalQ)}, ${nature}` +
    `${abattementQ > 0 ? `, dont ${euros(abattementQ)} de revenus d'activité non comptés (abattement)` : ''}` +
    `, soit ${euros(rQ / nRef)} par mois, pour un plafond de ${euros(plafondMensuel)} par mois${couple ? ' pour un couple' : ''}.`;

  if (test === null || amount <= 0) {
    const message =
      test === null
        ? `Les ressources ${qui} dépassent le plafond de l'ASPA, sur les ${nRef} derniers mois (${euros(rQ)} pour ${euros((plafond * nRef) / 12)}) comme sur les ${nRepli} derniers mois (${euros(r12 ?? 0)} pour ${euros(plafond)}).`
        : `Les ressources ${qui} atteignent le plafond de l'ASPA (${euros(plafond)} par an).`;
    return {
      status: 'not_eligible',
      period,
      reasons: [
        {
          code: 'ressources_superieures_au_plafond',
          message,
          values: { ressourcesTrimestrielles: roundCents(rQ), plafondAnnuel: plafond },
        },
      ],
      explanation: `${story} ${message} L'ASPA ne serait donc pas versée.`,
      details,
    };
  }

  if (inconnus.length > 0) {
    const missing: string[] = [];
    for (const c of inconnus) {
      if (c.ageOk === 'inconnu')
        missing.push(
          `inaptitude au travail ou taux d'incapacité ${c.label} (âge légal atteint, moins de ${ageMin} ans)`,
        );
      if (c.titreOk === 'inconnu') missing.push(`nationalité et ancienneté du titre de séjour ${c.label}`);
    }
    return {
      status: 'undetermined',
      period,
      missing,
      explanation:
        `${story} Pour savoir si l'ASPA est due${eligibles.length ? ' et pour combien de personnes' : ''}, il manque : ${missing.join(' ; ')}. ` +
        `Avant ${ageMin} ans, l'ASPA n'est ouverte qu'aux personnes reconnues inaptes au travail ou ayant une incapacité d'au moins ${Math.round(tauxIncapacite * 100)} %.`,
    };
  }

  const breakdown: BreakdownLine[] = [
    { label: 'Plafond de ressources (par mois)', amount: roundCents(plafondMensuel) },
    { label: 'Ressources retenues (moyenne par mois)', amount: -roundCents(rAnnuel / 12) },
  ];
  if (maximumMensuel < plafondMensuel - rAnnuel / 12)
    breakdown.push({ label: 'Limité au montant maximal (par mois)', amount: maximumMensuel });
  const conditions = eligibles
    .map((c) =>
      c.ageVia === 'age_minimum'
        ? `${c.label === 'du conjoint' ? 'votre conjoint(e) a' : 'vous avez'} ${c.age} ans`
        : c.label === 'du conjoint'
          ? `votre conjoint(e), reconnu(e) inapte au travail ou avec une incapacité suffisante, a atteint l'âge légal de départ à la retraite de sa génération (${ageLegalText(c.ageLegal)})`
          : `reconnu(e) inapte au travail ou avec une incapacité suffisante, vous avez atteint l'âge légal de départ à la retraite de votre génération (${ageLegalText(c.ageLegal)})`,
    )
    .join(' et ');
  const douzeMois =
    test === 'douze_mois'
      ? ` Ces ressources dépassant le quart du plafond annuel, ce sont celles des ${nRepli} derniers mois qui comptent : ${euros(rAnnuel)} sur l'année, sous le plafond de ${euros(plafond)}.`
      : '';
  const pour = deuxEligibles
    ? `, versée pour moitié à chacun de vous deux`
    : couple && eligibles.length === 1
      ? ` pour ${eligibles[0]?.label === 'du conjoint' ? 'votre conjoint(e)' : 'vous'} (plafond de couple, montant maximal d'une personne seule)`
      : '';
  return {
    status: 'eligible',
    amount,
    period,
    breakdown,
    explanation:
      `${conditions.charAt(0).toUpperCase()}${conditions.slice(1)}. ${story}${douzeMois} ` +
      `Vous pourriez recevoir environ ${euros(amount)} par mois d'allocation de solidarité aux personnes âgées (ASPA)${pour}. ` +
      "La demande se fait auprès de votre caisse de retraite ; l'allocation est due à partir du premier jour du mois qui suit la demande, si vous résidez en France de façon stable et régulière. " +
      RECUPERATION,
    details,
  };
}

export const aspaRight: RightDefinition = {
  id: 'aspa',
  title: 'Allocation de solidarité aux personnes âgées (ASPA)',
  legalReferences: [
    'CSS L815-1 à L815-13, L816-1',
    'CSS R815-1 à R815-29 (R815-29 : ressources des 3 ou 12 mois, abattement)',
    'CSS D815-1 (montants et plafonds)',
    'CSS L161-17-2 (âge légal par génération)',
  ],
  unit: 'foyer',
  amountPeriod: 'mois',
  recheckOn: ['age_aspa', 'deces_conjoint', 'separation', 'baisse_ressources', 'fin_allocation_chomage'],
  inputs: [
    { name: 'dates de naissance du demandeur et du conjoint', heldBy: ['caf', 'dgfip'] },
    { name: 'vie en couple', heldBy: ['caf', 'dgfip'] },
    { name: 'pensions et autres ressources mensuelles (montants bruts si possible)', heldBy: ['gipmds', 'payeurs'] },
    { name: "inaptitude au travail, taux d'incapacité", heldBy: ['payeurs', 'caf'] },
    { name: 'nationalité et ancienneté du titre de séjour', heldBy: ['caf'] },
    { name: 'ASPA déjà versée', heldBy: ['payeurs'] },
  ],
  evaluate: computeAspa,
};
