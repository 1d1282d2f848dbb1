import { mkdir, readdir, rename, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Db } from '../db/open.ts';
import { ProactifError } from '../errors.ts';
import { parseExtractFileName } from './file-name.ts';
import { hashFileOffThread } from './hash-off-thread.ts';
import { type ImportOptions, type ImportReport, importFile } from './import.ts';

export type InboxOutcome = ImportReport | { file: string; status: 'refused'; reason: string };

/**
 * The files of a drop folder in the order to import them: by extraction date (the date in
 * the name), then by name, so that snapshots are applied oldest first. Files whose name is
 * not an extract name come last (they will be refused with a reason).
 */
export async function inboxFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => e.name);
  const key = (n: string) => {
    const p = parseExtractFileName(n);
    return 'error' in p ? '9999-99-99' : p.extractedOn;
  };
  names.sort((a, b) => key(a).localeCompare(key(b)) || a.localeCompare(b));
  return names.map((n) => join(dir, n));
}

export interface ImportFilesOptions extends ImportOptions {
  archiveDir?: string;
  refusedDir?: string;
  /**
   * Files in flight at once (default: 4 on PostgreSQL, where one is read while the server finishes
   * up to three; 1 on PGlite, which runs in this thread).
   */
  concurrency?: number;
  /** Called as each file is done, with the seconds it took from its start (overlapping others). */
  onFileDone?: (outcome: InboxOutcome, seconds: number) => void;
}

/**
 * Imports files, each in its own transaction. A file that cannot be imported at all is
 * reported and the others go on; nothing of it was applied. With `archiveDir`, each processed
 * file (imported or already imported) is moved there, and each refused one into `refusedDir`,
 * so that a drop folder only ever holds what is still to do. Outcomes come in the order of `files`.
 *
 * On PostgreSQL up to four files are imported at once, each on its connection, one of them
 * read, validated and COPYed at a time: while the server finishes the files loaded before
 * (duplicates, indexes, contradictions), this thread reads and validates the next; both cores
 * stay busy. Files of the same extract (the same staging table) still go one
 * after the other in the order given (snapshots, oldest first); among the others the largest
 * goes first, so that the small ones fill the end. With three, this thread sat idle while the
 * three were all in their server phase (0.7 s at 100 000 households). A file whose load begins
 * with no other file's server work in flight (the first) is told so (`LoadTurn.serverIdle`): its
 * indexes are then kept up during its COPY. Two files with the same content never run at once:
 * the second waits, then finds the first imported and is skipped. On PGlite (in this
 * thread) files go one at a time, in the order given.
 */
