import { sql } from 'kysely';
import type { Kdb } from '../db/database.ts';
import type { Situation } from '../model.ts';
import type { Pseudonymizer } from '../pseudonym.ts';
import { addMonths, monthOf } from '../rules/dates.ts';
import { EXTRACTS } from '../sources/registry.ts';
import { earliestResourceMonth } from './events.ts';
import { previousDates } from './events-store.ts';
import {
  type ContactHistory,
  cafPaidLastMonth,
  type PayerSnapshot,
  type RightsHeld,
  readContactHistory,
  readPayerRows,
  readPayerSnapshots,
  rightsHeld,
} from './exclusions.ts';
import {
  avisBatches,
  buildSituations,
  type CaseRange,
  caseRanges,
  completeRows,
  readSnapshotDates,
  readSourceRows,
  type SnapshotDates,
  type SourceRows,
} from './situation.ts';

/** One batch of a run: a range of CAF cases, or a range of tax notices for the households the CAF does not know. */
export type BatchScope = { readonly range: CaseRange } | { readonly avis: readonly string[] };

/** What every batch of a run shares, read once. */
export interface RunContext {
  readonly asOf: string;
  /** Events are looked for after this date (the last run, else the previous CAF snapshot). */
  readonly since: string;
  /** The CAF snapshot before the current one, to compare with (life events). */
  readonly previousSnapshot: string | null;
  /** The snapshot dates at `asOf` and at the previous CAF snapshot, read once for all batches. */
  readonly snapshots: SnapshotDates;
  readonly previousSnapshots: SnapshotDates | null;
  readonly payers: readonly PayerSnapshot[];
  /** Ids of the rights evaluated (for the invitations already sent). */
  readonly rights: readonly string[];
  readonly pseudo: Pseudonymizer;
}

/** `setting` key prefix of what a table's last analysis saw (`ensurePlannerStatistics`). */
const STATISTICS_KEY = 'statistiques_planificateur:';

/**
 * Gathers the planner's statistics of the staging tables (the extracts' partitioned tables)
 * never analysed as a whole, or loaded again since they last were. PostgreSQL's autovacuum
 * analyses each partition but never a partitioned table itself, and without its figures the
 * planner guesses: at a million households it estimated 8 billion rows for the join finding the
 * tax households unknown to the CAF, and the three processes of that parallel hash join took
 * 7.5 GB each until the machine ran out of memory. Figures grown stale can mislead as much: after
 * a month's new snapshot, a sample that saw a single `snapshot_date` has the planner expect next
 * to no row for the new one. (Measured the month after at 100 000 households, the run took the
 * same time with stale figures as with fresh ones, 19.3 and 19.7 s: the per-batch reads go
 * through their indexes whatever the figures. This is a precaution for the plans that do not.)
 * The import does not analyse what it loads (it would lengthen every import). Each analysis is
 * recorded with the files then imported into the table (how many, the last id, read before it),
 * in `setting`: PostgreSQL's own date of a table's last analysis is lost whenever its statistics
 * are (PGlite loses them at every close), and two files of one table can commit out of order, or
 * be purged, which a last id alone would not show.
 * `record: false` (a `--dry-run`) analyses without recording: analysing changes the planner's
 * figures, no data; the next run analyses again.
 */
export async function ensurePlannerStatistics(db: Kdb, opts: { record?: boolean } = {}): Promise<string[]> {
  const staging = EXTRACTS.filter((e) => e.table !== 'insee_deces');
  const tables = [...new Set(staging.map((e) => e.table))];
  const state = await sql<{ relname: string; never: boolean; files: string; recorded: string | null }>`
    select c.relname, c.reltuples < 0 as never,
      (select count(f.id) || '/' || coalesce(max(f.id), 0)
         from import_file f
         join unnest(${staging.map((e) => e.table)}::text[], ${staging.map((e) => e.agency)}::text[],
                     ${staging.map((e) => e.extract)}::text[]) as x(tbl, agency, extract)
           on x.agency = f.agency and x.extract = f.extract
        where x.tbl = c.relname) as files,
      (select value from setting where key = ${STATISTICS_KEY} || c.relname) as recorded
    from pg_class c
    where c.relkind = 'p' and c.relname = any(${tables}::text[]) and pg_table_is_visible(c.oid)
    order by c.relname`.execute(db);
  const stale = state.rows.filter((t) => t.never || t.recorded !== t.files);
  // At once: on PostgreSQL each on a connection of its own. A small sample (3 000 rows rather
  // than 30 000): the planner needs the tables' sizes and the spread of their keys, and the
  // partitions keep the full statistics autovacuum gathers. 0.6–0.8 s → 0.06 s for the tax
  // notices at 100 000 households, at the start of a run, when nothing else is under way.
  await Promise.all(
    stale.map((t) =>
      db.transaction().execute(async (tx) => {
        await sql`set local default_statistics_target = 10`.execute(tx);
        await sql`analyze ${sql.table(t.relname)}`.execute(tx);
        if (opts.record !== false)
          await tx
            .insertInto('setting')
            .values({ key: STATISTICS_KEY + t.relname, value: t.files })
            .onConflict((c) => c.column('key').doUpdateSet({ value: t.files }))
            .execute();
      }),
    ),
  );
  return stale.map((t) => t.relname);
}

