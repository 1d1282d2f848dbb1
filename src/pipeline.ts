import { basename } from 'node:path';
import type { Db } from './db/open.ts';
import { type Batch, batchScopes, readBatch, readRunContext } from './eligibility/batch.ts';
import { type DecidedBatch, type DecideRequest, decideBatch, mergeDecided } from './eligibility/decide.ts';
import { addFunnel, type Funnel } from './eligibility/evaluate.ts';
import { detectEvents, type LifeEvent } from './eligibility/events.ts';
import { lastRunOf, readRecentEvents, storeEvents, touchedHouseholds } from './eligibility/events-store.ts';
import { contactExclusion } from './eligibility/exclusions.ts';
import { applyDecisions } from './eligibility/store.ts';
import type { ExclusionReason, Situation } from './model.ts';
import { applyNotificationPlan } from './notify/apply.ts';
import { planNotifications } from './notify/plan.ts';
import { applyDossierPlan } from './prefill/apply.ts';
import { planDossiers } from './prefill/build.ts';
import { loadPseudonymizer } from './pseudonym.ts';
import { RIGHTS } from './rules/registry.ts';
import type { RightDefinition } from './rules/right.ts';
import { RULES_VERSION } from './rules/version.ts';
import { parseExtractFileName } from './sources/file-name.ts';
import { type InboxOutcome, importFiles, inboxFiles } from './sources/inbox.ts';
import { resolvePersons } from './sources/persons.ts';

export interface RunOptions {
  readonly asOf: string;
  /** Extract files to import before evaluating (already imported ones are skipped). */
  readonly files: readonly string[];
  readonly outDir: string;
  readonly maxRejectRate?: number;
  /** Rights to evaluate (default: the RSA). Counts are summed over them, and given per right. */
  readonly rights?: readonly RightDefinition['id'][];
  /** Evaluate every household, not only those touched by a life event since the last run. */
  readonly full?: boolean;
  /** Progress lines for the operator (no personal data). */
  readonly log?: (line: string) => void;
  /** CAF cases per batch (default 750). */
  readonly batchSize?: number;
}

/** What one right's evaluation did in a run. */
export interface RightSummary {
  /** Every household evaluated (first run, or --full), or only those touched by a life event. */
  full: boolean;
  households: number;
  toInvite: number;
  superseded: number;
  eligible: number;
  notEligible: number;
  undetermined: number;
  excluded: Record<ExclusionReason, number>;
  decisionsRecorded: number;
  notificationsQueued: number;
  dossiersWritten: number;
}

export interface RunSummary {
  asOf: string;
  rights: string[];
  byRight: Record<string, RightSummary>;
  imports: InboxOutcome[];
  /** Files refused as a whole (nothing of them applied). */
  refusedFiles: number;
  rejectedRows: number;
  /** Households known at the reference date. */
  households: number;
  /** Households evaluated (at most `households`: a run after the first only takes those with a new life event). */
  evaluated: number;
  lifeEvents: number;
  lifeEventsNew: number;
  /** Identity conflicts on record (same NIR with different birth dates, same traits with several NIR). */
  identityConflicts: number;
  eligible: number;
  notEligible: number;
  undetermined: number;
  excluded: Record<ExclusionReason, number>;
  decisionsRecorded: number;
  notificationsQueued: number;
  dossiersWritten: number;
}

/** The extract files of a folder, in the order to import them: by extraction date, then name. */
export async function extractFilesIn(dir: string): Promise<string[]> {
  return (await inboxFiles(dir)).filter((f) => !('error' in parseExtractFileName(basename(f))));
}

/**
 * The whole pipeline for the RSA: import the extracts, build each household's situation at
 * `asOf`, decide, queue notifications, write pre-filled dossiers. Each stage reads, plans
 * (pure), then applies; a rerun on the same inputs changes nothing.
 */
