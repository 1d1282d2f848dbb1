import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFixtures } from '../fixtures/generator/generate.ts';
import type { Db } from '../src/db/open.ts';
import { extractFilesIn, type RunSummary, runPipeline } from '../src/pipeline.ts';
import { RIGHTS } from '../src/rules/registry.ts';
import { DIALECTS, freshDb } from './support/dialects.ts';

/**
 * The nightly run the month after a first full run evaluates only the households a life event
 * touched, and reads the rest of a household (earlier months of resources, tax figures) only
 * for them. What it finds and decides must be what a full run of the same month finds and
 * decides for the same households, field for field.
 */
const dir = mkdtempSync(join(tmpdir(), 'proactif-targeted-'));
const SEPTEMBER = join(dir, 'septembre');
const OCTOBER = join(dir, 'octobre');
const rights = Object.keys(RIGHTS) as (keyof typeof RIGHTS)[];

beforeAll(async () => {
  await generateFixtures({ households: 300, seed: 'ciblage', asOf: '2025-09-01', outDir: SEPTEMBER, threads: 1 });
  await generateFixtures({ households: 300, seed: 'ciblage', asOf: '2025-10-01', outDir: OCTOBER, threads: 1 });
  // The tax extracts are yearly: the month after brings none (as bench/eligibility --next-month).
  for (const f of readdirSync(OCTOBER)) if (f.startsWith('dgfip_')) rmSync(join(OCTOBER, f));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Decision = { household_key: string; right_id: string; status: string; amount: number | null; h: string };

/** September in full, then October either targeted (as the nightly run) or in full again. */
async function twoMonths(db: Db, out: string, octoberInFull: boolean) {
  // The same pseudonym key in both databases: persons' keys, and so the hashes, compare.
  await db.kysely
    .insertInto('setting')
    .values({ key: 'pseudonym_key', value: 'ab'.repeat(32) })
    .execute();
  const common = { outDir: out, rights, batchSize: 40 };
  await runPipeline(db, { ...common, asOf: '2025-09-01', files: await extractFilesIn(SEPTEMBER) });
  const october: RunSummary = await runPipeline(db, {
    ...common,
    asOf: '2025-10-01',
    files: await extractFilesIn(OCTOBER),
    full: octoberInFull,
  });
  const events = await db.kysely
    .selectFrom('life_event')
    .select(['household_key', 'kind', 'event_date', 'subject', 'data', 'rights'])
    .where('detected_on', '=', '2025-10-01')
    .orderBy(['household_key', 'kind', 'event_date', 'subject'])
    .execute();
  const decisions = (await db.kysely
    .selectFrom('decision')
    .select(['household_key', 'right_id', 'status', 'amount'])
    .select((eb) => eb.fn.coalesce('exclusion', eb.val('')).as('exclusion'))
    .select(['inputs_hash', 'situation_hash'])
    .where('period', '=', '2025-10')
    .where('superseded_at', 'is', null)
    .orderBy(['household_key', 'right_id'])
    .execute()) as unknown as (Decision & { exclusion: string; inputs_hash: string; situation_hash: string })[];
  return { october, events, decisions };
}

describe.each(DIALECTS)('the nightly run the month after (%s)', (dialect) => {
  let targeted: Awaited<ReturnType<typeof twoMonths>>;
  let full: Awaited<ReturnType<typeof twoMonths>>;
  beforeAll(async () => {
    for (const inFull of [false, true]) {
      const { db, cleanup } = await freshDb(dialect, 'targeted');
      try {
        const r = await twoMonths(db, join(dir, `out-${dialect}-${inFull}`), inFull);
        if (inFull) full = r;
        else targeted = r;
      } finally {
        await cleanup();
      }
    }
  }, 120_000);

  it('evaluates only some households, and finds the same life events as a full run', () => {
    expect(targeted.october.byRight.rsa?.full).toBe(false);
    expect(full.october.byRight.rsa?.full).toBe(true);
    expect(targeted.events.length).toBeGreaterThan(0);
    expect(targeted.events).toEqual(full.events);
    for (const r of rights) {
      const n = targeted.october.byRight[r]?.households ?? 0;
      expect(n, r).toBeLessThan(full.october.byRight[r]?.households ?? 0);
    }
    expect(targeted.decisions.length).toBeGreaterThan(0);
  });

  it('decides each household it evaluates as a full run does, on the same situation', () => {
    const inFull = new Map(full.decisions.map((d) => [`${d.household_key}|${d.right_id}`, d]));
    const unmatched = targeted.decisions.filter(
      (d) => JSON.stringify(inFull.get(`${d.household_key}|${d.right_id}`)) !== JSON.stringify(d),
    );
    expect(unmatched).toEqual([]);
  });
});
