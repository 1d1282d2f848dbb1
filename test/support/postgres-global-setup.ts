/**
 * Vitest global setup: gives the test suite a real PostgreSQL server.
 *
 * - `DATABASE_URL` set → that server is used as is (nothing is started).
 * - Otherwise a throwaway cluster is created in a temp folder
 *   (`<tmpdir>/proactif-pg-XXXXXX`), listening on a unix socket in that folder
 *   only (no TCP), with fsync off, and removed again at the end of the run —
 *   also when tests fail or the run is interrupted (SIGINT/SIGTERM/SIGHUP/exit).
 *
 * Test files read the admin URL with `inject('pgAdminUrl')` (see database.ts).
 */
import { type ChildProcess, execFile, execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { chown, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

const TMP_PREFIX = 'proactif-pg-';
/** Only used as the suffix of the socket file name (`.s.PGSQL.55432`): no TCP. */
const PORT = 55432;
const MISSING_BINARIES =
  'Les tests ont besoin des binaires du serveur PostgreSQL (initdb, pg_ctl) : sudo apt-get install -y postgresql';

/** uid/gid the server binaries run as; undefined = the current user. */
interface RunAs {
  uid: number;
  gid: number;
}

export default async function setup(project: TestProject): Promise<() => void> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) {
    project.provide('pgAdminUrl', fromEnv);
    return () => {};
  }
  const cluster = await startThrowawayPostgres();
  project.provide('pgAdminUrl', cluster.url);
  return cluster.stop;
}

/**
 * Creates and starts a throwaway PostgreSQL cluster (unix socket in a temp folder, fsync off),
 * stopped and removed by `stop()`, on exit and on SIGINT/SIGTERM/SIGHUP. Used by the tests'
 * global setup and by the benchmarks run with `--dialect pg` and no DATABASE_URL.
 */
