import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../db/open.ts';
import { importFile } from './import.ts';
import { applyPurge, planPurge } from './purge.ts';

const HEADER = 'numero_allocataire;code_organisme;mois;prestation;montant;majoration;date_debut_droit;statut';
const dir = mkdtempSync(join(tmpdir(), 'proactif-purge-'));
let db: Db;

beforeAll(async () => {
  db = await openDatabase({ dataDir: 'memory' });
  // Five monthly CAF snapshots, January to May 2025.
  for (const m of ['01', '02', '03', '04', '05']) {
    const p = join(dir, `caf_droits_2025${m}28.csv`);
    writeFileSync(p, `${HEADER}\r\n0412873;441;2025-${m};AF;141,99;;01/09/2024;EN_COURS\r\n`);
    await importFile(db, p);
  }
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('purge', () => {
  it('keeps the newest snapshots and deletes older ones only past the retention period', async () => {
    // On 2026-04-15 with 13 months of retention, snapshots before 2025-03-01 are past it;
    // the three newest (March–May) are kept whatever their age.
    const plan = await planPurge(db, { keepSnapshots: 3, retentionMonths: 13, quarantineMonths: 3 }, '2026-04-15');
    expect(plan.files.map((f) => f.fileName)).toEqual(['caf_droits_20250128.csv', 'caf_droits_20250228.csv']);
    expect(await applyPurge(db, plan)).toMatchObject({ files: 2, rows: 2 });
    const left = await db.kysely.selectFrom('caf_droit').select('mois').orderBy('mois').execute();
    expect(left.map((r) => r.mois)).toEqual(['2025-03', '2025-04', '2025-05']);
  });

  it('does nothing more when run again, and a purged file dropped again is still recognised', async () => {
    const plan = await planPurge(db, { keepSnapshots: 3, retentionMonths: 13, quarantineMonths: 3 }, '2026-04-15');
    expect(plan.files).toEqual([]);
    const again = await importFile(db, join(dir, 'caf_droits_20250128.csv'));
    expect(again.status).toBe('skipped');
  });
});
