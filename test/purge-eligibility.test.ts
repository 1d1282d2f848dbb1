import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FIXTURES } from '../src/cli/commands/run.ts';
import type { Db } from '../src/db/open.ts';
import { applyEligibilityPurge, countEligibilityPurge, eligibilityPurgeLimits } from '../src/eligibility/purge.ts';
import { lockDecisions } from '../src/eligibility/store.ts';
import { extractFilesIn, type RunSummary, runPipeline } from '../src/pipeline.ts';
import { DIALECTS, freshDb } from './support/dialects.ts';

describe.each(DIALECTS)('purge of decisions, situations and life events (%s)', (dialect) => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let run: RunSummary;
  const out = mkdtempSync(join(tmpdir(), 'proactif-purge-elig-'));

  beforeAll(async () => {
    ({ db, cleanup } = await freshDb(dialect, 'purgeelig'));
    run = await runPipeline(db, { asOf: '2025-09-01', files: await extractFilesIn(DEMO_FIXTURES), outDir: out });
    // A first run finds no life event (nothing to compare with): one as a later run would store it.
    await db.kysely
      .insertInto('life_event')
      .values({
        household_key: 'caf:231-0456789',
        pseudonym: 'F-test',
        kind: 'anniversaire_25_ans',
        event_date: '2025-08-20',
        subject: 'P-test',
        detected_on: '2025-09-01',
        data: JSON.stringify({ personne: 'P-test' }),
        rights: JSON.stringify(['rsa', 'ppa']),
      })
      .execute();
  });
  afterAll(async () => {
    await cleanup();
    rmSync(out, { recursive: true, force: true });
  });

  it('within 13 months of the September 2025 run, nothing is deleted', async () => {
    const limits = eligibilityPurgeLimits('2026-09-15', 13);
    expect(limits).toEqual({ beforePeriod: '2025-08', beforeDate: '2025-08-01' });
    expect(await applyEligibilityPurge(db, limits)).toEqual({ decisions: 0, situations: 0, lifeEvents: 0 });
  });

  it('past 13 months: the decisions without letter or dossier go, with their situations and the life events', async () => {
    // 22 decisions: 14 households invited (a letter queued) and 1 kept for manual follow-up (a
    // dossier) stay; the 7 others (not eligible, undetermined, already receiving) are deleted.
    expect(run.byRight.rsa).toMatchObject({ decisionsRecorded: 22, notificationsQueued: 14, dossiersWritten: 15 });
    const limits = eligibilityPurgeLimits('2026-11-01', 13);
    const expected = { decisions: 7, situations: 7, lifeEvents: 1 };
    expect(await countEligibilityPurge(db.kysely, limits)).toEqual(expected);
    expect(await applyEligibilityPurge(db, limits)).toEqual(expected);
    const left = await db.kysely.selectFrom('decision').select('id').execute();
    expect(left).toHaveLength(15);
    expect(await applyEligibilityPurge(db, limits)).toEqual({ decisions: 0, situations: 0, lifeEvents: 0 });
  });

  // A decision refers to its situation by hash, without a foreign key: the store finds which
  // situations are on record, then writes decisions referring to them. The purge must not delete
  // one in between: it waits for the lock the store holds while recording.
  it.runIf(dialect === 'pg')('waits while a run is recording decisions', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    let locked: () => void = () => {};
    const isLocked = new Promise<void>((r) => {
      locked = r;
    });
    const recording = db.transaction(async (tx) => {
      await lockDecisions(tx.kysely);
      locked();
      await held;
    });
    await isLocked;
    let purged = false;
    const purge = applyEligibilityPurge(db, eligibilityPurgeLimits('2026-11-01', 13)).then((r) => {
      purged = true;
      return r;
    });
    try {
      await new Promise((r) => setTimeout(r, 300));
      expect(purged).toBe(false);
    } finally {
      release();
      await recording;
    }
    expect(await purge).toEqual({ decisions: 0, situations: 0, lifeEvents: 0 });
    expect(purged).toBe(true);
  });
});
