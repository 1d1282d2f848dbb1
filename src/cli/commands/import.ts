import { join } from 'node:path';
import { MultiBar, type SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { dbConfigFromEnv, openDatabase } from '../../db/open.ts';
import { UsageError } from '../../errors.ts';
import type { ImportProgress } from '../../sources/import.ts';
import { type InboxOutcome, importFiles, inboxFiles } from '../../sources/inbox.ts';
import { EXIT } from '../exit-codes.ts';
import { parseRate } from '../options.ts';
import type { Output } from '../output.ts';

/**
 * A progress bar per file being read, with rows/s and ETA, on a terminal (on PostgreSQL a file
 * is read while the server finishes the previous one: two bars may move at once); a plain line
 * every 10 s otherwise.
 */
function progressReporter(out: Output, tty: boolean) {
  let bars: MultiBar | null = null;
  /** Each file's bar (on a terminal) and when it started. */
  const files = new Map<string, { bar: SingleBar | undefined; started: number }>();
  let lastLine = 0;
  return {
    onProgress(p: ImportProgress) {
      let f = files.get(p.file);
      if (!f) {
        bars ??= tty
          ? new MultiBar({
              format: '{file} [{bar}] {percentage} % | {records} lignes | {rate} lignes/s | reste {eta_formatted}',
              stream: process.stderr,
              hideCursor: true,
            })
          : null;
        const bar = bars?.create(p.bytesTotal, 0, { file: p.file, records: 0, rate: 0 });
        f = { bar, started: Date.now() };
        files.set(p.file, f);
      }
      const rate = Math.round(p.records / Math.max(0.001, (Date.now() - f.started) / 1000));
      if (f.bar) f.bar.update(p.bytesRead, { file: p.file, records: p.records, rate });
      else if (Date.now() - lastLine > 10_000) {
        lastLine = Date.now();
        out.info(
          `${p.file} : ${p.records} lignes (${Math.round((100 * p.bytesRead) / Math.max(1, p.bytesTotal))} %), ${rate} lignes/s`,
        );
      }
    },
    stop() {
      bars?.stop();
      bars = null;
      files.clear();
    },
  };
}

function describe(o: InboxOutcome): string {
  if (o.status === 'skipped') return `${o.file} : ignoré, ${o.reason}`;
  if (o.status === 'refused') return `${o.file} : REFUSÉ, ${o.reason}`;
  const reasons = Object.entries(o.rejectedByCode)
    .map(([c, n]) => `${c} ×${n}`)
    .join(', ');
  const warnings = Object.entries(o.warningsByCode)
    .map(([c, n]) => `${c} ×${n}`)
    .join(', ');
  return `${o.file} : ${o.read} lignes lues, ${o.accepted} acceptées, ${o.rejected} rejetées${reasons ? ` (${reasons})` : ''}${o.duplicates ? `, ${o.duplicates} doublons exacts ignorés` : ''}${o.warnings ? `, ${o.warnings} avertissement(s) (${warnings})` : ''}`;
}

export function registerImport(program: Command, out: Output) {
  program
    .command('import')
    .description('importe des extraits (fichiers nommés <agence>_<extrait>_<AAAAMMJJ>.csv|jsonl[.gz])')
    .argument('[fichiers...]', 'fichiers à importer')
    .option(
      '--inbox <dossier>',
      "dossier de dépôt : tous ses fichiers, du plus ancien au plus récent, puis déplacés vers l'archive",
    )
    .option('--archive <dossier>', 'où déplacer les fichiers traités (par défaut <inbox>/archive)')
    .option('--max-reject-rate <pourcent>', 'au-delà, un fichier est refusé en entier, rien importé', parseRate, 0.01)
    .option('--json', 'résultat en une ligne JSON')
    .action(async (files: string[], o: { inbox?: string; archive?: string; maxRejectRate: number; json?: boolean }) => {
      if (!o.inbox && files.length === 0) throw new UsageError('indiquez des fichiers à importer ou --inbox <dossier>');
      const list = o.inbox ? await inboxFiles(o.inbox) : files;
      const archiveDir = o.inbox ? (o.archive ?? join(o.inbox, 'archive')) : o.archive;
      const progress = progressReporter(out, Boolean(process.stderr.isTTY) && !o.json);
      const db = await openDatabase(dbConfigFromEnv());
      let outcomes: InboxOutcome[];
      try {
        outcomes = await importFiles(db, list, {
          maxRejectRate: o.maxRejectRate,
          onProgress: (p) => progress.onProgress(p),
          ...(archiveDir ? { archiveDir } : {}),
          ...(o.inbox ? { refusedDir: join(o.inbox, 'refuses') } : {}),
        });
      } finally {
        progress.stop();
        await db.close();
      }
      const totals = {
        files: outcomes.length,
        imported: 0,
        skipped: 0,
        refused: 0,
        rowsRead: 0,
        rowsAccepted: 0,
        rowsRejected: 0,
      };
      for (const r of outcomes) {
        totals[r.status]++;
        if (r.status === 'imported') {
          totals.rowsRead += r.read;
          totals.rowsAccepted += r.accepted;
          totals.rowsRejected += r.rejected;
        }
      }
      if (o.json) out.json({ ...totals, outcomes });
      else {
        for (const r of outcomes) out.line(describe(r));
        out.line(
          `${totals.files} fichier(s) : ${totals.imported} importé(s), ${totals.skipped} déjà importé(s), ${totals.refused} refusé(s) ; ${totals.rowsRejected} ligne(s) en quarantaine`,
        );
      }
      if (totals.refused > 0) out.setExitCode(EXIT.failure);
      else if (totals.rowsRejected > 0) out.setExitCode(EXIT.rejectedRows);
    });
}
