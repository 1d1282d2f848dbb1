import { sql } from 'kysely';
import type { Kdb } from '../db/database.ts';
import type { Db } from '../db/open.ts';
import { addMonths, monthOf } from '../rules/dates.ts';
import { lockDecisions } from './store.ts';

/**
 * What a run leaves behind about households, past its use: decisions of old periods and old
 * superseded ones, the pseudonymised situations they were made on, and old life events. A
 * decision behind a notification or a dossier stays as long as they do (the letter's record).
 */
export interface EligibilityPurge {
  /** Decisions of periods before this month, or superseded before this day, are deleted. */
  readonly beforePeriod: string;
  readonly beforeDate: string;
}

export function eligibilityPurgeLimits(today: string, retentionMonths: number): EligibilityPurge {
  const period = addMonths(monthOf(today), -retentionMonths);
  return { beforePeriod: period, beforeDate: `${period}-01` };
}

export interface EligibilityPurgeCounts {
  decisions: number;
  situations: number;
  lifeEvents: number;
}

const oldDecisions = (p: EligibilityPurge) => sql<boolean>`
  (d.period < ${p.beforePeriod} or d.superseded_at < ${p.beforeDate})
  and not exists (select 1 from notification n where n.decision_id = d.id)
  and not exists (select 1 from dossier x where x.decision_id = d.id)`;

/** How many rows the purge would delete (read only: `--dry-run`). */
export async function countEligibilityPurge(db: Kdb, p: EligibilityPurge): Promise<EligibilityPurgeCounts> {
  const r = await sql<{ decisions: number; situations: number; life_events: number }>`
    with gone as (select d.id, d.situation_hash from decision d where ${oldDecisions(p)})
    select
      (select count(*) from gone) as decisions,
      (select count(*) from situation_snapshot s
        where not exists (select 1 from decision d where d.situation_hash = s.hash
                          and d.id not in (select id from gone))) as situations,
      (select count(*) from life_event where detected_on < ${p.beforeDate}) as life_events`.execute(db);
  const row = r.rows[0];
  return {
    decisions: Number(row?.decisions ?? 0),
    situations: Number(row?.situations ?? 0),
    lifeEvents: Number(row?.life_events ?? 0),
  };
}

/** Deletes them, in one transaction; a second purge on the same day deletes nothing. */
export async function applyEligibilityPurge(db: Db, p: EligibilityPurge): Promise<EligibilityPurgeCounts> {
  return db.transaction(async (tx) => {
    // Not while a run records decisions: it may refer to a situation it found on record.
    await lockDecisions(tx.kysely);
    const d = await sql`delete from decision d where ${oldDecisions(p)}`.execute(tx.kysely);
    const s = await sql`
      delete from situation_snapshot s
      where not exists (select 1 from decision d where d.situation_hash = s.hash)`.execute(tx.kysely);
    const e = await sql`delete from life_event where detected_on < ${p.beforeDate}`.execute(tx.kysely);
    return {
      decisions: Number(d.numAffectedRows ?? 0),
      situations: Number(s.numAffectedRows ?? 0),
      lifeEvents: Number(e.numAffectedRows ?? 0),
    };
  });
}
