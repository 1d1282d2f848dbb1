import type { RightResult } from '../../model.ts';
import { roundCents } from '../money.ts';
import type { RightId } from './mapper.ts';

/**
 * The OpenFisca output variables we compare, and how to read each from our result. A reader
 * returns a number or a boolean, or a string: the reason the value cannot be read (then the
 * check is skipped).
 */
export interface OutputSpec {
  readonly right: RightId;
  /** OpenFisca's definition period of the variable. */
  readonly unit: 'month' | 'year';
  /** A monthly amount asked for a year: the sum of its 12 months. */
  readonly yearSum: boolean;
  readonly type: 'amount' | 'boolean';
  read(r: RightResult): number | boolean | string;
}

type Details = Readonly<Record<string, unknown>>;

function undetermined(r: RightResult): string | null {
  return r.status === 'undetermined' ? `résultat indéterminé (${r.missing.join(', ')})` : null;
}

/** The amount paid: the result's amount when eligible, 0 otherwise. */
const amount = (r: RightResult) => undetermined(r) ?? (r.status === 'eligible' ? r.amount : 0);

function details(r: RightResult): Details | null {
  return r.status === 'undetermined' ? null : r.details;
}

/** RSA reason codes about the amount (the eligibility conditions themselves are met). */
const RSA_AMOUNT_CODES = new Set(['ressources_trop_elevees', 'montant_inferieur_minimum']);

interface RsaMonth {
  readonly montantForfaitaire: number;
  readonly majore: boolean;
  readonly forfaitLogement: number;
  readonly ressources: number;
}

function rsaMonths(r: RightResult): readonly RsaMonth[] | string {
  const u = undetermined(r);
  if (u) return u;
  const months = details(r)?.months;
  if (!Array.isArray(months) || months.length === 0)
    return 'détail non exposé par le droit (RSA refusé sur ses conditions)';
  return months as RsaMonth[];
}

/** A figure the RSA computes per reference month, compared only when equal over the three months. */
function sameEachMonth(r: RightResult, pick: (m: RsaMonth) => number | null, what: string): number | string {
  const months = rsaMonths(r);
  if (typeof months === 'string') return months;
  const values = months.map(pick);
  const first = values[0];
  if (first === null || first === undefined || values.some((v) => v === null || Math.abs(v - first) > 1e-9))
    return `détail non exposé par le droit : ${what} (varie entre les mois de référence)`;
  return roundCents(first);
}

function detailNumber(r: RightResult, key: string, what: string): number | string {
  const u = undetermined(r);
  if (u) return u;
  if (r.status === 'not_eligible') return 0;
  const v = details(r)?.[key];
  return typeof v === 'number' ? v : `détail non exposé par le droit : ${what}`;
}

export const OUTPUTS: Readonly<Record<string, OutputSpec>> = {
  rsa: { right: 'rsa', unit: 'month', yearSum: true, type: 'amount', read: amount },
  rsa_eligibilite: {
    right: 'rsa',
    unit: 'month',
    yearSum: false,
    type: 'boolean',
    read: (r) =>
      undetermined(r) ??
      (r.status === 'eligible' ||
        (r.status === 'not_eligible' && r.reasons.every((x) => RSA_AMOUNT_CODES.has(x.code)))),
  },
  rsa_socle: {
    right: 'rsa',
    unit: 'month',
    yearSum: false,
    type: 'amount',
    read: (r) => sameEachMonth(r, (m) => (m.majore ? null : m.montantForfaitaire), 'rsa_socle'),
  },
  rsa_socle_majore: {
    right: 'rsa',
    unit: 'month',
    yearSum: false,
    type: 'amount',
    read: (r) => sameEachMonth(r, (m) => (m.majore ? m.montantForfaitaire : null), 'rsa_socle_majore'),
  },
  rsa_forfait_logement: {
    right: 'rsa',
    unit: 'month',
    yearSum: false,
    type: 'amount',
    read: (r) => sameEachMonth(r, (m) => m.forfaitLogement, 'rsa_forfait_logement'),
  },
  rsa_base_ressources: {
    right: 'rsa',
    unit: 'month',
    yearSum: false,
    type: 'amount',
    read: (r) => {
      const months = rsaMonths(r);
      if (typeof months === 'string') return months;
      return roundCents(months.reduce((t, m) => t + m.ressources, 0) / months.length);
    },
  },
  ppa: { right: 'ppa', unit: 'month', yearSum: true, type: 'amount', read: amount },
  ppa_nette_crds: {
    right: 'ppa',
    unit: 'month',
    yearSum: true,
    type: 'amount',
    read: (r) => detailNumber(r, 'montantNetCrds', 'ppa_nette_crds'),
  },
  css_participation_forfaitaire: {
    right: 'c2s',
    unit: 'month',
    yearSum: false,
    type: 'amount',
    read: (r) => undetermined(r) ?? (r.status === 'eligible' && details(r)?.type === 'participation' ? r.amount : 0),
  },
  cmu_c: {
    right: 'c2s',
    unit: 'month',
    yearSum: false,
    type: 'boolean',
    read: (r) => undetermined(r) ?? (r.status === 'eligible' && details(r)?.type === 'gratuite'),
  },
  aspa: { right: 'aspa', unit: 'month', yearSum: true, type: 'amount', read: amount },
  ars: { right: 'ars', unit: 'year', yearSum: false, type: 'amount', read: amount },
  ars_nette_crds: {
    right: 'ars',
    unit: 'year',
    yearSum: false,
    type: 'amount',
    read: (r) => detailNumber(r, 'montantNetCrds', 'ars_nette_crds'),
  },
};

/** The right an output variable belongs to (`rsa[famille_2]` → rsa), or null when not compared. */
export function rightOfVariable(variable: string): RightId | null {
  return OUTPUTS[variable.replace(/\[.*\]$/, '')]?.right ?? null;
}
