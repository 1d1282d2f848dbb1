import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FIXTURES } from '../src/cli/commands/run.ts';
import { type Db, openDatabase } from '../src/db/open.ts';
import { extractFilesIn, type RunSummary, runPipeline } from '../src/pipeline.ts';
import { importFile } from '../src/sources/import.ts';

/** One line of INSEE's fixed-width deaths file (SOURCES.md §7.6). */
function deathLine(
  nomPrenoms: string,
  sexe: 1 | 2,
  naissance: string,
  lieu: string,
  deces: string,
  lieuDeces: string,
  acte: string,
) {
  return `${nomPrenoms.padEnd(80)}${sexe}${naissance}${lieu.padEnd(5)}${''.padEnd(30)}${''.padEnd(30)}${deces}${lieuDeces.padEnd(5)}${acte.padEnd(9)}`;
}

const dir = mkdtempSync(join(tmpdir(), 'proactif-deaths-'));
let db: Db;
let summary: RunSummary;

beforeAll(async () => {
  db = await openDatabase({ dataDir: 'memory' });
  // H01 (Thomas MERCIER, alone) died on 20 August 2025; H06's partner (Laetitia CASANOVA) on 10 August.
  // Accents and case differ from the CAF file on purpose: matching uses normalised traits. The
  // INSEE file gives Thomas's birth place as Paris (75056), the CAF as Paris 11e (75111): the same
  // place. A namesake of Lucas GARNIER (H05), born the same day in Marseille, not in Bordeaux as
  // he was, died too: he is someone else.
  const file = join(dir, 'insee_deces_20250901.txt');
  writeFileSync(
    file,
    `${[
      deathLine('MERCIER*THOMAS PIERRE/', 1, '19790314', '75056', '20250820', '75118', '000000123'),
      deathLine('GARNIER*LUCAS/', 1, '19950630', '13055', '20250805', '13055', '000000321'),
      deathLine('CASANOVA*LAETITIA MARIE/', 2, '19840425', '2A004', '20250810', '13055', '000000456'),
      deathLine('INCONNU*JEAN/', 1, '19500101', '75056', '20250801', '75056', '000000789'),
    ].join('\n')}\n`,
  );
  expect(await importFile(db, file)).toMatchObject({ status: 'imported', accepted: 4, rejected: 0 });
  summary = await runPipeline(db, {
    asOf: '2025-09-01',
    files: await extractFilesIn(DEMO_FIXTURES),
    outDir: join(dir, 'out'),
  });
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('deaths (INSEE file)', () => {
  it('excludes a household whose only adult has died, and writes to nobody there', async () => {
    expect(summary.excluded.decede).toBe(1);
    const h01 = await db.kysely
      .selectFrom('decision')
      .select(['exclusion'])
      .where('household_key', '=', 'caf:751-1203456')
      .executeTakeFirstOrThrow();
    expect(h01.exclusion).toBe('decede');
    const n = await db.kysely
      .selectFrom('notification')
      .select('id')
      .where('household_key', '=', 'caf:751-1203456')
      .execute();
    expect(n).toEqual([]);
  });

  it('does not take a namesake born the same day in another place for the person', async () => {
    const h05 = await db.kysely
      .selectFrom('decision')
      .select(['exclusion'])
      .where('household_key', '=', 'caf:331-5567890')
      .execute();
    expect(h05.length).toBeGreaterThan(0);
    expect(h05.filter((d) => d.exclusion === 'decede')).toEqual([]);
  });

  it('evaluates the survivor of a couple alone and records the death of the partner as a life event', async () => {
    // H06 was a couple (414.62 €, README); alone, tenant with APL 180:
    // 646.52 − min(180, 77.5824) = 568.9376 → 568.94, the partner's wages no longer counted.
    const h06 = await db.kysely
      .selectFrom('decision')
      .select(['amount', 'exclusion'])
      .where('household_key', '=', 'caf:131-6678901')
      .executeTakeFirstOrThrow();
    expect(h06).toEqual({ amount: 568.94, exclusion: null });
    const events = await db.kysely
      .selectFrom('life_event')
      .select(['kind', 'event_date'])
      .where('household_key', '=', 'caf:131-6678901')
      .execute();
    expect(events).toContainEqual({ kind: 'deces_conjoint', event_date: '2025-08-10' });
  });
});