export async function importFiles(
  db: Db,
  files: readonly string[],
  options: ImportFilesOptions,
): Promise<InboxOutcome[]> {
  const { concurrency = db.dialect === 'pg' ? 4 : 1, onFileDone, archiveDir, refusedDir, ...importOptions } = options;
  const jobs = await Promise.all(
    files.map(async (path, index) => {
      const name = parseExtractFileName(basename(path));
      // A file whose name says no extract is refused at once: a group of its own.
      const group = 'error' in name ? `?${index}` : name.spec.table;
      const bytes = await stat(path).then(
        (s) => s.size,
        () => 0,
      );
      return { path, index, group, bytes };
    }),
  );
  const out: InboxOutcome[] = new Array(files.length);
  const pending = [...jobs];
  const busyGroups = new Set<string>();
  const hashesInFlight = new Map<string, Promise<unknown>>();
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | null = null;
  // Files whose COPY is over and whose server work (indexes, duplicates) is still in flight.
  let inServerWork = 0;
  // One file at a time reads and feeds COPY (this thread's work), in the order the files were
  // started; the server's work on the files loaded before overlaps it.
  let lastTurn: Promise<void> = Promise.resolve();
  const takeTurn = () => {
    const previous = lastTurn;
    let release = () => {};
    lastTurn = new Promise((resolve) => {
      release = resolve;
    });
    return { wait: () => previous.then(() => release), release };
  };
  const runOne = async (job: (typeof jobs)[number]) => {
    const started = performance.now();
    let outcome: InboxOutcome;
    try {
      outcome = await importOne(job.path);
    } catch (e) {
      if (!(e instanceof ProactifError)) throw e;
      outcome = { file: basename(job.path), status: 'refused', reason: e.message };
    }
    out[job.index] = outcome;
    const target = outcome.status === 'refused' ? refusedDir : archiveDir;
    if (target) {
      await mkdir(target, { recursive: true });
      await rename(job.path, join(target, basename(job.path)));
    }
    onFileDone?.(outcome, (performance.now() - started) / 1000);
  };

  // Files learn of each other's content in the order they started (their hashes may come back
  // in another order): of two files with the same content, the one given first is imported.
  let lastRegistration: Promise<void> = Promise.resolve();

  const importOne = async (path: string): Promise<ImportReport> => {
    const turn = takeTurn();
    let loaded = false;
    const previousRegistration = lastRegistration;
    let registered = () => {};
    const own = new Promise<void>((resolve) => {
      registered = resolve;
    });
    lastRegistration = Promise.all([previousRegistration, own]).then(() => {});
    try {
      // One at a time (PGlite): as before, each file hashed then imported, in the order given.
      if (concurrency <= 1 || 'error' in parseExtractFileName(basename(path)))
        return await importFile(db, path, importOptions);
      const sha256 = await hashFileOffThread(path);
      await previousRegistration;
      if (hashesInFlight.has(sha256)) {
        // The same content under another name: wait for the first to land (this one is then
        // skipped), giving the turn to read up meanwhile.
        registered();
        turn.release();
        for (let other = hashesInFlight.get(sha256); other; other = hashesInFlight.get(sha256))
          await other.catch(() => {});
      }
      const done = importFile(db, path, {
        ...importOptions,
        sha256,
        loadTurn: async () => {
          const release = await turn.wait();
          return {
            serverIdle: inServerWork === 0,
            release: () => {
              if (!loaded) inServerWork++;
              loaded = true;
              release();
            },
          };
        },
      });
      hashesInFlight.set(sha256, done);
      registered();
      try {
        return await done;
      } finally {
        hashesInFlight.delete(sha256);
      }
    } finally {
      if (loaded) inServerWork--;
      // A file skipped or refused before its load gives its turn up.
      registered();
      turn.release();
    }
  };

  // The next file to start: the largest of those first in their group, their group idle; one at
  // a time, the next in the order given. The largest goes first even though nothing is read while
  // it is hashed (0.5 s at 100 000 households): started after another, its server work (index,
  // duplicates) ended the import (a million households, one run each on a shared machine: 164 s
  // with a 37 MB file first, 133 s before with the largest first).
  const next = () => {
    if (concurrency <= 1) return pending[0] ?? null;
    const firsts = new Set<string>();
    let best: (typeof jobs)[number] | null = null;
    for (const j of pending) {
      if (firsts.has(j.group)) continue;
      firsts.add(j.group);
      if (!busyGroups.has(j.group) && (!best || j.bytes > best.bytes)) best = j;
    }
    return best;
  };

  for (;;) {
    while (!failure && running.size < Math.max(1, concurrency)) {
      const job = next();
      if (!job) break;
      pending.splice(pending.indexOf(job), 1);
      busyGroups.add(job.group);
      const run: Promise<void> = runOne(job)
        .catch((error) => {
          failure ??= { error };
        })
        .finally(() => {
          busyGroups.delete(job.group);
          running.delete(run);
        });
      running.add(run);
    }
    if (running.size === 0) break;
    await Promise.race(running);
  }
  // An unexpected error stops the run (the files already in flight end first), as before.
  if (failure) throw (failure as { error: unknown }).error;
  return out;
}
