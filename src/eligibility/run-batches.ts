import type { Db } from '../db/open.ts';
import type { Situation } from '../model.ts';
import { applyNotificationPlan } from '../notify/apply.ts';
import { planNotifications } from '../notify/plan.ts';
import { applyDossierPlan } from '../prefill/apply.ts';
import { planDossiers } from '../prefill/build.ts';
import { RIGHTS } from '../rules/registry.ts';
import type { RightDefinition } from '../rules/right.ts';
import { RULES_VERSION } from '../rules/version.ts';
import { type Batch, type BatchScope, completeSituations, type RunContext, readBatch } from './batch.ts';
import { BatchDecider, type DecidedBatch, type DecideRequest, decideBatch } from './decide.ts';
import { addFunnel, emptyExcluded, type Funnel } from './evaluate.ts';
import { detectEvents, type LifeEvent } from './events.ts';
import { readRecentEvents, storeEvents, touchedHouseholds } from './events-store.ts';
import { contactExclusion } from './exclusions.ts';
import { applyDecisions } from './store.ts';

/** Whether a right evaluates everyone in this run, and its previous run. */
export interface RightPlan {
  readonly id: RightDefinition['id'];
  readonly full: boolean;
  readonly last: string | null;
}

/** What batches did for one right: its funnel and what was written. */
export interface RightCounts extends Funnel {
  decisionsRecorded: number;
  superseded: number;
  notificationsQueued: number;
  dossiersWritten: number;
}

/** What the batches of a run did. */
export interface BatchTotals {
  readonly byRight: Record<string, RightCounts>;
  households: number;
  lifeEvents: number;
  lifeEventsNew: number;
}

/** The batches of a run and how to treat them. */
export interface BatchJob {
  readonly asOf: string;
  readonly plans: readonly RightPlan[];
  readonly scopes: readonly BatchScope[];
  readonly dryRun: boolean;
  readonly departement?: string;
  /** Queue notifications and write dossiers there (the `run` job); absent: decisions only. */
  readonly outDir?: string;
}

/** Batches decided and waiting for their write (PostgreSQL), at most: see `runBatches`. */
const WRITES_AHEAD = 2;

/** Nothing done yet, for each of these rights. */
function emptyTotals(rights: readonly RightDefinition['id'][]): BatchTotals {
  const byRight: Record<string, RightCounts> = {};
  for (const id of rights)
    byRight[id] = {
      households: 0,
      eligible: 0,
      notEligible: 0,
      undetermined: 0,
      excluded: emptyExcluded(),
      toInvite: 0,
      decisionsRecorded: 0,
      superseded: 0,
      notificationsQueued: 0,
      dossiersWritten: 0,
    };
  return { byRight, households: 0, lifeEvents: 0, lifeEventsNew: 0 };
}

/**
 * Treats the batches of a run in order: each is read, built, checked for life events, decided,
 * and unless `dryRun` recorded — with `outDir`, notified and pre-filled. Memory is bounded by a
 * few batches, not by the files.
 *
 * More threads were measured and dropped (100 000 households, two cores shared with the server):
 * - two threads each reading, deciding and writing whole batches with their own connections:
 *   4 s more CPU in all (two heaps to collect, the loader and JIT twice), 620–660 MB at peak
 *   instead of about 400;
 * - a worker thread reading and deciding with its own connections, handing each batch's rows
 *   over as transferred bytes, this one writing: 25.2 s instead of 26.2 s (bench/eligibility),
 *   but 485 MB at peak instead of 330, too close to the 500 MB allowed;
 * - a worker thread for the rules alone cost more in copying situations to it and decisions
 *   back than it saved.
 */
