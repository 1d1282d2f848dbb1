import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../db/open.ts';
import type { PlannedDossier } from './build.ts';

/**
 * Stores each planned dossier once per household, right and period, and writes it as JSON
 * under `outDir/dossiers/` (file named by the pseudonym, never by a name or NIR).
 * Returns how many dossiers this run wrote.
 */
export async function applyDossierPlan(
  db: Db,
  plan: readonly PlannedDossier[],
  decisionIds: ReadonlyMap<string, number>,
  outDir: string,
): Promise<number> {
  if (plan.length === 0) return 0;
  const dir = join(outDir, 'dossiers');
  await mkdir(dir, { recursive: true });
  const fileOf = (d: PlannedDossier) => join(dir, `${d.pseudonym}-${d.rightId}-${d.period}.json`);
  return db.transaction(async (tx) => {
    await sql`create temporary table dossier_in (like dossier including defaults) on commit drop`.execute(tx.kysely);
    await tx.copyRows(
      'dossier_in' as 'dossier',
      ['decision_id', 'household_key', 'pseudonym', 'right_id', 'period', 'payload', 'file_path'],
      plan.map((d) => [
        decisionIds.get(d.householdKey),
        d.householdKey,
        d.pseudonym,
        d.rightId,
        d.period,
        d.payload,
        fileOf(d),
      ]),
    );
    const inserted = await sql<{ household_key: string }>`
      insert into dossier (decision_id, household_key, pseudonym, right_id, period, payload, file_path)
      select decision_id, household_key, pseudonym, right_id, period, payload, file_path from dossier_in
      on conflict (household_key, right_id, period) do nothing
      returning household_key`.execute(tx.kysely);
    const fresh = new Set(inserted.rows.map((r) => r.household_key));
    // Written inside the transaction: a failure leaves no row without its file.
    for (const d of plan) {
      if (!fresh.has(d.householdKey)) continue;
      const path = fileOf(d);
      await writeFile(`${path}.tmp`, `${JSON.stringify(d.payload, null, 2)}\n`, { mode: 0o600 });
      await rename(`${path}.tmp`, path);
    }
    return fresh.size;
  });
}