export async function runPipeline(db: Db, o: RunOptions): Promise<RunSummary> {
  const log = o.log ?? (() => {});
  // Every file is tried; one refused as a whole is reported and the others go on.
  const imports = await importFiles(
    db,
    o.files,
    o.maxRejectRate === undefined ? {} : { maxRejectRate: o.maxRejectRate },
  );
  for (const r of imports)
    log(
      r.status === 'skipped'
        ? `import ${r.file} : ignoré, ${r.reason}`
        : r.status === 'refused'
          ? `import ${r.file} : REFUSÉ, ${r.reason}`
          : `import ${r.file} : ${r.read} lignes lues, ${r.accepted} acceptées, ${r.rejected} rejetées`,
    );
  const persons = await resolvePersons(db, o.asOf);
  if (persons.newConflicts)
    log(`identité : ${persons.newConflicts} nouveau(x) conflit(s) à vérifier (proactif persons)`);
  const batch = await evaluateInBatches(db, {
    asOf: o.asOf,
    rights: o.rights ?? ['rsa'],
    full: Boolean(o.full),
    dryRun: false,
    outDir: o.outDir,
    log,
    ...(o.batchSize ? { batchSize: o.batchSize } : {}),
  });
  const byRight = batch.byRight;
  const sum = (
    k: 'eligible' | 'notEligible' | 'undetermined' | 'decisionsRecorded' | 'notificationsQueued' | 'dossiersWritten',
  ) => Object.values(byRight).reduce((t, r) => t + r[k], 0);
  const excluded: Record<ExclusionReason, number> = {
    deja_beneficiaire: 0,
    droit_clos_recemment: 0,
    invite_recemment: 0,
    opposition: 0,
    sans_canal_de_contact: 0,
    decede: 0,
  };
  for (const r of Object.values(byRight))
    for (const k of Object.keys(excluded) as ExclusionReason[]) excluded[k] += r.excluded[k];
  return {
    asOf: o.asOf,
    rights: Object.keys(byRight),
    imports,
    rejectedRows: imports.reduce((t, r) => t + (r.status === 'imported' ? r.rejected : 0), 0),
    refusedFiles: imports.filter((r) => r.status === 'refused').length,
    households: batch.households,
    evaluated: Math.max(0, ...Object.values(byRight).map((r) => r.households)),
    lifeEvents: batch.lifeEvents,
    lifeEventsNew: batch.lifeEventsNew,
    identityConflicts: Object.values(persons.conflicts).reduce((t, n) => t + n, 0),
    eligible: sum('eligible'),
    notEligible: sum('notEligible'),
    undetermined: sum('undetermined'),
    excluded,
    decisionsRecorded: sum('decisionsRecorded'),
    notificationsQueued: sum('notificationsQueued'),
    dossiersWritten: sum('dossiersWritten'),
    byRight,
  };
}

export interface EligibilityOptions {
  readonly asOf: string;
  readonly right: RightDefinition['id'];
  readonly departement?: string;
  readonly limit?: number;
  /** Evaluate every household, not only those touched by a life event since the last run. */
  readonly full?: boolean;
  /** Plan only: nothing is written. */
  readonly dryRun?: boolean;
}

/**
 * One right for the households already imported (optionally one département, the first N):
 * the funnel, and unless `dryRun` the decisions recorded. Notifications and dossiers are left
 * to `run`.
 */
export async function runEligibility(db: Db, o: EligibilityOptions) {
  const [r] = await runEligibilities(db, { ...o, rights: [o.right] });
  return r as EligibilityResult;
}

export interface EligibilityResult {
  readonly right: RightDefinition['id'];
  readonly funnel: Funnel;
  readonly full: boolean;
  readonly lifeEvents: number;
  readonly recorded: number;
  readonly superseded: number;
}

/** Several rights over the same situations, built once (the bench and the nightly run use it). */
export async function runEligibilities(
  db: Db,
  o: Omit<EligibilityOptions, 'right'> & { rights: readonly RightDefinition['id'][] },
): Promise<EligibilityResult[]> {
  const r = await evaluateInBatches(db, {
    asOf: o.asOf,
    rights: o.rights,
    full: Boolean(o.full),
    dryRun: Boolean(o.dryRun),
    ...(o.departement ? { departement: o.departement } : {}),
    ...(o.limit !== undefined ? { limit: o.limit } : {}),
  });
  return o.rights.map((right) => {
    const s = r.byRight[right] as RightSummary;
    return {
      right,
      funnel: {
        households: s.households,
        eligible: s.eligible,
        notEligible: s.notEligible,
        undetermined: s.undetermined,
        excluded: s.excluded,
        toInvite: s.toInvite,
      },
      full: s.full,
      lifeEvents: r.lifeEvents,
      recorded: s.decisionsRecorded,
      superseded: s.superseded,
    };
  });
}

