import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from './db/open.ts';
import { funnelOf, planDecisions } from './eligibility/evaluate.ts';
import type { LifeEvent } from './eligibility/events.ts';
import { detectAndStoreEvents, lastRunOf, touchedHouseholds } from './eligibility/events-store.ts';
import { alreadyReceives, readContactExclusions, readCurrentBeneficiaries } from './eligibility/exclusions.ts';
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
import { type InboxOutcome, importFiles } from './sources/inbox.ts';
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
}

/** What one right's evaluation did in a run. */
export interface RightSummary {
  /** Every household evaluated (first run, or --full), or only those touched by a life event. */
  full: boolean;
  households: number;
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
  const names = (await readdir(dir)).filter((n) => !('error' in parseExtractFileName(n)));
  const dated = names.map((n) => {
    const p = parseExtractFileName(n);
    return { n, d: 'error' in p ? '' : p.extractedOn };
  });
  dated.sort((a, b) => a.d.localeCompare(b.d) || a.n.localeCompare(b.n));
  return dated.map((x) => join(dir, x.n));
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
  const pseudo = await loadPseudonymizer(db.kysely);
  const detection = await detectAndStoreEvents(db, o.asOf, pseudo);
  const situations = detection.situations;
  log(`événements de vie depuis le ${detection.since} : ${detection.events.length} (${detection.stored} nouveaux)`);
  const beneficiaries = await readCurrentBeneficiaries(db.kysely, o.asOf);
  const byKey = new Map<string, Situation>(situations.map((s) => [s.householdKey, s]));
  const byRight: Record<string, RightSummary> = {};
  for (const id of o.rights ?? ['rsa']) {
    const right = RIGHTS[id];
    const code = id.toUpperCase();
    const target = await targetHouseholds(db, id, o.asOf, situations, detection.events, Boolean(o.full));
    const contact = await readContactExclusions(db.kysely, id, o.asOf);
    const plan = planDecisions(
      {
        situations: target.situations,
        alreadyReceives: (k) => alreadyReceives(beneficiaries, k, code),
        contactExclusion: (k) => contact.get(k),
      },
      right,
      o.asOf,
      pseudo,
      RULES_VERSION,
    );
    const funnel = funnelOf(plan);
    log(
      `${code} ${plan.period} : ${funnel.households} foyers évalués, ${funnel.eligible} éligibles, ${funnel.toInvite} à inviter`,
    );
    const stored = await applyDecisions(db, plan.decisions);
    const queued = await applyNotificationPlan(db, planNotifications(plan.decisions, byKey), stored.ids);
    const written = await applyDossierPlan(db, planDossiers(plan.decisions, byKey), stored.ids, o.outDir);
    await recordRun(db, id, o.asOf, target.full, funnel.households);
    byRight[id] = {
      full: target.full,
      households: funnel.households,
      eligible: funnel.eligible,
      notEligible: funnel.notEligible,
      undetermined: funnel.undetermined,
      excluded: funnel.excluded,
      decisionsRecorded: stored.recorded,
      notificationsQueued: queued,
      dossiersWritten: written,
    };
  }
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
    households: situations.length,
    evaluated: Math.max(0, ...Object.values(byRight).map((r) => r.households)),
    lifeEvents: detection.events.length,
    lifeEventsNew: detection.stored,
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
  readonly plan: ReturnType<typeof planDecisions>;
  readonly funnel: ReturnType<typeof funnelOf>;
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
  const pseudo = await loadPseudonymizer(db.kysely);
  const detection = await detectAndStoreEvents(db, o.asOf, pseudo, Boolean(o.dryRun));
  let all: readonly Situation[] = detection.situations;
  if (o.departement) all = all.filter((s) => s.departement === o.departement);
  const beneficiaries = await readCurrentBeneficiaries(db.kysely, o.asOf);
  const out: EligibilityResult[] = [];
  for (const right of o.rights) {
    const target = await targetHouseholds(db, right, o.asOf, all, detection.events, Boolean(o.full));
    const situations = o.limit !== undefined ? target.situations.slice(0, o.limit) : target.situations;
    const code = right.toUpperCase();
    const contact = await readContactExclusions(db.kysely, right, o.asOf);
    const plan = planDecisions(
      {
        situations,
        alreadyReceives: (k) => alreadyReceives(beneficiaries, k, code),
        contactExclusion: (k) => contact.get(k),
      },
      RIGHTS[right],
      o.asOf,
      pseudo,
      RULES_VERSION,
    );
    const funnel = funnelOf(plan);
    const stored = o.dryRun ? null : await applyDecisions(db, plan.decisions);
    if (!o.dryRun) await recordRun(db, right, o.asOf, target.full, funnel.households);
    out.push({
      right,
      plan,
      funnel,
      full: target.full,
      lifeEvents: detection.events.length,
      recorded: stored?.recorded ?? 0,
      superseded: stored?.superseded ?? 0,
    });
  }
  return out;
}

/**
 * The households a run evaluates: all of them on the first run of a right or with `full`;
 * afterwards only those with a life event calling this right since its last run.
 */
async function targetHouseholds(
  db: Db,
  right: string,
  asOf: string,
  situations: readonly Situation[],
  events: readonly LifeEvent[],
  full: boolean,
): Promise<{ full: boolean; situations: readonly Situation[] }> {
  const last = await lastRunOf(db.kysely, right, asOf);
  if (full || last === null) return { full: true, situations };
  const touched = await touchedHouseholds(db.kysely, right, last, asOf);
  for (const e of events) if (e.rights.includes(right)) touched.add(e.householdKey);
  return { full: false, situations: situations.filter((s) => touched.has(s.householdKey)) };
}

async function recordRun(db: Db, right: string, asOf: string, full: boolean, households: number) {
  await db.kysely
    .insertInto('eligibility_run')
    .values({ right_id: right, as_of: asOf, full_run: full, households })
    .execute();
}
