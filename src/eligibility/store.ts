import { sql } from 'kysely';
import type { Db } from '../db/open.ts';
import type { Decision } from '../model.ts';

export interface DecisionApplyReport {
  /** Decisions recorded by this run (new, or superseding an older one). */
  readonly recorded: number;
  readonly unchanged: number;
  readonly superseded: number;
  /** The id of the current decision of each household in the plan. */
  readonly ids: ReadonlyMap<string, number>;
}

const COLUMNS = [
  'household_key',
  'pseudonym',
  'right_id',
  'period',
  'status',
  'exclusion',
  'amount',
  'explanation',
  'situation_hash',
  'message',
  'inputs_hash',
  'rules_version',
] as const;

/**
 * Records decisions in bulk (COPY into a temporary table, then one insert … select). The same
 * inputs and rules give the same row, so a rerun records nothing; changed inputs add a new
 * decision and mark the previous one superseded, both staying readable.
 */
export async function applyDecisions(db: Db, decisions: readonly Decision[]): Promise<DecisionApplyReport> {
  return db.transaction(async (tx) => {
    const k = tx.kysely;
    // Each situation once, however many rights were decided on it.
    await sql`create temporary table situation_in (like situation_snapshot including defaults) on commit drop`.execute(
      k,
    );
    const situations = new Map<string, unknown>();
    for (const d of decisions) situations.set(d.situationHash, d.inputs);
    await tx.copyRows(
      'situation_in',
      ['hash', 'inputs'],
      [...situations].map(([hash, inputs]) => [hash, inputs]),
    );
    await sql`insert into situation_snapshot (hash, inputs) select hash, inputs from situation_in on conflict (hash) do nothing`.execute(
      k,
    );
    await sql`create temporary table decision_in (like decision including defaults) on commit drop`.execute(k);
    await tx.copyRows(
      'decision_in' as 'decision',
      COLUMNS,
      decisions.map((d) => [
        d.householdKey,
        d.pseudonym,
        d.rightId,
        d.period,
        d.result.status,
        d.exclusion,
        d.result.status === 'eligible' ? d.result.amount : null,
        d.result,
        d.situationHash,
        d.result.explanation,
        d.inputsHash,
        d.rulesVersion,
      ]),
    );
    const inserted = await sql<{ id: number }>`
      insert into decision (${sql.raw(COLUMNS.join(', '))})
      select ${sql.raw(COLUMNS.join(', '))} from decision_in
      on conflict (household_key, right_id, period, inputs_hash, rules_version) do nothing
      returning id`.execute(k);
    const superseded = await sql`
      update decision d set superseded_at = now()
      from decision_in i
      where d.household_key = i.household_key and d.right_id = i.right_id and d.period = i.period
        and d.superseded_at is null
        and (d.inputs_hash <> i.inputs_hash or d.rules_version <> i.rules_version)`.execute(k);
    // A decision that becomes current again (inputs back to an earlier state) is revived.
    await sql`
      update decision d set superseded_at = null
      from decision_in i
      where d.household_key = i.household_key and d.right_id = i.right_id and d.period = i.period
        and d.inputs_hash = i.inputs_hash and d.rules_version = i.rules_version and d.superseded_at is not null`.execute(
      k,
    );
    const current = await sql<{ id: number; household_key: string }>`
      select d.id, d.household_key from decision d
      join decision_in i using (household_key, right_id, period, inputs_hash, rules_version)`.execute(k);
    const ids = new Map(current.rows.map((r) => [r.household_key, Number(r.id)]));
    return {
      recorded: inserted.rows.length,
      unchanged: decisions.length - inserted.rows.length,
      superseded: Number(superseded.numAffectedRows ?? 0),
      ids,
    };
  });
}
