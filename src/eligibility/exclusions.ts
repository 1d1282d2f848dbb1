import { sql } from 'kysely';
import { getOrInit } from '../collections.ts';
import type { Kdb } from '../db/database.ts';
import type { ExclusionReason } from '../model.ts';
import { addMonths, monthOf } from '../rules/dates.ts';

/** Who already receives which right: person NIRs and CAF cases, per right code (RSA, PPA…). */
export interface CurrentBeneficiaries {
  readonly byNir: ReadonlyMap<string, ReadonlySet<string>>;
  readonly byCase: ReadonlyMap<string, ReadonlySet<string>>;
  /** NIR → internal person key, to match the situation's persons. */
  readonly nirOfHousehold: ReadonlyMap<string, readonly string[]>;
}

/**
 * Reads who currently receives a right (SOURCES.md §7.4): a row `est_beneficiaire=O` and
 * `statut=EN_COURS` in the latest snapshot of each payer, or a CAF payment of the right for the
 * last complete month before `asOf`.
 */
export async function readCurrentBeneficiaries(db: Kdb, asOf: string): Promise<CurrentBeneficiaries> {
  const latestByPayer = await db
    .selectFrom('beneficiaire')
    .select(['payeur', (eb) => eb.fn.max('snapshot_date').as('d')])
    .where('snapshot_date', '<=', asOf)
    .groupBy('payeur')
    .execute();
  const byNir = new Map<string, Set<string>>();
  for (const { payeur, d } of latestByPayer) {
    const rows = await db
      .selectFrom('beneficiaire')
      .select(['nir', 'droit'])
      .where('payeur', '=', payeur)
      .where('snapshot_date', '=', d as string)
      .where('est_beneficiaire', '=', true)
      .where('statut', '=', 'EN_COURS')
      .where('nir', 'is not', null)
      .execute();
    for (const r of rows) getOrInit(byNir, r.nir as string, () => new Set<string>()).add(r.droit);
  }
  const lastMonth = addMonths(monthOf(asOf), -1);
  const droitsSnap = await db
    .selectFrom('caf_droit')
    .select((eb) => eb.fn.max('snapshot_date').as('d'))
    .where('snapshot_date', '<=', asOf)
    .executeTakeFirst();
  const byCase = new Map<string, Set<string>>();
  if (droitsSnap?.d) {
    const paid = await db
      .selectFrom('caf_droit')
      .select(['code_organisme', 'numero_allocataire', 'prestation'])
      .where('snapshot_date', '=', droitsSnap.d as string)
      .where('mois', '=', lastMonth)
      .where('montant', '>', 0)
      .execute();
    for (const p of paid) {
      const k = `caf:${p.code_organisme}-${p.numero_allocataire}`;
      getOrInit(byCase, k, () => new Set<string>()).add(p.prestation);
    }
  }
  // NIRs of each household, to test the payers' lists against the household's members.
  const nirOfHousehold = new Map<string, string[]>();
  const members = await db
    .selectFrom('caf_membre')
    .select(['code_organisme', 'numero_allocataire', 'nir'])
    .where('nir', 'is not', null)
    .where('snapshot_date', '<=', asOf)
    .distinct()
    .execute();
  for (const m of members) {
    const k = `caf:${m.code_organisme}-${m.numero_allocataire}`;
    getOrInit(nirOfHousehold, k, () => []).push(m.nir as string);
  }
  const dg = await db
    .selectFrom('dgfip_personne')
    .select(['reference_avis', 'nir'])
    .where('nir', 'is not', null)
    .where('snapshot_date', '<=', asOf)
    .distinct()
    .execute();
  for (const m of dg) {
    const k = `dgfip:${m.reference_avis}`;
    getOrInit(nirOfHousehold, k, () => []).push(m.nir as string);
  }
  return { byNir, byCase, nirOfHousehold };
}

/** Does the household already receive `right` (code as the payers write it: RSA, PPA…)? */
export function alreadyReceives(b: CurrentBeneficiaries, householdKey: string, right: string): boolean {
  if (b.byCase.get(householdKey)?.has(right)) return true;
  return (b.nirOfHousehold.get(householdKey) ?? []).some((nir) => b.byNir.get(nir)?.has(right));
}

/** How long after an invitation, or after a right closed, a household is not invited again. */
export interface ContactPolicy {
  /** Months after an invitation for the same right (default 3, about 90 days). */
  readonly cooldownMonths: number;
  /** Months after a right was closed (refusal, end) before proposing it again (default 6). */
  readonly closedMonths: number;
}

export const DEFAULT_CONTACT_POLICY: ContactPolicy = { cooldownMonths: 3, closedMonths: 6 };

/**
 * Households not to write to about `right` at `asOf`, with the reason: asked not to be contacted,
 * invited for this right in the last months, or whose right was closed recently.
 */
export async function readContactExclusions(
  db: Kdb,
  right: string,
  asOf: string,
  policy: ContactPolicy = DEFAULT_CONTACT_POLICY,
): Promise<Map<string, ExclusionReason>> {
  const out = new Map<string, ExclusionReason>();
  const period = monthOf(asOf);
  const closed = await sql<{ household_key: string }>`
    with latest as (select payeur, max(snapshot_date) as d from beneficiaire where snapshot_date <= ${asOf} group by payeur)
    select distinct 'caf:' || m.code_organisme || '-' || m.numero_allocataire as household_key
    from beneficiaire b join latest l on l.payeur = b.payeur and l.d = b.snapshot_date
    join caf_membre m on m.nir = b.nir
    where b.droit = ${right.toUpperCase()} and b.statut = 'CLOS'
      and b.date_effet_statut > ${`${addMonths(period, -policy.closedMonths)}-01`} and b.date_effet_statut <= ${asOf}`.execute(
    db,
  );
  for (const r of closed.rows) out.set(r.household_key, 'droit_clos_recemment');
  const invited = await db
    .selectFrom('notification')
    .select('household_key')
    .distinct()
    .where('right_id', '=', right)
    .where('period', '<', period)
    .where('period', '>=', addMonths(period, -policy.cooldownMonths))
    .execute();
  for (const r of invited) out.set(r.household_key, 'invite_recemment');
  const opposed = await db
    .selectFrom('opposition')
    .select('household_key')
    .where('right_id', 'in', [right, '*'])
    .where('since', '<=', asOf)
    .execute();
  for (const r of opposed) out.set(r.household_key, 'opposition');
  return out;
}
