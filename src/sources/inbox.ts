import { mkdir, readdir, rename } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Db } from '../db/open.ts';
import { ProactifError } from '../errors.ts';
import { parseExtractFileName } from './file-name.ts';
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

/**
 * Imports files one by one. A file that cannot be imported at all is reported and the
 * others go on; nothing of it was applied. With `archiveDir`, each processed file (imported
 * or already imported) is moved there, and each refused one into `refusedDir`, so that a
 * drop folder only ever holds what is still to do.
 */
export async function importFiles(
  db: Db,
  files: readonly string[],
  options: ImportOptions & { archiveDir?: string; refusedDir?: string },
): Promise<InboxOutcome[]> {
  const out: InboxOutcome[] = [];
  for (const f of files) {
    let outcome: InboxOutcome;
    try {
      outcome = await importFile(db, f, options);
    } catch (e) {
      if (!(e instanceof ProactifError)) throw e;
      outcome = { file: basename(f), status: 'refused', reason: e.message };
    }
    out.push(outcome);
    const target = outcome.status === 'refused' ? options.refusedDir : options.archiveDir;
    if (target) {
      await mkdir(target, { recursive: true });
      await rename(f, join(target, basename(f)));
    }
  }
  return out;
}
