import type { BreakdownLine, Person, RightResult, Situation, UnmetCondition } from '../../model.ts';
import { ageAt, frenchDate, latestBirth } from '../dates.ts';
import { euros, roundCents, truncCents } from '../money.ts';
import { ars as P } from '../parameters/ars.ts';
import { common } from '../parameters/common.ts';
import { valueAt } from '../parameters/series.ts';
import type { RightDefinition } from '../right.ts';

/**
 * Allocation de rentrée scolaire (ARS) — CSS L543-1, R543-1 s., D543-1 s. ; RULES.md §5.
 * `evaluate(situation, asOf)` gives the ARS of the rentrée of the year N of `asOf`: the yearly amount before CRDS
 * (`details.montantNetCrds` after it).
 */

export type Tranche = 'primaire' | 'college' | 'lycee';

export type StatutEnfant = 'ouvre_droit' | 'hors_age' | 'non_scolarise' | 'indetermine';

export interface EnfantArs {
  readonly cle: string;
  readonly statut: StatutEnfant;
  /** Age on 31 December N (fixes the amount band, D543-1); null when the birth date is too partial. */
  readonly ageFinAnnee: number | null;
  readonly tranche: Tranche | null;
  readonly montant: number;
  readonly montantNetCrds: number;
  readonly manque?: string;
}

/** The birth date read as the earliest possible day. */
function earliestBirth(birth: string): string {
  if (birth.slice(5, 7) === '00') return `${birth.slice(0, 4)}-01-01`;
  if (birth.slice(8, 10) === '00') return `${birth.slice(0, 7)}-01`;
  return birth;
}

function dayBefore(iso: string): string {
  const t = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) - 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

function isPresent(p: Person, date: string): boolean {
  return (p.dateEntree === null || p.dateEntree <= date) && (p.dateSortie === null || p.dateSortie > date);
}

/** The legal dates of the rentrée of year `n`. */
export function datesRentree(n: number): {
  rentree: string;
  montant: string;
  sixAnsAvant: string;
  moinsDe18Au: string;
  trancheAu: string;
} {
  const d = `${n}-01-01`;
  return {
    rentree: `${n}-${valueAt(P.jourRentree, d)}`,
    montant: `${n}-${valueAt(P.jourMontant, d)}`,
    sixAnsAvant: `${n + 1}-${valueAt(P.jourLimiteSixiemeAnniversaire, d)}`,
    moinsDe18Au: `${n}-${valueAt(P.jourLimiteAgeMaximum, d)}`,
    trancheAu: `${n}-${valueAt(P.jourTrancheAge, d)}`,
  };
}

interface AgeRule {
  ouvre: boolean;
  ageFinAnnee: number;
  tranche: Tranche;
  scolariteAJustifier: boolean;
}

/** Age rules of R543-2 and D543-1 for a full birth date. */
function ageRule(birth: string, n: number): AgeRule {
  const d = datesRentree(n);
  const six = valueAt(P.ageEntreePrimaire, d.montant);
  // Reaches 6 before 1 February N+1 (R543-2). Divergence OpenFisca: it takes the age on 31 December N, which leaves
  // out a child turning 6 in January N+1.
  const sixAns = ageAt(birth, dayBefore(d.sixAnsAvant)) >= six;
  // Not yet 18 on 15 September N (R543-2). Divergence OpenFisca: approximated there by the age in months in December.
  const moinsDe18 = ageAt(birth, d.moinsDe18Au) < valueAt(P.ageSortieLycee, d.montant);
  const ageFinAnnee = ageAt(birth, d.trancheAu);
  const tranche: Tranche =
    ageFinAnnee < valueAt(P.ageEntreeCollege, d.montant)
      ? 'primaire'
      : ageFinAnnee < valueAt(P.ageEntreeLycee, d.montant)
        ? 'college'
        : 'lycee';
  // Schooling to be proven (R543-4): after the end of compulsory schooling (16), and for a child admitted to CP
  // before 6 (turning 6 in January N+1: schooling certificate, circulaire DSS/2B/2004/618).
  const scolariteAJustifier = ageFinAnnee >= valueAt(P.ageFinObligationScolaire, d.montant) || ageFinAnnee < six;
  return { ouvre: sixAns && moinsDe18, ageFinAnnee, tranche, scolariteAJustifier };
}