export async function runBatches(
  db: Db,
  ctx: RunContext,
  job: BatchJob,
  /** At most this many households (`--limit`). */
  limit = Number.POSITIVE_INFINITY,
): Promise<BatchTotals> {
  const totals = emptyTotals(job.plans.map((p) => p.id));
  // On PostgreSQL the next batch is read, and the previous one written, while this one is
  // decided: the server works on one core while this thread computes. PGlite runs in this
  // process, one statement at a time: there each step waits for the previous one.
  const overlap = db.dialect === 'pg';
  let remaining = limit;
  /** Records a batch's decisions (every right in one transaction), then its notifications and dossiers. */
  const writeBatch = async (
    decided: DecidedBatch,
    byKey: ReadonlyMap<string, Situation>,
    events: readonly LifeEvent[],
  ) => {
    // The batch's life events and decisions in one transaction: fewer round trips, each of which
    // waits for a turn of this thread's event loop, busy deciding the next batch.
    const stored = await db.transaction(async (tx) => {
      totals.lifeEventsNew += await storeEvents(tx, events, job.asOf, ctx.pseudo);
      return applyDecisions(tx, decided.rows, decided.situations, { ids: Boolean(job.outDir) });
    });
    for (const { id, eligible } of decided.rights) {
      const acc = totals.byRight[id] as RightCounts;
      const counts = stored.byRight.get(id);
      acc.decisionsRecorded += counts?.recorded ?? 0;
      acc.superseded += counts?.superseded ?? 0;
      if (!job.outDir) continue;
      const ids = stored.ids.get(id) ?? new Map<string, number>();
      acc.notificationsQueued += await applyNotificationPlan(db, planNotifications(eligible, byKey), ids);
      acc.dossiersWritten += await applyDossierPlan(db, planDossiers(eligible, byKey), ids, job.outDir);
    }
  };
  /**
   * A batch's write, once `before` is done: its life events, then its decisions. A function of
   * its own, so that the write in flight holds what it is given and not the batch's whole scope.
   */
  const writeAfter = async (
    before: Promise<void> | null,
    events: readonly LifeEvent[],
    decided: DecidedBatch,
    byKey: ReadonlyMap<string, Situation>,
  ) => {
    await before;
    await writeBatch(decided, byKey, events);
  };
  let next = 0;
  // No right evaluated in full: a batch is first read for what life events are looked for in,
  // and completed only for the households an event touches (the nightly run's usual case: at
  // 100 000 households, about one in ten).
  const forEvents = job.plans.every((p) => !p.full);
  /** Starts reading the next batch, if any is left. */
  const readNext = () =>
    next < job.scopes.length ? readBatch(db.kysely, ctx, job.scopes[next++] as BatchScope, { forEvents }) : null;
  // Events on record since the earliest last run among the rights not evaluated in full.
  const since = job.plans.flatMap((p) => (p.full ? [] : [p.last as string])).sort()[0];
  let pending: Promise<Batch> | null = readNext();
  /** The previous batch's write: batches are written one at a time, in order. */
  let previous: Promise<void> | null = null;
  /** The writes not yet awaited, oldest first. */
  const writing: Promise<void>[] = [];
  try {
    while (pending && remaining > 0) {
      const batch: Batch = await pending;
      pending = null;
      if (overlap) {
        pending = readNext();
        // Awaited at the next turn; a failure then is reported there (or dropped if the run stops first).
        pending?.catch(() => {});
      }
      const events = detectEvents(batch.situations, batch.previous, batch.held.rightEnds, Object.values(RIGHTS), {
        since: ctx.since,
        asOf: job.asOf,
      });
      totals.households += batch.situations.length;
      totals.lifeEvents += events.length;
      let situations = batch.situations;
      if (job.departement) situations = situations.filter((s) => s.departement === job.departement);
      const recorded = since
        ? await readRecentEvents(
            db.kysely,
            situations.map((s) => s.householdKey),
            since,
            job.asOf,
          )
        : [];
      // The households each right evaluates: all of them, or those an event touched.
      const touchedBy = job.plans.map((p) => {
        if (p.full) return null;
        const touched = touchedHouseholds(recorded, p.id, p.last as string);
        for (const e of events) if (e.rights.includes(p.id)) touched.add(e.householdKey);
        return touched;
      });
      // Read for events: only the households touched (of the département asked) are completed.
      if (batch.partial) {
        const wanted = new Set<string>();
        for (const s of situations) if (touchedBy.some((t) => t?.has(s.householdKey))) wanted.add(s.householdKey);
        situations = await completeSituations(db.kysely, ctx, batch, wanted);
      }
      // The situations by household, for letters and dossiers only.
      const byKey = new Map<string, Situation>(job.outDir ? situations.map((s) => [s.householdKey, s]) : []);
      let used = 0;
      const request: DecideRequest['rights'][number][] = [];
      for (const [i, p] of job.plans.entries()) {
        const touched = touchedBy[i];
        let target = touched ? situations.filter((s) => touched.has(s.householdKey)) : situations;
        if (target.length > remaining) target = target.slice(0, remaining);
        used = Math.max(used, target.length);
        const code = p.id.toUpperCase();
        request.push({
          id: p.id,
          situations: target,
          alreadyReceives: (k) => batch.held.receives(k, code),
          contactExclusion: (k) => contactExclusion(batch.contacts, batch.held, p.id, k),
        });
      }
      remaining -= used;
      const decided = await decideYielding(
        {
          asOf: job.asOf,
          rulesVersion: RULES_VERSION,
          pseudo: ctx.pseudo,
          rights: request,
          keepEligible: Boolean(job.outDir),
        },
        overlap,
      );
      for (const r of decided.rights) addFunnel(totals.byRight[r.id] as RightCounts, r.funnel);
      if (!job.dryRun) {
        // One batch is written at a time, in order (its life events, then its decisions), while the
        // next ones are read and decided. Without letters to write, only the rows wait: not the
        // situations, and no eligible decision was kept.
        previous = writeAfter(previous, events, decided, byKey);
        // Awaited before a later write or at the end, where a failure is reported.
        previous.catch(() => {});
        if (!overlap) await previous;
        else {
          // At most WRITES_AHEAD batches wait to be written while the next is decided: memory
          // stays bounded (their rows wait as bytes), and a slow write does not stop the deciding.
          writing.push(previous);
          if (writing.length > WRITES_AHEAD) await writing.shift();
        }
      }
      if (!overlap && remaining > 0) pending = readNext();
    }
    await previous;
  } finally {
    await pending?.catch(() => {});
    await previous?.catch(() => {});
  }
  return totals;
}

/**
 * Households decided for one right between two turns of the event loop (PostgreSQL; well under
 * a millisecond of rules). Every statement of a batch's write — its transaction, and each piece of
 * a COPY the socket takes — goes on at a turn: with slices of 250 households (about 7 ms, more
 * with the garbage collector) a write took about 160 ms, more than deciding the next batch, and
 * at 100 000 households this thread waited 3 s for the writes; with slices of 25, 0.06 s.
 */
const DECIDE_SLICE = 25;

/**
 * Decides a batch a slice of households at a time, letting the event loop turn in between when
 * the database works alongside (PostgreSQL): the writes and reads in flight take a turn for each
 * statement and each piece of a COPY.
 */
async function decideYielding(req: DecideRequest, yieldBetween: boolean): Promise<DecidedBatch> {
  if (!yieldBetween) return decideBatch(req);
  const decider = new BatchDecider(req);
  for (const right of req.rights)
    for (let i = 0; i < right.situations.length; i += DECIDE_SLICE) {
      decider.add(right, right.situations.slice(i, i + DECIDE_SLICE));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  return decider.result();
}