export async function startThrowawayPostgres(): Promise<{ url: string; stop: () => void }> {
  const bin = findServerBinaries();
  if (!bin) throw quietError(MISSING_BINARIES);

  removeStaleClusters();

  const started = performance.now();
  const dir = await mkdtemp(path.join(os.tmpdir(), TMP_PREFIX));
  const data = path.join(dir, 'data');
  const runAs = unprivilegedUser();
  const cluster: Cluster = { bin, dir, data, runAs, stopped: false };
  const stop = () => stopCluster(cluster);
  const onSignal = (signal: NodeJS.Signals) => {
    stop();
    // If nobody else (vitest) listens to this signal, restore the default behaviour.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.once(s, onSignal);
  process.once('exit', stop);
  const teardown = () => {
    for (const s of signals) process.off(s, onSignal);
    process.off('exit', stop);
    stop();
  };

  try {
    // Lets a later run clean up after a run that was killed with SIGKILL.
    await writeFile(path.join(dir, 'owner.pid'), `${process.pid}\n`);
    if (runAs) await chown(dir, runAs.uid, runAs.gid);
    await run(cluster, path.join(bin, 'initdb'), [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '--encoding=UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    const options = [
      `-k '${dir}'`, // pg_ctl hands these options to sh
      "-c listen_addresses=''",
      `-p ${PORT}`,
      '-F',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
    ].join(' ');
    await run(cluster, path.join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-l',
      path.join(dir, 'postgres.log'),
      '-o',
      options,
      '-w',
      '-s',
      'start',
    ]);
  } catch (error) {
    const log = readTail(path.join(dir, 'postgres.log'));
    teardown();
    const message = error instanceof Error ? error.message : String(error);
    throw quietError(`Impossible de démarrer le PostgreSQL de test : ${message}${log ? `\n${log}` : ''}`);
  }

  if (process.env.PROACTIF_PG_DEBUG) {
    console.log(`[postgres] cluster ${dir} prêt en ${Math.round(performance.now() - started)} ms`);
  }
  return { url: `postgresql://postgres@/postgres?host=${encodeURIComponent(dir)}&port=${PORT}`, stop: teardown };
}

/** initdb, pg_ctl and postgres in one folder: on PATH, else the newest /usr/lib/postgresql/<v>/bin. */
function findServerBinaries(): string | undefined {
  const complete = (d: string) =>
    ['initdb', 'pg_ctl', 'postgres'].every((name) => {
      try {
        accessSync(path.join(d, name), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
  const onPath = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  let versions: string[] = [];
  try {
    versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  } catch {
    // no Debian/Ubuntu layout
  }
  const debian = versions.map((v) => path.join('/usr/lib/postgresql', v, 'bin'));
  return [...onPath, ...debian].find(complete);
}

/**
 * initdb (and postgres) refuse to run as root ("cannot be run as root"), and this
 * machine as well as CI run the tests as root. So as root the server binaries are
 * started as `nobody`, with Node's own `uid`/`gid` spawn options (libuv calls
 * setgid + setgroups([]) + setuid in the child): no dependency on su/runuser/sudo,
 * and the same mechanism works from the synchronous exit handler (spawnSync).
 * The temp folder is chowned to nobody; root (the tests) can still use the socket.
 */
function unprivilegedUser(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => {
    try {
      return Number(execFileSync('id', [flag, 'nobody'], { encoding: 'utf8' }).trim());
    } catch {
      return 65534;
    }
  };
  return { uid: id('-u'), gid: id('-g') };
}

interface Cluster {
  bin: string;
  dir: string;
  data: string;
  runAs: RunAs | undefined;
  stopped: boolean;
  /** initdb or pg_ctl start, while it runs. */
  child?: ChildProcess | undefined;
}

function run(cluster: Cluster, file: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    cluster.child = execFile(
      file,
      args,
      { cwd: cluster.dir, ...cluster.runAs, env: { ...process.env, LC_ALL: 'C' }, timeout: 60_000 },
      (error, _stdout, stderr) => {
        cluster.child = undefined;
        if (!error) return resolve();
        const detail = stderr.trim() || error.message;
        reject(new Error(`${path.basename(file)} a échoué : ${detail}`));
      },
    );
  });
}

/** Synchronous (usable from 'exit' and signal handlers) and idempotent. */
function stopCluster(cluster: Cluster): void {
  if (cluster.stopped) return;
  cluster.stopped = true;
  cluster.child?.kill('SIGKILL'); // interrupted during initdb / pg_ctl start
  stopServer(cluster.bin, cluster.data, cluster.runAs);
  try {
    rmSync(cluster.dir, { recursive: true, force: true, maxRetries: 5 });
  } catch (error) {
    console.error(`[postgres] dossier temporaire non supprimé : ${cluster.dir} (${String(error)})`);
  }
}

function stopServer(bin: string | undefined, data: string, runAs: RunAs | undefined): void {
  const pidFile = path.join(data, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  if (bin) {
    const result = spawnSync(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', '-s', 'stop'], {
      cwd: path.dirname(data),
      ...runAs,
      stdio: 'ignore',
      timeout: 15_000,
    });
    if (result.status === 0) return;
  }
  // Fallback: SIGQUIT is PostgreSQL's "immediate shutdown". Only when /proc shows
  // that the pid is still this cluster's postmaster (pids get reused).
  try {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (pid > 0 && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(data)) process.kill(pid, 'SIGQUIT');
  } catch {
    // already gone, or no /proc
  }
}

/** Clusters left by runs that were killed without a chance to clean up (SIGKILL, crash). */
function removeStaleClusters(): void {
  const tmp = os.tmpdir();
  let entries: string[];
  try {
    entries = readdirSync(tmp).filter((name) => name.startsWith(TMP_PREFIX));
  } catch {
    return;
  }
  for (const name of entries) {
    const dir = path.join(tmp, name);
    try {
      const owner = Number(readFileSync(path.join(dir, 'owner.pid'), 'utf8'));
      if (!(owner > 0) || isAlive(owner)) continue;
      stopServer(findServerBinaries(), path.join(dir, 'data'), unprivilegedUser());
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // not ours, or not readable: leave it
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readTail(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-10).join('\n');
  } catch {
    return '';
  }
}

/** An error vitest prints as its message only, without our stack frames. */
function quietError(message: string): Error {
  const error = new Error(message);
  error.stack = message;
  return error;
}