function tauxTranche(t: Tranche, date: string): number {
  const taux = t === 'primaire' ? P.tauxPrimaire : t === 'college' ? P.tauxCollege : P.tauxLycee;
  return valueAt(taux, date) + valueAt(P.tauxMajorationExceptionnelle, date);
}

/** Amount of one child before CRDS: BMAF in force at the August payment × the band's rate, rounded to the cent. */
export function montantEnfant(t: Tranche, n: number): number {
  const d = datesRentree(n).montant;
  // BMAF in force on 1 August N (D543-1: rate "applicable au 1er août"): the 1 April value, in 2022 the 1 July one.
  // Divergence OpenFisca: it reads the BMAF in October N (same values 2022–2026).
  return roundCents(valueAt(common.bmaf, d) * tauxTranche(t, d));
}

/** Amount after CRDS: the CRDS is truncated to the cent (reproduces the published per-child nets). */
export function netCrds(montant: number, n: number): number {
  return roundCents(montant - truncCents(montant * valueAt(common.tauxCrds, datesRentree(n).montant)));
}

function evaluateChild(p: Person, n: number): EnfantArs {
  const early = ageRule(earliestBirth(p.dateNaissance), n);
  const late = ageRule(latestBirth(p.dateNaissance), n);
  const base = { cle: p.key };
  if (!early.ouvre && !late.ouvre)
    return { ...base, statut: 'hors_age', ageFinAnnee: late.ageFinAnnee, tranche: null, montant: 0, montantNetCrds: 0 };
  if (JSON.stringify(early) !== JSON.stringify(late))
    return {
      ...base,
      statut: 'indetermine',
      ageFinAnnee: null,
      tranche: null,
      montant: 0,
      montantNetCrds: 0,
      manque: "date de naissance complète d'un enfant",
    };
  const r = late;
  if (p.scolarise === false)
    return {
      ...base,
      statut: 'non_scolarise',
      ageFinAnnee: r.ageFinAnnee,
      tranche: r.tranche,
      montant: 0,
      montantNetCrds: 0,
    };
  if (r.scolariteAJustifier && p.scolarise === undefined)
    return {
      ...base,
      statut: 'indetermine',
      ageFinAnnee: r.ageFinAnnee,
      tranche: r.tranche,
      montant: 0,
      montantNetCrds: 0,
      manque:
        r.ageFinAnnee < valueAt(P.ageEntreePrimaire, datesRentree(n).montant)
          ? `inscription au CP à la rentrée ${n} d'un enfant qui aura ${valueAt(P.ageEntreePrimaire, datesRentree(n).montant)} ans en janvier ${n + 1}`
          : `scolarité ou apprentissage à la rentrée ${n} d'un enfant de ${r.ageFinAnnee} ans au ${frenchDate(datesRentree(n).trancheAu)}`,
    };
  const montant = montantEnfant(r.tranche, n);
  return {
    ...base,
    statut: 'ouvre_droit',
    ageFinAnnee: r.ageFinAnnee,
    tranche: r.tranche,
    montant,
    montantNetCrds: netCrds(montant, n),
  };
}

function trancheLabel(t: Tranche, date: string): string {
  const a = valueAt(P.ageEntreePrimaire, date);
  const b = valueAt(P.ageEntreeCollege, date);
  const c = valueAt(P.ageEntreeLycee, date);
  const e = valueAt(P.ageSortieLycee, date);
  return t === 'primaire' ? `${a}-${b - 1} ans` : t === 'college' ? `${b}-${c - 1} ans` : `${c}-${e} ans`;
}

