import type { BreakdownLine, RightResult, Situation } from '../model.ts';
import { euros } from './money.ts';

/**
 * The result of a differential benefit with a minimum payment (RSA 6 €, prime d'activité 15 €):
 * below the minimum nothing is paid and the explanation says why, with the figures.
 */
export function differentialResult(o: {
  readonly amount: number;
  readonly minimum: number;
  readonly period: string;
  readonly breakdown: readonly BreakdownLine[];
  readonly details: Readonly<Record<string, unknown>>;
  /** What the household's figures are, in plain French (one or two sentences). */
  readonly story: string;
  /** "Les ressources du foyer dépassent le montant forfaitaire." */
  readonly tooHigh: string;
  /** "Le RSA" — the subject of "ne serait donc pas versé". */
  readonly subject: string;
  /** The closing sentence when paid: "Vous pourriez recevoir environ 646,52 € par mois de RSA." */
  readonly paid: string;
}): RightResult {
  const { amount, minimum, period, details, story } = o;
  if (amount < minimum)
    return {
      status: 'not_eligible',
      period,
      reasons: [
        {
          code: amount === 0 ? 'ressources_trop_elevees' : 'montant_inferieur_minimum',
          message:
            amount === 0
              ? o.tooHigh
              : `Le montant calculé (${euros(amount)}) est inférieur au minimum versé de ${euros(minimum)}.`,
          values: { montant: amount, minimum },
        },
      ],
      explanation: `${story} ${amount === 0 ? `${o.subject} ne serait donc pas versé${o.subject.startsWith('La ') ? 'e' : ''}.` : `Le montant calculé, ${euros(amount)}, est sous le minimum de ${euros(minimum)} : il ne serait pas versé.`}`,
      details,
    };
  return { status: 'eligible', amount, period, breakdown: o.breakdown, explanation: `${story} ${o.paid}`, details };
}

/** A household known to the CAF: its housing and benefits are known. */
export type CafSituation = Situation & {
  readonly logement: NonNullable<Situation['logement']>;
  readonly prestations: NonNullable<Situation['prestations']>;
};

/** Whether the rules can estimate this household: known to the CAF, and not in Mayotte. */
export function inScope(s: Situation): s is CafSituation {
  return s.departement !== '976' && s.source === 'caf' && s.logement !== null && s.prestations !== null;
}

/**
 * Why a household is out of the rules' scope (pure): Mayotte, whose minimum incomes and health
 * cover follow their own scales (excluded from automatic computation, RULES.md §1.6), or unknown
 * to the CAF, whose housing and benefits are missing. `label`: "le RSA", "la prime d'activité"…
 */
export function outOfScope(s: Situation, period: string, label: string, scheme: 'barème' | 'règles'): RightResult {
  if (s.departement === '976')
    return {
      status: 'undetermined',
      period,
      missing: [`${scheme} à Mayotte`],
      explanation: `À Mayotte, ${label} suit ${scheme === 'barème' ? 'un barème propre' : 'des règles propres'} que proactif ne calcule pas : dossier à examiner par un agent.`,
    };
  return {
    status: 'undetermined',
    period,
    missing: ['composition du foyer selon la CAF', 'logement et aide au logement', 'prestations familiales versées'],
    explanation: `Ce foyer n'est pas connu de la CAF : sa situation de logement et les prestations qu'il perçoit manquent pour estimer ${label}.`,
  };
}
