import { sql } from 'kysely';
import { getOrInit } from '../collections.ts';
import type { Kdb } from '../db/database.ts';
import type { ExclusionReason, Situation } from '../model.ts';
import { addMonths, monthOf } from '../rules/dates.ts';
import type { RightEnd } from './events.ts';

/** The latest snapshot of each payer's list at `asOf`, and the files it came in (read once per run). */
export async function readPayerSnapshots(db: Kdb, asOf: string): Promise<PayerSnapshot[]> {
  const rows = await db
    .selectFrom('beneficiaire')
    .select(['payeur', 'snapshot_date', 'import_id'])
    .distinct()
    .where('snapshot_date', '<=', asOf)
    .execute();
  const latest = new Map<string, { payeur: string; snapshot: string; files: number[] }>();
  for (const r of rows) {
    const d = r.snapshot_date as string;
    const l = latest.get(r.payeur);
    if (!l || d > l.snapshot) latest.set(r.payeur, { payeur: r.payeur, snapshot: d, files: [Number(r.import_id)] });
    else if (d === l.snapshot) l.files.push(Number(r.import_id));
  }
  return [...latest.values()].sort((a, b) => (a.payeur < b.payeur ? -1 : 1));
}

export interface PayerSnapshot {
  readonly payeur: string;
  readonly snapshot: string;
  /** The imported files of that snapshot (the staging table's partitions). */
  readonly files: readonly number[];
}

/** A row of a payer's list (SOURCES.md §7.4), as the exclusions and renewal triggers need it. */
export interface PayerRow {
  readonly nir: string;
  readonly droit: string;
  readonly statut: string;
  readonly est_beneficiaire: boolean;
  readonly date_debut_droit: string | null;
  readonly date_fin_droit: string | null;
  readonly date_effet_statut: string | null;
}

/** The rows of the latest payers' lists about these persons (a batch's members), in one query. */
export async function readPayerRows(
  db: Kdb,
  snapshots: readonly PayerSnapshot[],
  nirs: readonly string[],
): Promise<PayerRow[]> {
  if (nirs.length === 0 || snapshots.length === 0) return [];
  const rows = await sql<PayerRow>`
    select b.nir, b.droit, b.statut, b.est_beneficiaire, b.date_debut_droit, b.date_fin_droit, b.date_effet_statut
    from unnest(${nirs}::text[]) as p(person)
    -- Person by person through the NIR index (a join on the NIR list made the planner scan the
    -- lists), in the latest snapshots' partitions only: 1.44 → 0.68 s of server CPU at 100 000
    -- households a month after the first run, when each payer has two snapshots, more with more.
    cross join lateral (
      select * from beneficiaire b
      where b.nir = p.person and b.import_id = any(${snapshots.flatMap((s) => s.files)}::int[]) offset 0) b
    join unnest(${snapshots.map((s) => s.payeur)}::text[], ${snapshots.map((s) => s.snapshot)}::date[])
      as l(payeur, snapshot_date) on l.payeur = b.payeur and l.snapshot_date = b.snapshot_date`.execute(db);
  return rows.rows;
}

/** What a batch's households already hold: rights received, closed recently, ending soon. */
export interface RightsHeld {
  /** Does the household already receive `right` (code as the payers write it: RSA, PPA…)? */
  receives(householdKey: string, right: string): boolean;
  /** Was `right` closed (refusal, end) for a member within the policy's months? */
  closedRecently(householdKey: string, right: string): boolean;
  /** Rights in progress with a known end: the renewal triggers. */
  readonly rightEnds: readonly RightEnd[];
}

/**
 * Who already receives which right (pure): a row `est_beneficiaire=O` and `statut=EN_COURS` in
 * the latest list of a payer for one of the household's current members, or a CAF payment of the
 * right for the last complete month before `asOf` (`cafPaid`, by household). The same rows give
 * the rights closed recently and the rights ending soon (the end date when given, else, for the
 * C2S, granted for 12 months, the next anniversary of its start).
 */
