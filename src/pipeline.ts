import { basename } from 'node:path';
import type { Db } from './db/open.ts';
import { batchScopes, readRunContext } from './eligibility/batch.ts';
import { emptyExcluded, type Funnel } from './eligibility/evaluate.ts';
import { lastRunOf } from './eligibility/events-store.ts';
import { type BatchJob, type RightCounts, runBatches } from './eligibility/run-batches.ts';
import type { ExclusionReason } from './model.ts';
import { loadPseudonymizer } from './pseudonym.ts';
import type { RightDefinition } from './rules/right.ts';
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
export interface RightSummary extends RightCounts {
  /** Every household evaluated (first run, or --full), or only those touched by a life event. */
  full: boolean;
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
  const excluded = emptyExcluded();
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
 * CAF cases per batch. A run holds at most four batches at a time (one read ahead, one
 * decided, two waiting for their write): 750 keeps a run of all five rights under 500 MB
 * whatever the number of households (bench/eligibility).
 */
const BATCH_CASES = 750;

/**
 * Evaluates the rights batch by batch: each range of CAF cases (then the tax households unknown
 * to the CAF) is read, built, checked for life events, decided, and — with `outDir` — notified
 * and pre-filled (`runBatches`). Memory is bounded by a few batches, not by the files.
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
  const ctx = await readRunContext(db.kysely, o.asOf, o.rights, pseudo, { dryRun: o.dryRun });
  // Whether each right evaluates everyone is decided once, before any batch is recorded.
  const plans = await Promise.all(
    o.rights.map(async (id) => {
      const last = await lastRunOf(db.kysely, id, o.asOf);
      return { id, full: o.full || last === null, last };
    }),
  );
  const job: BatchJob = {
    asOf: o.asOf,
    plans,
    scopes: await batchScopes(db.kysely, o.asOf, o.batchSize ?? BATCH_CASES, o.departement),
    dryRun: o.dryRun,
    ...(o.departement ? { departement: o.departement } : {}),
    ...(o.outDir ? { outDir: o.outDir } : {}),
  };
  const totals = await runBatches(db, ctx, job, o.limit);
  const byRight: Record<string, RightSummary> = {};
  for (const p of plans) {
    const r: RightSummary = { full: p.full, ...(totals.byRight[p.id] as RightCounts) };
    byRight[p.id] = r;
    o.log?.(
      `${p.id.toUpperCase()} ${o.asOf.slice(0, 7)} : ${r.households} foyers évalués, ${r.eligible} éligibles, ${r.toInvite} à inviter`,
    );
    if (!o.dryRun) await recordRun(db, p.id, o.asOf, p.full, r.households);
  }
  o.log?.(`événements de vie : ${totals.lifeEvents} (${totals.lifeEventsNew} nouveaux)`);
  return { byRight, households: totals.households, lifeEvents: totals.lifeEvents, lifeEventsNew: totals.lifeEventsNew };
}

async function recordRun(db: Db, right: string, asOf: string, full: boolean, households: number) {
  await db.kysely
    .insertInto('eligibility_run')
    .values({ right_id: right, as_of: asOf, full_run: full, households })
    .execute();
}