/**
 * CAF cases per batch. A run holds at most three batches at a time (one read ahead, one decided,
 * one being written): 750 keeps a run of all five rights under 500 MB whatever the number of
 * households (bench/eligibility).
 */
const BATCH_CASES = 750;

/** Batches decided and waiting for their write (PostgreSQL), at most: see `evaluateInBatches`. */
const WRITES_AHEAD = 2;

const emptyExcluded = (): Record<ExclusionReason, number> => ({
  deja_beneficiaire: 0,
  droit_clos_recemment: 0,
  invite_recemment: 0,
  opposition: 0,
  sans_canal_de_contact: 0,
  decede: 0,
});

/**
 * Evaluates the rights batch by batch: each range of CAF cases (then the tax households unknown
 * to the CAF) is read, built, checked for life events, decided, and — with `outDir` — notified
 * and pre-filled, before the next one is read. Memory is bounded by a batch, not by the files.
 */
async function evaluateInBatches(
  db: Db,
  o: {
    readonly asOf: string;
    readonly rights: readonly RightDefinition['id'][];
    readonly full: boolean;
    readonly dryRun: boolean;
    readonly departement?: string;
    readonly limit?: number;
    /** Queue notifications and write dossiers there (the `run` job); absent: decisions only. */
    readonly outDir?: string;
    readonly log?: (line: string) => void;
    readonly batchSize?: number;
  },
) {
  const pseudo = await loadPseudonymizer(db.kysely);
  const ctx = await readRunContext(db.kysely, o.asOf, o.rights, pseudo);
  // Whether each right evaluates everyone is decided once, before any batch is recorded.
  const plans = await Promise.all(
    o.rights.map(async (id) => {
      const last = await lastRunOf(db.kysely, id, o.asOf);
      return { id, full: o.full || last === null, last };
    }),
  );
  const byRight: Record<string, RightSummary> = {};
  for (const p of plans)
    byRight[p.id] = {
      full: p.full,
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
  const scopes = await batchScopes(db.kysely, o.asOf, o.batchSize ?? BATCH_CASES, o.departement);
  // On PostgreSQL the next batch is read, and the previous one written, while this one is
  // decided: the server works on one core while this process computes on the other. PGlite runs
  // in this process, one statement at a time: there each step waits for the previous one.
  const overlap = db.dialect === 'pg';
  let households = 0;
  let lifeEvents = 0;
  let lifeEventsNew = 0;
  let remaining = o.limit ?? Number.POSITIVE_INFINITY;
  /** Adds a decided batch to the funnels of its rights. */
  const count = (decided: DecidedBatch) => {
    for (const r of decided.rights) addFunnel(byRight[r.id] as RightSummary, r.funnel);
  };
  /** Records a batch's decisions (every right in one transaction), then its notifications and dossiers. */
  const writeBatch = async (
    decided: DecidedBatch,
    byKey: ReadonlyMap<string, Situation>,
    events: readonly LifeEvent[],
  ) => {
    // The batch's life events and decisions in one transaction: fewer round trips, each of which
    // waits for a turn of this process's event loop, busy deciding the next batch.
    const stored = await db.transaction(async (tx) => {
      lifeEventsNew += await storeEvents(tx, events, o.asOf, pseudo);
      return applyDecisions(tx, decided.rows, decided.situations, { ids: Boolean(o.outDir) });
    });
    for (const { id, eligible } of decided.rights) {
      const acc = byRight[id] as RightSummary;
      const counts = stored.byRight.get(id);
      acc.decisionsRecorded += counts?.recorded ?? 0;
      acc.superseded += counts?.superseded ?? 0;
      if (!o.outDir) continue;
      const ids = stored.ids.get(id) ?? new Map<string, number>();
      acc.notificationsQueued += await applyNotificationPlan(db, planNotifications(eligible, byKey), ids);
      acc.dossiersWritten += await applyDossierPlan(db, planDossiers(eligible, byKey), ids, o.outDir);
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
    byKey: ReadonlyMap<string, Situation> = new Map(),
  ) => {
    await before;
    await writeBatch(decided, byKey, events);
  };
  let pending: Promise<Batch> | null = null;
  /** The previous batch's write: batches are written one at a time, in order. */
  let previous: Promise<void> | null = null;
  /** The writes not yet awaited, oldest first. */
  const writing: Promise<void>[] = [];
  try {
    for (let i = 0; i < scopes.length && remaining > 0; i++) {
      const batch: Batch = await (pending ?? readBatch(db.kysely, ctx, scopes[i] as (typeof scopes)[number]));
      pending = null;
      if (overlap && i + 1 < scopes.length) {
        pending = readBatch(db.kysely, ctx, scopes[i + 1] as (typeof scopes)[number]);
        // Awaited at the next turn; a failure then is reported there (or dropped if the run stops first).
        pending.catch(() => {});
      }
      const events = detectEvents(batch.situations, batch.previous, batch.held.rightEnds, Object.values(RIGHTS), {
        since: ctx.since,
        asOf: o.asOf,
      });
      households += batch.situations.length;
      lifeEvents += events.length;
      let situations = batch.situations;
      if (o.departement) situations = situations.filter((s) => s.departement === o.departement);
      const byKey = new Map<string, Situation>(situations.map((s) => [s.householdKey, s]));
      let used = 0;
      // Events on record since the earliest last run among the rights not evaluated in full.
      const since = plans.flatMap((p) => (p.full ? [] : [p.last as string])).sort()[0];
      const recorded = since
        ? await readRecentEvents(
            db.kysely,
            situations.map((s) => s.householdKey),
            since,
            o.asOf,
          )
        : [];
      const request: DecideRequest['rights'][number][] = [];
      for (const p of plans) {
        let target = situations;
        if (!p.full) {
          const touched = touchedHouseholds(recorded, p.id, p.last as string);
          for (const e of events) if (e.rights.includes(p.id)) touched.add(e.householdKey);
          target = situations.filter((s) => touched.has(s.householdKey));
        }
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
      // A worker thread for the rules was measured and dropped: copying the situations to it and
      // the decisions back cost more than it saved on two cores shared with the server.
      const decided = await decideYielding(
        { asOf: o.asOf, rulesVersion: RULES_VERSION, pseudo, rights: request },
        overlap,
      );
      count(decided);
      if (o.dryRun) continue;
      // One batch is written at a time, in order (its life events, then its decisions), while the
      // next ones are read and decided. Without letters to write, only the rows wait: not the
      // situations and the eligible decisions.
      previous = o.outDir
        ? writeAfter(previous, events, decided, byKey)
        : writeAfter(previous, events, { ...decided, rights: decided.rights.map((r) => ({ ...r, eligible: [] })) });
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
    await previous;
  } finally {
    await pending?.catch(() => {});
    await previous?.catch(() => {});
  }
  for (const p of plans) {
    const r = byRight[p.id] as RightSummary;
    o.log?.(
      `${p.id.toUpperCase()} ${o.asOf.slice(0, 7)} : ${r.households} foyers évalués, ${r.eligible} éligibles, ${r.toInvite} à inviter`,
    );
    if (!o.dryRun) await recordRun(db, p.id, o.asOf, p.full, r.households);
  }
  o.log?.(`événements de vie : ${lifeEvents} (${lifeEventsNew} nouveaux)`);
  return { byRight, households, lifeEvents, lifeEventsNew };
}

/** Households decided between two turns of the event loop (a few milliseconds of rules). */
const DECIDE_SLICE = 250;

/**
 * Decides a batch a slice of households at a time, letting the event loop turn in between when
 * the database works alongside (PostgreSQL): the writes and reads in flight take a turn for each
 * statement, and a batch decided in one go held each of them up for the whole batch.
 */
async function decideYielding(req: DecideRequest, yieldBetween: boolean): Promise<DecidedBatch> {
  if (!yieldBetween) return decideBatch(req);
  const parts: DecidedBatch[] = [];
  for (const right of req.rights)
    for (let i = 0; i < right.situations.length; i += DECIDE_SLICE) {
      parts.push(
        decideBatch({ ...req, rights: [{ ...right, situations: right.situations.slice(i, i + DECIDE_SLICE) }] }),
      );
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  return mergeDecided(parts);
}

async function recordRun(db: Db, right: string, asOf: string, full: boolean, households: number) {
  await db.kysely
    .insertInto('eligibility_run')
    .values({ right_id: right, as_of: asOf, full_run: full, households })
    .execute();
}
