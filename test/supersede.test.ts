import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FIXTURES } from '../src/cli/commands/run.ts';
import type { Db } from '../src/db/open.ts';
import { extractFilesIn, type RunSummary, runPipeline } from '../src/pipeline.ts';
import { DIALECTS, freshDb } from './support/dialects.ts';

const AS_OF = '2025-09-01';
const HOUSEHOLD = 'caf:231-0456789';

/**
 * A new GIP-MDS file restates one payment of one person (same id_versement, 400 € instead of
 * 300 €): a full rerun of the same period supersedes that household's decision only.
 */
const RESTATED = {
  nir: '267022309601223',
  mois: '2025-05',
  ressources: [
    {
      id_versement: 'PASRAU-18530000300018-2025-05-6012',
      source: 'PASRAU',
      nature: 'PENSION_INVALIDITE',
      declarant_siret: '18530000300018',
      date_versement: '08/05/2025',
      periode_debut: '01/04/2025',
      periode_fin: '30/04/2025',
      montant_net_social: '400,00',
      montant_net_fiscal: '400,00',
      statut: 'NORMAL',
    },
  ],
};

describe.each(DIALECTS)('a rerun after a new snapshot (%s)', (dialect) => {
  let db: Db;
  let cleanup: () => Promise<void>;
  const dir = mkdtempSync(join(tmpdir(), 'proactif-supersede-'));
  let rerun: RunSummary;
  let decisions: { household_key: string; amount: number | null; superseded_at: string | null }[];

  beforeAll(async () => {
    ({ db, cleanup } = await freshDb(dialect, 'supersede'));
    const files = await extractFilesIn(DEMO_FIXTURES);
    // Batches of 5 cases: the household is in a middle batch, the others spread over 5 batches.
    await runPipeline(db, { asOf: AS_OF, files, outDir: join(dir, 'out'), batchSize: 5 });
    const restated = join(dir, 'gipmds_ressources_20250901.jsonl');
    writeFileSync(restated, `${JSON.stringify(RESTATED)}\n`);
    rerun = await runPipeline(db, {
      asOf: AS_OF,
      files: [restated],
      outDir: join(dir, 'out'),
      full: true,
      batchSize: 5,
    });
    decisions = await db.kysely
      .selectFrom('decision')
      .select(['household_key', 'amount', 'superseded_at'])
      .where('right_id', '=', 'rsa')
      .orderBy('id')
      .execute();
  });
  afterAll(async () => {
    await cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records one new decision and supersedes one, for the household whose resources changed', () => {
    expect(rerun.byRight.rsa).toMatchObject({ households: 22, decisionsRecorded: 1, superseded: 1 });
    expect(decisions).toHaveLength(23);
    const mine = decisions.filter((d) => d.household_key === HOUSEHOLD);
    // Before: 646.52 − 77.5824 (forfait logement) − 300 = 268.94.
    // After: resources May–July (400 + 300 + 300) / 3 = 333.33; 646.52 − 77.5824 − 333.3333 = 235.60.
    expect(mine.map((d) => [d.amount, d.superseded_at === null])).toEqual([
      [268.94, false],
      [235.6, true],
    ]);
    expect(decisions.filter((d) => d.superseded_at !== null)).toHaveLength(1);
  });

  it('a second full rerun with nothing new records and supersedes nothing', async () => {
    const again = await runPipeline(db, { asOf: AS_OF, files: [], outDir: join(dir, 'out'), full: true });
    expect(again.byRight.rsa).toMatchObject({ decisionsRecorded: 0, superseded: 0 });
  });
});
