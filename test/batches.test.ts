import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_FIXTURES } from '../src/cli/commands/run.ts';
import { extractFilesIn, runPipeline } from '../src/pipeline.ts';
import { DIALECTS, freshDb } from './support/dialects.ts';

const dir = mkdtempSync(join(tmpdir(), 'proactif-batches-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function runWith(dialect: (typeof DIALECTS)[number], batchSize: number) {
  const { db, cleanup } = await freshDb(dialect, 'batches');
  try {
    const out = join(dir, `out-${dialect}-${batchSize}`);
    const summary = await runPipeline(db, {
      asOf: '2025-09-01',
      files: await extractFilesIn(DEMO_FIXTURES),
      outDir: out,
      batchSize,
      rights: ['rsa', 'c2s'],
    });
    const decisions = await db.kysely
      .selectFrom('decision')
      .select(['household_key', 'right_id', 'status', 'exclusion', 'amount'])
      .orderBy('household_key')
      .orderBy('right_id')
      .execute();
    return { summary, decisions, dossiers: readdirSync(join(out, 'dossiers')).length };
  } finally {
    await cleanup();
  }
}

// On PostgreSQL the next batch is read while the current one is decided and written.
describe.each(DIALECTS)('evaluation in batches of CAF cases (%s)', (dialect) => {
  it('gives the same decisions, notifications and dossiers with batches of 4 cases as with one batch', async () => {
    const one = await runWith(dialect, 5000);
    const many = await runWith(dialect, 4);
    // 21 CAF cases in 6 batches of at most 4, then the DGFiP-only household.
    expect(many.decisions).toEqual(one.decisions);
    expect(many.dossiers).toBe(one.dossiers);
    const pick = ({
      households,
      eligible,
      notEligible,
      undetermined,
      excluded,
      notificationsQueued,
      dossiersWritten,
    }: typeof one.summary) => ({
      households,
      eligible,
      notEligible,
      undetermined,
      excluded,
      notificationsQueued,
      dossiersWritten,
    });
    expect(pick(many.summary)).toEqual(pick(one.summary));
    expect(one.summary.byRight.rsa).toMatchObject({ households: 22, eligible: 17, notificationsQueued: 14 });
  });
});
