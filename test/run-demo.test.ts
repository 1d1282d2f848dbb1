import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FIXTURES } from '../src/cli/commands/run.ts';
import type { Db } from '../src/db/open.ts';
import { buildSituations, readSourceRows } from '../src/eligibility/situation.ts';
import { extractFilesIn, type RunSummary, runPipeline } from '../src/pipeline.ts';
import { makePseudonymizer } from '../src/pseudonym.ts';
import { roundCents } from '../src/rules/money.ts';
import { DIALECTS, freshDb } from './support/dialects.ts';

const AS_OF = '2025-09-01';
// Base amount from 1 April 2025 (décret 2025-293); reference months May, June, July 2025.
const BASE = 646.52;

describe.each(DIALECTS)('proactif run on the demo fixtures (%s)', (dialect) => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let out: string;
  let first: RunSummary;
  let second: RunSummary;
  const amounts = new Map<string, number | null>();

  beforeAll(async () => {
    ({ db, cleanup } = await freshDb(dialect, 'rundemo'));
    out = mkdtempSync(join(tmpdir(), 'proactif-out-'));
    const files = await extractFilesIn(DEMO_FIXTURES);
    first = await runPipeline(db, { asOf: AS_OF, files, outDir: out });
    for (const r of await db.kysely.selectFrom('decision').select(['household_key', 'amount']).execute())
      amounts.set(r.household_key, r.amount);
    second = await runPipeline(db, { asOf: AS_OF, files, outDir: out });
  });
  afterAll(async () => {
    await cleanup();
    rmSync(out, { recursive: true, force: true });
  });

  it('counts the funnel of the README: 22 households, 17 eligible, 2 already receive, 1 unreachable', () => {
    expect(first).toMatchObject({
      households: 22,
      eligible: 17,
      notEligible: 4,
      undetermined: 1,
      excluded: { deja_beneficiaire: 2, sans_canal_de_contact: 1 },
      rejectedRows: 0,
      decisionsRecorded: 22,
      notificationsQueued: 14,
      // The unreachable household gets a dossier too, for the agent who follows it up.
      dossiersWritten: 15,
    });
  });

  it('single tenant, no income, no housing aid: the full lump sum', () => {
    expect(amounts.get('caf:751-1203456')).toBe(646.52);
  });

  it('housing aid above the forfait logement: 12 % of the base is deducted', () => {
    // 646.52 − 0.12 × 646.52 = 646.52 − 77.5824 = 568.9376
    expect(amounts.get('caf:591-3345678')).toBe(roundCents(BASE - 0.12 * BASE));
    expect(amounts.get('caf:591-3345678')).toBe(568.94);
  });

  it('housing aid below the forfait logement: the deduction is capped at the aid (50 €)', () => {
    // 646.52 − min(50.00, 77.5824) = 596.52
    expect(amounts.get('caf:691-2234567')).toBe(596.52);
  });

  it('owner without housing aid with a 300 € invalidity pension', () => {
    // 646.52 − 77.5824 − 300 = 268.9376
    expect(amounts.get('caf:231-0456789')).toBe(268.94);
  });

  it('couple with two children, AF counted, wages averaged over May–July', () => {
    // 4 persons: rate 1 + 0.5 + 0.3 + 0.3 = 2.1 → 1 357.692; FL 3+ persons = 0.165 × 1.8 × 646.52 = 192.01644
    // (APL 300 above it); AF 151.80; wages 820 / 780 / 800 → mean 800.
    const expected = 2.1 * BASE - 0.165 * 1.8 * BASE - 151.8 - (820 + 780 + 800) / 3;
    expect(amounts.get('caf:671-7789012')).toBe(roundCents(expected));
    expect(amounts.get('caf:671-7789012')).toBe(213.88);
  });

  it('pregnant woman alone aged 23: isolated-parent majoration, age condition waived', () => {
    // 646.52 × 1.28412 = 830.2092… (tenant without housing aid, no resources)
    expect(amounts.get('caf:351-1012345')).toBe(roundCents(BASE * 1.28412));
    expect(amounts.get('caf:351-1012345')).toBe(830.21);
  });

  it('exactly 6.00 € is paid; 4.72 € is not', () => {
    expect(amounts.get('caf:871-1456780')).toBe(6);
    expect(amounts.get('caf:211-1345670')).toBeNull();
  });

  it('writes one JSON dossier per invited or followed-up household, named by pseudonym only', () => {
    const files = readdirSync(join(out, 'dossiers'));
    expect(files).toHaveLength(15);
    for (const f of files) expect(f).toMatch(/^F-[A-Za-z0-9_-]{12}-rsa-2025-09\.json$/);
    const one = JSON.parse(readFileSync(join(out, 'dossiers', files[0] as string), 'utf8'));
    expect(one).toMatchObject({ droit: 'rsa', periode: '2025-09', version: 1 });
  });

  it('a second run imports nothing, records no decision, queues no notification, writes no dossier', async () => {
    expect(second.imports.every((i) => i.status === 'skipped')).toBe(true);
    expect(second).toMatchObject({ households: 22, decisionsRecorded: 0, notificationsQueued: 0, dossiersWritten: 0 });
    const count = async (t: 'decision' | 'notification' | 'dossier' | 'caf_membre') =>
      Number(
        (
          await db.kysely
            .selectFrom(t)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('decision')).toBe(22);
    expect(await count('notification')).toBe(14);
    expect(await count('dossier')).toBe(15);
    expect(await count('caf_membre')).toBe(30);
  });

  it('sums the tax notices of an unmarried couple (two notices) for the household, per income year', async () => {
    const situations = buildSituations(await readSourceRows(db.kysely, AS_OF), makePseudonymizer('test'));
    const reunion = situations.find((s) => s.householdKey === 'caf:974-0012345');
    // Two notices for revenus 2024: 0 € (2597A0012345H) + 5 400 € (2597A0012346J).
    expect(reunion?.revenusFiscaux?.['2024']).toEqual({ revenuFiscalReference: 5400, revenuNetImposable: 5400 });
    const couple = situations.find((s) => s.householdKey === 'caf:671-7789012');
    expect(couple?.revenusFiscaux?.['2024']).toEqual({ revenuFiscalReference: 8748, revenuNetImposable: 8748 });
  });

  it('queues notifications on the best channel: email first, then SMS, then letter', async () => {
    const rows = await db.kysely
      .selectFrom('notification')
      .select(['household_key', 'channel', 'recipient', 'body'])
      .execute();
    const by = new Map(rows.map((r) => [r.household_key, r]));
    expect(by.get('caf:751-1203456')?.channel).toBe('email');
    expect(by.get('caf:691-2234567')?.channel).toBe('sms');
    expect(by.get('caf:691-2234567')?.recipient).toMatch(/^\+336/);
    expect(by.get('caf:231-0456789')?.channel).toBe('courrier');
    expect(by.get('caf:751-1203456')?.body).toContain('646,52 €');
  });
});