export function rightsHeld(
  situations: readonly Situation[],
  payerRows: readonly PayerRow[],
  cafPaid: ReadonlyMap<string, ReadonlySet<string>>,
  asOf: string,
  policy: ContactPolicy = DEFAULT_CONTACT_POLICY,
): RightsHeld {
  const byNir = new Map<string, PayerRow[]>();
  for (const r of payerRows) getOrInit(byNir, r.nir, () => []).push(r);
  const closedAfter = `${addMonths(monthOf(asOf), -policy.closedMonths)}-01`;
  const receiving = new Map<string, Set<string>>();
  const closed = new Map<string, Set<string>>();
  const rightEnds: RightEnd[] = [];
  for (const s of situations) {
    const seen = new Set<string>();
    for (const p of s.persons) {
      const nir = p.identite.nir;
      if (!nir) continue;
      for (const r of byNir.get(nir) ?? []) {
        if (r.est_beneficiaire && r.statut === 'EN_COURS') {
          getOrInit(receiving, s.householdKey, () => new Set<string>()).add(r.droit);
          const end = endOf(r, asOf);
          const k = `${r.droit}|${end}`;
          if (end && !seen.has(k)) {
            seen.add(k);
            rightEnds.push({ householdKey: s.householdKey, droit: r.droit, dateFin: end });
          }
        }
        if (
          r.statut === 'CLOS' &&
          r.date_effet_statut &&
          r.date_effet_statut > closedAfter &&
          r.date_effet_statut <= asOf
        )
          getOrInit(closed, s.householdKey, () => new Set<string>()).add(r.droit);
      }
    }
  }
  return {
    receives: (k, right) => Boolean(cafPaid.get(k)?.has(right) || receiving.get(k)?.has(right)),
    closedRecently: (k, right) => Boolean(closed.get(k)?.has(right)),
    rightEnds,
  };
}

function endOf(r: PayerRow, asOf: string): string | null {
  if (r.date_fin_droit) return r.date_fin_droit;
  if (r.droit === 'C2S' && r.date_debut_droit) {
    let m = monthOf(r.date_debut_droit);
    while (`${m}-01` <= asOf) m = addMonths(m, 12);
    return `${m}${r.date_debut_droit.slice(7)}`;
  }
  return null;
}

/** The CAF cases paid each right for the last complete month before `asOf` (from a batch's rows). */
export function cafPaidLastMonth(
  droits: readonly {
    code_organisme: string;
    numero_allocataire: string;
    mois: string;
    prestation: string;
    montant: number;
  }[],
  asOf: string,
): Map<string, Set<string>> {
  const lastMonth = addMonths(monthOf(asOf), -1);
  const out = new Map<string, Set<string>>();
  for (const d of droits)
    if (d.mois === lastMonth && d.montant > 0)
      getOrInit(out, `caf:${d.code_organisme}-${d.numero_allocataire}`, () => new Set<string>()).add(d.prestation);
  return out;
}

/** How long after an invitation, or after a right closed, a household is not invited again. */
export interface ContactPolicy {
  /** Months after an invitation for the same right (default 3, about 90 days). */
  readonly cooldownMonths: number;
  /** Months after a right was closed (refusal, end) before proposing it again (default 6). */
  readonly closedMonths: number;
}

export const DEFAULT_CONTACT_POLICY: ContactPolicy = { cooldownMonths: 3, closedMonths: 6 };

/** What the outbox and the oppositions say of a batch's households: who not to write to again. */
export interface ContactHistory {
  /** Right → households invited for it within the cooldown. */
  readonly invited: ReadonlyMap<string, ReadonlySet<string>>;
  /** Household → rights (or `*`, every right) it asked not to be contacted about. */
  readonly opposed: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Reads the invitations within the cooldown and the oppositions of these households. */
export async function readContactHistory(
  db: Kdb,
  rights: readonly string[],
  households: readonly string[],
  asOf: string,
  policy: ContactPolicy = DEFAULT_CONTACT_POLICY,
): Promise<ContactHistory> {
  const invited = new Map<string, Set<string>>();
  const opposed = new Map<string, Set<string>>();
  if (households.length === 0) return { invited, opposed };
  const period = monthOf(asOf);
  const sent = await sql<{ right_id: string; household_key: string }>`
    select distinct right_id, household_key from notification
    where household_key = any(${households}::text[]) and right_id = any(${rights}::text[])
      and period < ${period} and period >= ${addMonths(period, -policy.cooldownMonths)}`.execute(db);
  for (const r of sent.rows) getOrInit(invited, r.right_id, () => new Set<string>()).add(r.household_key);
  const opp = await sql<{ right_id: string; household_key: string }>`
    select right_id, household_key from opposition
    where household_key = any(${households}::text[]) and since <= ${asOf}`.execute(db);
  for (const r of opp.rows) getOrInit(opposed, r.household_key, () => new Set<string>()).add(r.right_id);
  return { invited, opposed };
}

/**
 * Why not to write to a household about `right` at `asOf`, if there is a reason: asked not to be
 * contacted, invited for this right in the last months, or the right was closed recently.
 */
export function contactExclusion(
  history: ContactHistory,
  held: RightsHeld,
  right: string,
  householdKey: string,
): ExclusionReason | undefined {
  const o = history.opposed.get(householdKey);
  if (o?.has(right) || o?.has('*')) return 'opposition';
  if (history.invited.get(right)?.has(householdKey)) return 'invite_recemment';
  if (held.closedRecently(householdKey, right.toUpperCase())) return 'droit_clos_recemment';
  return undefined;
}
