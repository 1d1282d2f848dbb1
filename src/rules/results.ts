import type { BreakdownLine, RightResult } from '../model.ts';
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
