import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { cpuMeter, serverCpuSeconds } from '../bench/cpu.ts';
import { freshDb } from './support/dialects.ts';

// bench/eligibility reports the CPU time of the server beside the process's (`coresBusy`).
describe('CPU time of the server (bench/cpu.ts)', () => {
  it.runIf(!process.env.DATABASE_URL)('counts what a query costs the local PostgreSQL server', async () => {
    const { db, cleanup } = await freshDb('pg', 'benchcpu');
    try {
      const before = await serverCpuSeconds(db);
      expect(before).toBeTypeOf('number');
      const meter = await cpuMeter(db);
      // About half a second of the server's CPU, nothing of this process's.
      await sql`select count(*) from generate_series(1, 8000000)`.execute(db.kysely);
      const used = await meter.stop();
      expect(used.serverCpuSeconds).toBeGreaterThan(0.2);
      expect(used.processCpuSeconds).toBeLessThan(used.serverCpuSeconds as number);
      expect((await serverCpuSeconds(db)) as number).toBeGreaterThan(before as number);
    } finally {
      await cleanup();
    }
  });

  it('has no figure for PGlite (the engine runs in this process)', async () => {
    const { db, cleanup } = await freshDb('pglite', 'benchcpu');
    try {
      expect(await serverCpuSeconds(db)).toBeNull();
    } finally {
      await cleanup();
    }
  });
});
