import { sql } from 'kysely';
import type { Db } from '../db/open.ts';
import type { PlannedNotification } from './plan.ts';

const COLUMNS = [
  'decision_id',
  'household_key',
  'pseudonym',
  'right_id',
  'period',
  'channel',
  'recipient',
  'subject',
  'body',
] as const;

/**
 * Queues the notifications in the outbox table (nothing is sent here). A household is queued
 * at most once per right and period, so a rerun queues nothing twice. Returns how many were queued now.
 */
export async function applyNotificationPlan(
  db: Db,
  plan: readonly PlannedNotification[],
  decisionIds: ReadonlyMap<string, number>,
): Promise<number> {
  if (plan.length === 0) return 0;
  return db.transaction(async (tx) => {
    await sql`create temporary table notification_in (like notification including defaults) on commit drop`.execute(
      tx.kysely,
    );
    await tx.copyRows(
      'notification_in' as 'notification',
      COLUMNS,
      plan.map((n) => [
        decisionIds.get(n.householdKey),
        n.householdKey,
        n.pseudonym,
        n.rightId,
        n.period,
        n.channel,
        n.recipient,
        n.subject,
        n.body,
      ]),
    );
    const r = await sql`
      insert into notification (${sql.raw(COLUMNS.join(', '))})
      select ${sql.raw(COLUMNS.join(', '))} from notification_in
      on conflict (household_key, right_id, period) do nothing`.execute(tx.kysely);
    return Number(r.numAffectedRows ?? 0);
  });
}
