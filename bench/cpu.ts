import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { Db } from '../src/db/open.ts';

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on every Linux Node runs on). */
const TICKS = 100;

/**
 * A process's own CPU time (utime + stime), its reaped children's (cutime + cstime), in
 * seconds, its parent's pid and its command name, from /proc; null if unreadable.
 */
function procTimes(pid: number): { own: number; children: number; ppid: number; command: string } | null {
  try {
    // The command name, in parentheses, may hold spaces: the fields are counted after it.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const n = (i: number) => Number(f[i]) / TICKS;
    const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    return { own: n(11) + n(12), children: n(13) + n(14), ppid: Number(f[1]), command };
  } catch {
    return null;
  }
}

/**
 * CPU seconds used so far by a local PostgreSQL server: its postmaster, every process it runs
 * (backends, WAL writer, checkpointer, autovacuum…), and those that have ended (their times
 * are added to the postmaster's when it reaps them). Null when the server is not on this
 * machine or /proc cannot be read (another OS, another container): then there is no figure.
 */
export async function serverCpuSeconds(db: Db): Promise<number | null> {
  if (db.dialect !== 'pg') return null;
  const r = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db.kysely);
  const backend = procTimes(Number(r.rows[0]?.pid));
  // A server elsewhere has its own pids: one here is another process, or none.
  if (!backend?.command.startsWith('postgres')) return null;
  const postmaster = procTimes(backend.ppid);
  if (!postmaster?.command.startsWith('postgres')) return null;
  let total = postmaster.own + postmaster.children;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const p = procTimes(Number(entry));
    if (p && p.ppid === backend.ppid) total += p.own;
  }
  return total;
}

/** The CPU this process and the server used between `start` and `stop`, in seconds (null: unknown). */
export async function cpuMeter(db: Db) {
  const process0 = process.cpuUsage();
  const server0 = await serverCpuSeconds(db);
  return {
    stop: async () => {
      const p = process.cpuUsage(process0);
      const server1 = server0 === null ? null : await serverCpuSeconds(db);
      return {
        processCpuSeconds: round((p.user + p.system) / 1e6),
        serverCpuSeconds: server0 === null || server1 === null ? null : round(server1 - server0),
      };
    },
  };
}

const round = (x: number) => Math.round(x * 100) / 100;
