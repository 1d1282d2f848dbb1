import { sql } from 'kysely';
import type { Kdb } from '../db/database.ts';
import type { Db } from '../db/open.ts';
import type { Pseudonymizer } from '../pseudonym.ts';
import type { LifeEvent } from './events.ts';

/** The date events were last looked for: the latest eligibility run, else the previous CAF snapshot. */
export async function previousDates(db: Kdb, asOf: string) {
  const lastRun = await db
    .selectFrom('eligibility_run')
    .select((eb) => eb.fn.max('as_of').as('d'))
    .where('as_of', '<=', asOf)
    .executeTakeFirst();
  const current = await db
    .selectFrom('caf_foyer')
    .select((eb) => eb.fn.max('snapshot_date').as('d'))
    .where('snapshot_date', '<=', asOf)
    .executeTakeFirst();
  const previous = current?.d
    ? await db
        .selectFrom('caf_foyer')
        .select((eb) => eb.fn.max('snapshot_date').as('d'))
        .where('snapshot_date', '<', current.d as string)
        .executeTakeFirst()
    : undefined;
  return {
    lastRun: (lastRun?.d as string | null) ?? null,
    previousSnapshot: (previous?.d as string | null | undefined) ?? null,
  };
}

/**
 * Stores each life event once (a rerun finds the same events and stores nothing), in one
 * statement (in the caller's transaction when it has one). Returns how many were new.
 */
export async function storeEvents(
  db: Db,
  events: readonly LifeEvent[],
  asOf: string,
  pseudo: Pseudonymizer,
): Promise<number> {
  if (events.length === 0) return 0;
  const r = await sql`
    insert into life_event (household_key, pseudonym, kind, event_date, subject, detected_on, data, rights)
    select distinct on (household_key, kind, event_date, subject)
      household_key, pseudonym, kind, event_date, subject, ${asOf}::date, data, rights
    from unnest(${events.map((e) => e.householdKey)}::text[], ${events.map((e) => pseudo('F', e.householdKey))}::text[],
      ${events.map((e) => e.kind)}::text[], ${events.map((e) => e.date)}::date[],
      ${events.map((e) => String(e.data.personne ?? e.data.droit ?? ''))}::text[],
      ${events.map((e) => JSON.stringify(e.data))}::jsonb[], ${events.map((e) => JSON.stringify(e.rights))}::jsonb[])
      as e(household_key, pseudonym, kind, event_date, subject, data, rights)
    on conflict (household_key, kind, event_date, subject) do nothing`.execute(db.kysely);
  return Number(r.numAffectedRows ?? 0);
}

/** An event on record of one of a batch's households: when it was detected, which rights it calls. */
export interface RecordedEvent {
  readonly household_key: string;
  readonly detected_on: string;
  readonly rights: readonly string[];
}

/** The events of these households detected after `after` and up to `asOf` (one query for every right). */
export async function readRecentEvents(
  db: Kdb,
  households: readonly string[],
  after: string,
  asOf: string,
): Promise<RecordedEvent[]> {
  if (households.length === 0) return [];
  const rows = await sql<RecordedEvent>`
    select household_key, detected_on, rights from life_event
    where household_key = any(${households}::text[]) and detected_on > ${after} and detected_on <= ${asOf}`.execute(db);
  return rows.rows;
}

/** The households with an event calling `right` to be re-checked, detected after `after` (pure). */
export function touchedHouseholds(events: readonly RecordedEvent[], right: string, after: string): Set<string> {
  const out = new Set<string>();
  for (const e of events) if (e.detected_on > after && e.rights.includes(right)) out.add(e.household_key);
  return out;
}

/** The latest run of a right, if any. */
export async function lastRunOf(db: Kdb, right: string, asOf: string): Promise<string | null> {
  const r = await db
    .selectFrom('eligibility_run')
    .select((eb) => eb.fn.max('as_of').as('d'))
    .where('right_id', '=', right)
    .where('as_of', '<=', asOf)
    .executeTakeFirst();
  return (r?.d as string | null | undefined) ?? null;
}
