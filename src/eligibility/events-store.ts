import { sql } from 'kysely';
import { getOrInit } from '../collections.ts';
import type { Kdb } from '../db/database.ts';
import type { Db } from '../db/open.ts';
import type { Pseudonymizer } from '../pseudonym.ts';
import { addMonths, monthOf } from '../rules/dates.ts';
import { RIGHTS } from '../rules/registry.ts';
import type { LifeEvent, RightEnd } from './events.ts';
import { detectEvents } from './events.ts';
import { buildSituations, type CaseRange, readSourceRows } from './situation.ts';

/**
 * Rights that end on a known date, from the latest payers' lists: the end date when given,
 * else, for the C2S (granted for 12 months), the next anniversary of its start.
 */
export async function readRightEnds(db: Kdb, asOf: string): Promise<RightEnd[]> {
  // Two plain queries joined here: the rights in progress of the latest payers' lists, and the
  // NIR of each CAF case (the planner chose a slow join for the one-query form).
  const rights = await sql<{
    nir: string;
    droit: string;
    date_debut_droit: string | null;
    date_fin_droit: string | null;
  }>`
    with latest as (select payeur, max(snapshot_date) as d from beneficiaire where snapshot_date <= ${asOf} group by payeur)
    select b.nir, b.droit, b.date_debut_droit, b.date_fin_droit
    from beneficiaire b join latest l on l.payeur = b.payeur and l.d = b.snapshot_date
    where b.est_beneficiaire and b.statut = 'EN_COURS' and b.nir is not null`.execute(db);
  if (rights.rows.length === 0) return [];
  const snapshot = await db
    .selectFrom('caf_membre')
    .select((eb) => eb.fn.max('snapshot_date').as('d'))
    .where('snapshot_date', '<=', asOf)
    .executeTakeFirst();
  const members = snapshot?.d
    ? await db
        .selectFrom('caf_membre')
        .select(['code_organisme', 'numero_allocataire', 'nir'])
        .where('snapshot_date', '=', snapshot.d as string)
        .where('nir', 'is not', null)
        .execute()
    : [];
  const householdsOf = new Map<string, string[]>();
  for (const m of members)
    getOrInit(householdsOf, m.nir as string, () => []).push(`caf:${m.code_organisme}-${m.numero_allocataire}`);
  const out: RightEnd[] = [];
  const seen = new Set<string>();
  for (const r of rights.rows) {
    let end = r.date_fin_droit;
    if (!end && r.droit === 'C2S' && r.date_debut_droit) {
      let m = monthOf(r.date_debut_droit);
      while (`${m}-01` <= asOf) m = addMonths(m, 12);
      end = `${m}${r.date_debut_droit.slice(7)}`;
    }
    if (!end) continue;
    for (const householdKey of householdsOf.get(r.nir) ?? []) {
      const k = `${householdKey}|${r.droit}|${end}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push({ householdKey, droit: r.droit, dateFin: end });
    }
  }
  return out;
}

/** The date events were last looked for: the latest eligibility run, else the previous CAF snapshot. */
async function previousDates(db: Kdb, asOf: string) {
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
 * Detects the life events since the last run (or the previous snapshot) and stores each once.
 * Returns the events found and how many were new.
 */
export async function detectAndStoreEvents(
  db: Db,
  asOf: string,
  pseudo: Pseudonymizer,
  dryRun = false,
  scope: { readonly range?: CaseRange; readonly dgfipOnly?: boolean } = {},
  /** Rights ending soon, when the caller read them once for all batches. */
  rightEnds?: readonly RightEnd[],
) {
  const { lastRun, previousSnapshot } = await previousDates(db.kysely, asOf);
  const since = lastRun ?? previousSnapshot ?? `${addMonths(monthOf(asOf), -1)}-01`;
  const current = buildSituations(await readSourceRows(db.kysely, asOf, scope), pseudo);
  const previous = previousSnapshot
    ? buildSituations(await readSourceRows(db.kysely, previousSnapshot, scope), pseudo)
    : [];
  const keys = new Set(current.map((s) => s.householdKey));
  const events = detectEvents(
    current,
    new Map(previous.map((s) => [s.householdKey, s])),
    (rightEnds ?? (await readRightEnds(db.kysely, asOf))).filter((e) => keys.has(e.householdKey)),
    Object.values(RIGHTS),
    { since, asOf },
  );
  const stored = dryRun ? 0 : await storeEvents(db, events, asOf, pseudo);
  return { since, events, stored, situations: current };
}

async function storeEvents(db: Db, events: readonly LifeEvent[], asOf: string, pseudo: Pseudonymizer): Promise<number> {
  if (events.length === 0) return 0;
  return db.transaction(async (tx) => {
    await sql`create temporary table life_event_in (like life_event including defaults) on commit drop`.execute(
      tx.kysely,
    );
    await tx.copyRows(
      'life_event_in' as 'life_event',
      ['household_key', 'pseudonym', 'kind', 'event_date', 'subject', 'detected_on', 'data', 'rights'],
      events.map((e) => [
        e.householdKey,
        pseudo('F', e.householdKey),
        e.kind,
        e.date,
        String(e.data.personne ?? e.data.droit ?? ''),
        asOf,
        e.data,
        e.rights,
      ]),
    );
    const r = await sql`
      insert into life_event (household_key, pseudonym, kind, event_date, subject, detected_on, data, rights)
      select distinct on (household_key, kind, event_date, subject)
        household_key, pseudonym, kind, event_date, subject, detected_on, data, rights from life_event_in
      on conflict (household_key, kind, event_date, subject) do nothing`.execute(tx.kysely);
    return Number(r.numAffectedRows ?? 0);
  });
}

/** Households with an event calling `right` to be re-checked, detected after `after`. */
export async function touchedHouseholds(db: Kdb, right: string, after: string, asOf: string): Promise<Set<string>> {
  const rows = await sql<{ household_key: string }>`
    select distinct household_key from life_event
    where detected_on > ${after} and detected_on <= ${asOf} and rights @> ${JSON.stringify([right])}::jsonb`.execute(
    db,
  );
  return new Set(rows.rows.map((r) => r.household_key));
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
