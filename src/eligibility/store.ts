import { sql } from 'kysely';
import { getOrInit } from '../collections.ts';
import { CopyRowWriter } from '../db/copy-format.ts';
import type { Kdb } from '../db/database.ts';
import { copyByteChunks, type Db } from '../db/open.ts';
import type { Decision } from '../model.ts';

export interface DecisionCounts {
  /** Decisions recorded by this run (new, or superseding an older one). */
  recorded: number;
  unchanged: number;
  superseded: number;
}

export interface DecisionApplyReport extends DecisionCounts {
  /** The same counts, per right. */
  readonly byRight: ReadonlyMap<string, DecisionCounts>;
  /** The id of the current decision of each household in the plan, per right. */
  readonly ids: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

const COLUMNS = [
  'id',
  'household_key',
  'pseudonym',
  'right_id',
  'period',
  'status',
  'exclusion',
  'amount',
  'explanation',
  'situation_hash',
  'inputs_hash',
  'rules_version',
] as const;

/** What identifies a decision: its household, right and period, and what it was made on. */
export interface DecisionKey {
  readonly householdKey: string;
  readonly rightId: string;
  readonly period: string;
  readonly inputsHash: string;
  readonly rulesVersion: string;
}

/** A decision as the store writes it: its key, its situation, and its row encoded for COPY. */
export interface DecisionRow extends DecisionKey {
  readonly situationHash: string;
  /**
   * The decision's row in COPY text format (UTF-8), every column but the id (drawn when it is
   * written). As bytes, it waits for the store outside the JavaScript heap.
   */
  readonly row: Uint8Array;
}

/** Where decisions' rows are written as bytes (see `CopyRowWriter`). */
const decisionRows = new CopyRowWriter();

/** Encodes a decision for the store (done once, where the decision is made). */
export function encodeDecision(d: Decision): DecisionRow {
  return {
    householdKey: d.householdKey,
    rightId: d.rightId,
    period: d.period,
    inputsHash: d.inputsHash,
    rulesVersion: d.rulesVersion,
    situationHash: d.situationHash,
    row: decisionRows.row([
      d.householdKey,
      d.pseudonym,
      d.rightId,
      d.period,
      d.result.status,
      d.exclusion,
      d.result.status === 'eligible' ? d.result.amount : null,
      d.result,
      d.situationHash,
      d.inputsHash,
      d.rulesVersion,
    ]),
  };
}

/** A decision already on record for one of the households, rights and periods of a plan. */
export interface RecordedDecision {
  readonly id: number;
  readonly household_key: string;
  readonly right_id: string;
  readonly period: string;
  readonly inputs_hash: string;
  readonly rules_version: string;
  readonly current: boolean;
}

export interface DecisionWrites<D extends DecisionKey> {
  /** Decisions to insert (nothing on record has the same inputs and rules). */
  readonly insert: readonly D[];
  /** Current decisions replaced by a new one (other inputs or rules). */
  readonly supersede: readonly number[];
  /** Superseded decisions that are current again (the inputs came back to an earlier state). */
  readonly revive: readonly number[];
  /** Decision → id of the matching decision on record (unchanged or revived). */
  readonly kept: ReadonlyMap<D, number>;
}

const slot = (householdKey: string, rightId: string, period: string) => `${rightId}|${period}|${householdKey}`;

/**
 * What to write for a plan, given what is on record (pure). The same inputs and rules give the
 * same decision, so a rerun writes nothing; changed inputs add a decision and mark the previous
 * one superseded, both staying readable.
 */
export function planDecisionWrites<D extends DecisionKey>(
  decisions: readonly D[],
  recorded: readonly RecordedDecision[],
): DecisionWrites<D> {
  const bySlot = new Map<string, RecordedDecision[]>();
  for (const r of recorded) getOrInit(bySlot, slot(r.household_key, r.right_id, r.period), () => []).push(r);
  const insert: D[] = [];
  const supersede: number[] = [];
  const revive: number[] = [];
  const kept = new Map<D, number>();
  const seen = new Set<string>();
  for (const d of decisions) {
    const k = slot(d.householdKey, d.rightId, d.period);
    // One decision per household, right and period in a plan: a repeat is ignored.
    if (seen.has(k)) continue;
    seen.add(k);
    const onRecord = bySlot.get(k) ?? [];
    const same = onRecord.find((r) => r.inputs_hash === d.inputsHash && r.rules_version === d.rulesVersion);
    for (const r of onRecord) if (r.current && r !== same) supersede.push(r.id);
    if (same) {
      kept.set(d, same.id);
      if (!same.current) revive.push(same.id);
    } else insert.push(d);
  }
  return { insert, supersede, revive, kept };
}

/** A fixed key for the advisory lock that keeps two runs from recording decisions at once. */
const DECISION_LOCK = 7_261_104_031;

/**
 * Takes, until the end of the transaction, the lock under which decisions are recorded: two runs
 * do not record at once, and the purge does not delete a situation a decision being written
 * refers to (the store checks which situations exist, then writes decisions referring to them).
 */
export async function lockDecisions(tx: Kdb): Promise<void> {
  await sql`select pg_advisory_xact_lock(${DECISION_LOCK})`.execute(tx);
}

/**
 * Records the decisions of a batch (every right at once) in one transaction: each situation once
 * (by hash, `situations` gives their rows), then only the decisions that are new, with the
 * supersessions they imply. With `ids: false` (nothing to link to the decisions: no letter, no
 * dossier), the database numbers them by itself and `ids` lists only the decisions kept.
 */
export async function applyDecisions(
  db: Db,
  decisions: readonly DecisionRow[],
  situations: ReadonlyMap<string, Uint8Array>,
  opts: { readonly ids?: boolean } = {},
): Promise<DecisionApplyReport> {
  const byRight = new Map<string, DecisionCounts>();
  const ids = new Map<string, Map<string, number>>();
  if (decisions.length === 0) return { recorded: 0, unchanged: 0, superseded: 0, byRight, ids };
  return db.transaction(async (tx) => {
    const k = tx.kysely;
    await lockDecisions(k);
    const households = [...new Set(decisions.map((d) => d.householdKey))];
    const rights = [...new Set(decisions.map((d) => d.rightId))];
    const periods = [...new Set(decisions.map((d) => d.period))];
    // What is on record, in one round trip: the decisions of these households, rights and
    // periods, and which of the batch's situations are stored already.
    const onRecord = await sql<RecordedDecision & { situation: boolean }>`
      select false as situation, id, household_key, right_id, period, inputs_hash, rules_version,
        superseded_at is null as current
      from decision
      where household_key = any(${households}::text[]) and right_id = any(${rights}::text[])
        and period = any(${periods}::text[])
      union all
      select true, null, hash, null, null, null, null, null
      from situation_snapshot where hash = any(${[...situations.keys()]}::text[])`.execute(k);
    const recorded = onRecord.rows.filter((r) => !r.situation);
    const w = planDecisionWrites(
      decisions,
      recorded.map((r) => ({ ...r, id: Number(r.id) })),
    );
    if (w.insert.length > 0) {
      // Each situation once, however many rights were decided on it, and only if new.
      const fresh = new Map<string, Uint8Array>();
      for (const d of w.insert) fresh.set(d.situationHash, situations.get(d.situationHash) as Uint8Array);
      for (const r of onRecord.rows) if (r.situation) fresh.delete(r.household_key);
      if (fresh.size > 0) await tx.copyText('situation_snapshot', ['hash', 'inputs'], copyByteChunks(fresh.values()));
      if (opts.ids === false)
        await tx.copyText('decision', COLUMNS.slice(1), copyByteChunks(w.insert.map((d) => d.row)));
      else {
        const newIds = await sql<{ id: number }>`
          select nextval('decision_id_seq') as id from generate_series(1, ${w.insert.length})`.execute(k);
        await tx.copyText(
          'decision',
          COLUMNS,
          copyByteChunks(w.insert.map((d, i) => [`${Number(newIds.rows[i]?.id)}\t`, d.row])),
        );
        w.insert.forEach((d, i) => {
          setId(ids, d, Number(newIds.rows[i]?.id));
        });
      }
      for (const d of w.insert) count(byRight, d.rightId).recorded++;
    }
    if (w.supersede.length > 0)
      await sql`update decision set superseded_at = now() where id = any(${w.supersede}::bigint[])`.execute(k);
    if (w.revive.length > 0)
      await sql`update decision set superseded_at = null where id = any(${w.revive}::bigint[])`.execute(k);
    for (const [d, id] of w.kept) {
      setId(ids, d, id);
      count(byRight, d.rightId).unchanged++;
    }
    const supersededIds = new Set(w.supersede);
    for (const r of recorded) if (supersededIds.has(Number(r.id))) count(byRight, r.right_id).superseded++;
    const total = { recorded: 0, unchanged: 0, superseded: 0 };
    for (const c of byRight.values()) {
      total.recorded += c.recorded;
      total.unchanged += c.unchanged;
      total.superseded += c.superseded;
    }
    return { ...total, byRight, ids };
  });
}

function setId(ids: Map<string, Map<string, number>>, d: DecisionKey, id: number) {
  getOrInit(ids, d.rightId, () => new Map<string, number>()).set(d.householdKey, id);
}

function count(byRight: Map<string, DecisionCounts>, right: string): DecisionCounts {
  return getOrInit(byRight, right, () => ({ recorded: 0, unchanged: 0, superseded: 0 }));
}