/** Everything computed for one household: the pure core of the ARS. */
export function computeArs(s: Situation, asOf: string): RightResult {
  const n = Number(asOf.slice(0, 4));
  const period = String(n);
  const d = datesRentree(n);

  // Children at charge on the day of the rentrée (R543-1).
  const presents = s.persons.filter(
    (p) =>
      (p.role === 'enfant' || p.role === 'autre_a_charge') &&
      isPresent(p, d.rentree) &&
      latestBirth(p.dateNaissance) <= d.rentree,
  );
  // Ceiling: children at charge for family benefits (under 20), whether or not they open the ARS (R543-5).
  const ageLimite = valueAt(P.ageLimiteEnfantACharge, d.montant);
  const aCharge = presents.filter((p) => ageAt(earliestBirth(p.dateNaissance), d.rentree) < ageLimite);
  const enfants = aCharge.map((p) => evaluateChild(p, n));
  const certains = enfants.filter((e) => e.statut === 'ouvre_droit');
  const indetermines = enfants.filter((e) => e.statut === 'indetermine');

  if (certains.length === 0 && indetermines.length === 0) {
    const reasons: UnmetCondition[] = [
      {
        code: 'aucun_enfant',
        message: `Aucun enfant à charge n'ouvre droit à l'allocation de rentrée scolaire ${n} : il faut un enfant scolarisé qui aura ${valueAt(P.ageEntreePrimaire, d.montant)} ans avant le ${frenchDate(d.sixAnsAvant)} et qui n'aura pas ${valueAt(P.ageSortieLycee, d.montant)} ans au ${frenchDate(d.moinsDe18Au)}.`,
        values: { enfantsACharge: aCharge.length },
      },
    ];
    return {
      status: 'not_eligible',
      period,
      reasons,
      explanation: reasons.map((r) => r.message).join(' '),
      details: { enfants, enfantsACharge: aCharge.length },
    };
  }

  const anneeRevenus = n - valueAt(P.decalageAnneeRevenus, d.montant);
  const revenu = s.revenusFiscaux?.[String(anneeRevenus)]?.revenuNetImposable ?? null;
  const missing: string[] = [];
  if (revenu === null) missing.push(`revenu net imposable ${anneeRevenus} du foyer`);
  if (certains.length === 0) for (const e of indetermines) if (e.manque) missing.push(e.manque);
  if (missing.length > 0)
    return {
      status: 'undetermined',
      period,
      missing,
      explanation:
        `Pour estimer l'allocation de rentrée scolaire ${n}, il manque : ${missing.join(' ; ')}.` +
        (certains.length === 0
          ? ' La scolarité (certificat de scolarité ou contrat d’apprentissage) se déclare à la CAF ou à la MSA.'
          : ''),
    };

  // Ceiling = base × (1 + 0.3 × children at charge), yearly arrêté (R543-5), truncated to the euro as in the
  // published tables (2024, 1 child: 27 141.4 → 27 141). Divergence OpenFisca: it does not truncate.
  const base = valueAt(P.plafondRessources, d.montant);
  const plafond = Math.floor(
    roundCents(base * (1 + valueAt(P.majorationPlafondParEnfant, d.montant) * aCharge.length)),
  );
  const total = roundCents(certains.reduce((t, e) => t + e.montant, 0));
  // Best case for the children whose situation is unknown (highest band when the band itself is unknown).
  const totalPossible = roundCents(
    total + indetermines.reduce((t, e) => t + montantEnfant(e.tranche ?? 'lycee', n), 0),
  );
  const rev = revenu ?? 0;
  const depassement = Math.max(0, roundCents(rev - plafond));
  // Differential ARS (L543-1, R543-6-1): the total less the excess over the ceiling, nothing under 15 € (D543-2).
  const differentielle = depassement > 0;
  const amount = differentielle ? roundCents(total - depassement) : total;
  const minimum = valueAt(P.montantMinimumVerse, d.montant);
  // CRDS: per child on the full ARS (published per-child nets), on the total of a differential ARS.
  // Divergence OpenFisca: it rounds the CRDS of the total (2 × 441.58 → 878.74, here 2 × 439.38 = 878.76).
  const montantNetCrds = differentielle
    ? netCrds(Math.max(0, amount), n)
    : roundCents(certains.reduce((t, e) => t + e.montantNetCrds, 0));

  const label = (e: EnfantArs) =>
    e.tranche ? `un enfant de la tranche ${trancheLabel(e.tranche, d.montant)} (${euros(e.montant)})` : 'un enfant';
  const liste = certains.map(label).join(', ');
  const nb = certains.length;
  const enfantsTxt = `Pour la rentrée ${n}, ${nb === 1 ? 'un enfant ouvre' : `${nb} enfants ouvrent`} droit à l'allocation de rentrée scolaire : ${liste}.`;
  const revenuTxt =
    differentielle && amount > 0
      ? `Le revenu net imposable ${anneeRevenus} du foyer, ${euros(rev)}, dépasse de ${euros(depassement)} le plafond de ${euros(plafond)} pour ${aCharge.length} enfant${aCharge.length > 1 ? 's' : ''} à charge : l'allocation est réduite d'autant (allocation différentielle).`
      : `Le revenu net imposable ${anneeRevenus} du foyer, ${euros(rev)}, ne dépasse pas le plafond de ${euros(plafond)} pour ${aCharge.length} enfant${aCharge.length > 1 ? 's' : ''} à charge.`;
  const indetTxt = indetermines.length
    ? ` Pour ${indetermines.length === 1 ? 'un autre enfant' : `${indetermines.length} autres enfants`}, la scolarité à la rentrée (ou la date de naissance) n'est pas connue : l'allocation pourrait aussi être due pour ${indetermines.length === 1 ? 'lui' : 'eux'} si la scolarité ou l'apprentissage est déclaré à la CAF ou à la MSA.`
    : '';
  const details = {
    rentree: n,
    enfants,
    enfantsACharge: aCharge.length,
    enfantsOuvrantDroit: certains.length,
    enfantsIndetermines: indetermines.length,
    bmaf: valueAt(common.bmaf, d.montant),
    plafond,
    anneeRevenus,
    revenuReference: rev,
    montantTotal: total,
    differentielle,
    depassement,
    montantNetCrds: Math.max(0, montantNetCrds),
  };

  if (amount < minimum) {
    // Unknown children could raise the total enough: then the answer waits for their schooling.
    if (indetermines.length > 0 && roundCents(totalPossible - depassement) >= minimum)
      return {
        status: 'undetermined',
        period,
        missing: indetermines.flatMap((e) => (e.manque ? [e.manque] : [])),
        explanation: `${enfantsTxt} ${revenuTxt}${indetTxt}`,
      };
    const reason: UnmetCondition =
      amount <= 0
        ? {
            code: 'ressources_superieures_au_plafond',
            message: `Le revenu net imposable ${anneeRevenus} du foyer (${euros(rev)}) dépasse de ${euros(depassement)} le plafond de ${euros(plafond)} pour ${aCharge.length} enfant${aCharge.length > 1 ? 's' : ''} à charge, soit au moins le montant de l'allocation (${euros(total)}).`,
            values: { revenu: rev, plafond, montantTotal: total },
          }
        : {
            code: 'montant_inferieur_minimum',
            message: `L'allocation différentielle calculée (${euros(amount)}) est inférieure au minimum versé de ${euros(minimum)}.`,
            values: { montant: amount, minimum },
          };
    return {
      status: 'not_eligible',
      period,
      reasons: [reason],
      explanation: `${enfantsTxt} ${amount <= 0 ? '' : `${revenuTxt} `}${reason.message} L'allocation ne serait donc pas versée.${indetTxt}`,
      details,
    };
  }

  const breakdown: BreakdownLine[] = certains.map((e) => ({
    label: `Enfant ${e.tranche ? trancheLabel(e.tranche, d.montant) : ''}`.trim(),
    amount: e.montant,
  }));
  if (differentielle) breakdown.push({ label: 'Dépassement du plafond de ressources', amount: -depassement });
  return {
    status: 'eligible',
    amount,
    period,
    breakdown,
    explanation:
      `${enfantsTxt} ${revenuTxt} Vous pourriez recevoir ${euros(amount)} (${euros(montantNetCrds)} après la CRDS), versés en août par la CAF ou la MSA.` +
      `${indetTxt}`,
    details,
  };
}

export const arsRight: RightDefinition = {
  id: 'ars',
  title: 'Allocation de rentrée scolaire (ARS)',
  legalReferences: [
    'CSS L543-1, L543-2',
    'CSS R543-1 à R543-6-1 (âges, scolarité, plafond, allocation différentielle)',
    'CSS D543-1 (taux par tranche d’âge), D543-2 (minimum versé)',
  ],
  unit: 'foyer',
  amountPeriod: 'an',
  recheckOn: ['age_scolaire', 'naissance', 'separation'],
  inputs: [
    { name: 'enfants à charge et dates de naissance', heldBy: ['caf', 'dgfip'] },
    { name: 'scolarité ou apprentissage des 16-18 ans', heldBy: ['caf'] },
    { name: 'revenu net imposable N-2 du foyer', heldBy: ['dgfip'] },
    { name: 'ARS déjà versée', heldBy: ['caf'] },
  ],
  evaluate: computeArs,
};
