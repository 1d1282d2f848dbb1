import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FIXTURES } from '../src/cli/commands/run.ts';
import { type Db, openDatabase } from '../src/db/open.ts';
import { extractFilesIn, type RunSummary, runPipeline } from '../src/pipeline.ts';

const dir = mkdtempSync(join(tmpdir(), 'proactif-exclusions-'));
let db: Db;
let october: RunSummary;
const exclusionOf = async (key: string, period: string) =>
  (
    await db.kysely
      .selectFrom('decision')
      .select('exclusion')
      .where('household_key', '=', key)
      .where('period', '=', period)
      .where('superseded_at', 'is', null)
      .executeTakeFirstOrThrow()
  ).exclusion;

beforeAll(async () => {
  db = await openDatabase({ dataDir: 'memory' });
  const files = await extractFilesIn(DEMO_FIXTURES);
  await runPipeline(db, { asOf: '2025-09-01', files, outDir: join(dir, 'out') });
  // H03 answered « STOP »: no more messages, for any right.
  await db.kysely
    .insertInto('opposition')
    .values({ household_key: 'caf:591-3345678', right_id: '*', since: '2025-09-15' })
    .execute();
  october = await runPipeline(db, { asOf: '2025-10-01', files, outDir: join(dir, 'out'), full: true });
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('exclusions before writing', () => {
  it('a household that asked not to be contacted is excluded with that reason', async () => {
    expect(await exclusionOf('caf:591-3345678', '2025-10')).toBe('opposition');
  });

  it('a household invited in September is not invited again in October (3-month cooldown)', async () => {
    expect(await exclusionOf('caf:751-1203456', '2025-10')).toBe('invite_recemment');
    // 14 invited in September, one of whom opposed since: 13 recently invited, nobody written to again.
    expect(october.excluded).toMatchObject({ invite_recemment: 13, opposition: 1 });
    // Whoever is written to in October was not written to in September.
    const rows = await db.kysely.selectFrom('notification').select(['household_key', 'period']).execute();
    const september = new Set(rows.filter((r) => r.period === '2025-09').map((r) => r.household_key));
    const octoberKeys = rows.filter((r) => r.period === '2025-10').map((r) => r.household_key);
    expect(octoberKeys).toHaveLength(october.notificationsQueued);
    for (const k of octoberKeys) expect(september.has(k)).toBe(false);
  });
});
