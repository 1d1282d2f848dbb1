import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FIXTURES } from '../src/cli/commands/run.ts';
import { type Db, openDatabase } from '../src/db/open.ts';
import { buildSituations, readSourceRows } from '../src/eligibility/situation.ts';
import { extractFilesIn } from '../src/pipeline.ts';
import { makePseudonymizer } from '../src/pseudonym.ts';
import { importFile } from '../src/sources/import.ts';

const dir = mkdtempSync(join(tmpdir(), 'proactif-two-agencies-'));
let db: Db;

beforeAll(async () => {
  db = await openDatabase({ dataDir: 'memory' });
  cpSync(DEMO_FIXTURES, dir, { recursive: true });
  // The DGFiP now sees Thomas MERCIER (H01, alone at the CAF) married, with a spouse on his notice.
  const f = join(dir, 'dgfip_foyers_20250715.csv');
  const spouse =
    '2575A1203456B;2024;2025;3075120345699;DECLARANT_2;;DURAND;MERCIER;CLAIRE;F;02/02/1982;75111;M;N;15/06/2024;MARIAGE;N;2;0;0;0;0;;0;0;0;0;0;M MERCIER THOMAS;17 RUE ORDENER;75018 PARIS;75018;75118';
  writeFileSync(
    f,
    `${readFileSync(f, 'utf8').replace('THOMAS PIERRE;M;14/03/1979;75111;C;', 'THOMAS PIERRE;M;14/03/1979;75111;M;')}${spouse}\r\n`,
  );
  for (const file of await extractFilesIn(dir)) await importFile(db, file);
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a household known to two agencies with different compositions', () => {
  it('takes the composition of the CAF case (the benefit household the rights use) and keeps the DGFiP figures', async () => {
    const situations = buildSituations(await readSourceRows(db.kysely, '2025-09-01'), makePseudonymizer('k'));
    const h01 = situations.filter((s) => s.householdKey === 'caf:751-1203456');
    expect(h01).toHaveLength(1);
    expect(h01[0]?.couple).toBe(false);
    expect(h01[0]?.persons.map((p) => p.role)).toEqual(['demandeur']);
    expect(h01[0]?.provenance.composition).toMatchObject({ agency: 'caf', extract: 'membres' });
    expect(h01[0]?.revenusFiscaux?.['2024']).toEqual({ revenuFiscalReference: 0, revenuNetImposable: 0 });
    // The notice is not turned into a second household: one of its members is known to the CAF.
    expect(situations.some((s) => s.householdKey === 'dgfip:2575A1203456B')).toBe(false);
  });
});
