import { createHmac, createSecretKey, randomBytes } from 'node:crypto';
import type { Kdb } from './db/database.ts';

/**
 * Pseudonymous identifiers: an HMAC of the real identifier under a key that stays in this
 * installation's database. Logs, summaries and file names carry these, never a NIR or a name.
 */
export type Pseudonymizer = (kind: 'F' | 'P', id: string) => string;

export function makePseudonymizer(key: string): Pseudonymizer {
  // The key's bytes prepared once (as a string, each HMAC converted it again: 15 % of its time).
  const secret = createSecretKey(Buffer.from(key, 'utf8'));
  return (kind, id) => `${kind}-${createHmac('sha256', secret).update(id).digest('base64url').slice(0, 12)}`;
}

/** Reads this installation's pseudonym key, creating it on first use. */
export async function loadPseudonymizer(db: Kdb): Promise<Pseudonymizer> {
  await db
    .insertInto('setting')
    .values({ key: 'pseudonym_key', value: randomBytes(32).toString('hex') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db
    .selectFrom('setting')
    .select('value')
    .where('key', '=', 'pseudonym_key')
    .executeTakeFirstOrThrow();
  return makePseudonymizer(row.value);
}