export async function readRunContext(
  db: Kdb,
  asOf: string,
  rights: readonly string[],
  pseudo: Pseudonymizer,
  opts: { readonly dryRun?: boolean } = {},
): Promise<RunContext> {
  await ensurePlannerStatistics(db, { record: !opts.dryRun });
  const { lastRun, previousSnapshot } = await previousDates(db, asOf);
  return {
    asOf,
    since: lastRun ?? previousSnapshot ?? `${addMonths(monthOf(asOf), -1)}-01`,
    previousSnapshot,
    snapshots: await readSnapshotDates(db, asOf),
    previousSnapshots: previousSnapshot ? await readSnapshotDates(db, previousSnapshot) : null,
    payers: await readPayerSnapshots(db, asOf),
    rights,
    pseudo,
  };
}

/**
 * The batches of a run: ranges of `size` CAF cases, then lists of `size` tax notices for the
 * tax households none of whose members the CAF knows.
 */
export async function batchScopes(
  db: Kdb,
  asOf: string,
  size: number,
  /** Only the batches holding households of this département (they may hold others too). */
  departement?: string,
): Promise<BatchScope[]> {
  const cases = await caseRanges(db, asOf, size, departement);
  const notices = await avisBatches(db, asOf, size, departement);
  return [...cases.map((range) => ({ range })), ...notices.map((avis) => ({ avis }))];
}

/** Everything a batch's decisions need, read and built (the current and previous situations). */
export interface Batch {
  readonly situations: readonly Situation[];
  /** The same households at the previous CAF snapshot, by household key. */
  readonly previous: ReadonlyMap<string, Situation>;
  readonly held: RightsHeld;
  readonly contacts: ContactHistory;
  /**
   * Read for life events only (`forEvents`): the situations lack the earlier months of resources
   * and the tax figures, and these rows are kept to complete them (`completeSituations`).
   */
  readonly partial?: SourceRows;
}

/**
 * Reads one batch: its source rows at `asOf` and at the previous snapshot, the payers' rows of
 * its members, and the invitations and oppositions of its households; builds the situations.
 * `forEvents`: only what life events are looked for in (a run evaluating the households touched
 * by one), to be completed for those households by `completeSituations`. The months of resources
 * before the events' window and the tax figures are most of what the server reads for a batch.
 */
export async function readBatch(
  db: Kdb,
  ctx: RunContext,
  scope: BatchScope,
  opts: { readonly forEvents?: boolean } = {},
): Promise<Batch> {
  // The current and previous snapshots at once, then the payers' rows and the contact history.
  const [rows, previousRows] = await Promise.all([
    readSourceRows(db, ctx.asOf, {
      ...scope,
      snapshots: ctx.snapshots,
      ...(opts.forEvents ? { eventsFrom: earliestResourceMonth(ctx) } : {}),
    }),
    // The previous snapshot is compared on composition and address only (life events).
    ctx.previousSnapshot && ctx.previousSnapshots
      ? readSourceRows(db, ctx.previousSnapshot, {
          ...scope,
          compositionOnly: true,
          snapshots: ctx.previousSnapshots,
        })
      : null,
  ]);
  const situations = buildSituations(rows, ctx.pseudo);
  const previous = previousRows ? buildSituations(previousRows, ctx.pseudo) : [];
  const nirs = new Set<string>();
  for (const s of situations) for (const p of s.persons) if (p.identite.nir) nirs.add(p.identite.nir);
  const [payerRows, contacts] = await Promise.all([
    readPayerRows(db, ctx.payers, [...nirs]),
    readContactHistory(
      db,
      ctx.rights,
      situations.map((s) => s.householdKey),
      ctx.asOf,
    ),
  ]);
  return {
    situations,
    previous: new Map(previous.map((s) => [s.householdKey, s])),
    // What is held depends on the members' NIRs and the CAF's payments, both in a read for events.
    held: rightsHeld(situations, payerRows, cafPaidLastMonth(rows.droits, ctx.asOf), ctx.asOf),
    contacts,
    ...(opts.forEvents ? { partial: rows } : {}),
  };
}

/**
 * The whole situations of these households of a batch read for events (`forEvents`), in the
 * batch's order: their earlier months of resources and their tax figures are read now.
 */
export async function completeSituations(
  db: Kdb,
  ctx: RunContext,
  batch: Batch,
  households: ReadonlySet<string>,
): Promise<Situation[]> {
  if (!batch.partial) return batch.situations.filter((s) => households.has(s.householdKey));
  if (households.size === 0) return [];
  return buildSituations(await completeRows(db, batch.partial, households), ctx.pseudo);
}
