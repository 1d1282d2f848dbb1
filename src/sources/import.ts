import { basename } from 'node:path';
import type { Db } from '../db/open.ts';
import { ProactifError, SourceFormatError } from '../errors.ts';
import { parseExtractFileName } from './file-name.ts';
import { hashFile, type RawRecord, readCsv, readJsonl } from './read.ts';
import { checkHeader, validateRecord } from './validate.ts';

export interface ImportOptions {
  /** Above this share of rejected records the whole file is refused, nothing applied (default 0.01). */
  maxRejectRate?: number;
}

export type ImportReport =
  | { file: string; status: 'skipped'; reason: string }
  | {
      file: string;
      status: 'imported';
      agency: string;
      extract: string;
      extractedOn: string;
      read: number;
      accepted: number;
      rejected: number;
      duplicates: number;
      rejectedByCode: Record<string, number>;
    };

/** A file refused as a whole: too many rejected rows. Nothing of it was applied. */
export class RejectRateExceededError extends ProactifError {
  constructor(file: string, rejected: number, read: number, byCode: Record<string, number>, max: number) {
    const codes = Object.entries(byCode)
      .map(([c, n]) => `${c} ×${n}`)
      .join(', ');
    super(
      'source_format',
      `${file} : ${rejected} lignes rejetées sur ${read} (${((100 * rejected) / Math.max(1, read)).toFixed(1)} %), au-delà du maximum de ${(100 * max).toFixed(1)} % ; fichier refusé, rien n'a été importé (${codes})`,
    );
  }
}

const RAW_MAX = 2000;

/**
 * Imports one extract file in one transaction: its valid rows land in the staging table,
 * its rejected rows in the quarantine table with line, field and reason; or nothing lands.
 * A file whose content was already imported (same SHA-256) is skipped.
 */
export async function importFile(db: Db, path: string, options: ImportOptions = {}): Promise<ImportReport> {
  const file = basename(path);
  const name = parseExtractFileName(file);
  if ('error' in name) throw new SourceFormatError(file, name.error);
  const { spec, extractedOn, gzip } = name;
  const sha256 = await hashFile(path);
  const already = await db.kysely
    .selectFrom('import_file')
    .select(['file_name', 'imported_at'])
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  if (already) {
    return { file, status: 'skipped', reason: `contenu déjà importé (fichier ${already.file_name})` };
  }
  const max = options.maxRejectRate ?? 0.01;
  const records: AsyncIterable<RawRecord> =
    spec.format === 'csv'
      ? readCsv(path, gzip, (header) => {
          const problems = checkHeader(spec.columns, header);
          if (problems.length)
            throw new SourceFormatError(file, `en-tête refusé, aucune ligne importée : ${problems.join(' ; ')}`);
        })
      : readJsonl(path, gzip);

  const ctx = { extractedOn };
  return db.transaction(async (tx) => {
    const { id } = await tx.kysely
      .insertInto('import_file')
      .values({
        agency: spec.agency,
        extract: spec.extract,
        file_name: file,
        sha256,
        extracted_on: extractedOn,
        rows_read: 0,
        rows_accepted: 0,
        rows_rejected: 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    let read = 0;
    let accepted = 0;
    let duplicates = 0;
    const rejects: unknown[][] = [];
    const byCode: Record<string, number> = {};
    const seen = new Set<string>();
    async function* accepted_rows(): AsyncGenerator<unknown[]> {
      try {
        for await (const rec of records) {
          read++;
          // An exact repeat of a line is accepted once and counted (SOURCES.md §8 #11).
          if (seen.has(rec.raw)) {
            duplicates++;
            continue;
          }
          seen.add(rec.raw);
          const v = validateRecord(spec, rec, ctx);
          if (v.ok) {
            accepted++;
            for (const row of v.rows) yield [id, extractedOn, rec.line, ...row];
          } else {
            for (const i of v.issues) byCode[i.code] = (byCode[i.code] ?? 0) + 1;
            const first = v.issues[0];
            rejects.push([
              id,
              file,
              rec.line,
              v.issues.map((i) => i.field ?? '').join(',') || null,
              first?.code,
              v.issues.map((i) => (i.field ? `${i.field} : ${i.reason}` : i.reason)).join(' ; '),
              rec.raw.slice(0, RAW_MAX),
            ]);
          }
        }
      } catch (e) {
        if (e instanceof ProactifError) throw e;
        const msg = (e as Error).message ?? String(e);
        const gz = /unexpected end of file|incorrect header check|invalid/i.test(msg) && gzip;
        throw new SourceFormatError(
          file,
          gz ? 'archive gzip tronquée ou corrompue : fichier refusé, rien importé' : `lecture impossible : ${msg}`,
          { cause: e },
        );
      }
    }
    await tx.copyRows(spec.table, ['import_id', 'snapshot_date', 'line_no', ...spec.tableColumns], accepted_rows());
    const rejected = rejects.length;
    if (read === 0 && spec.format === 'jsonl') throw new SourceFormatError(file, 'fichier vide : rien à importer');
    if (rejected > 0 && rejected / read > max) throw new RejectRateExceededError(file, rejected, read, byCode, max);
    await tx.copyRows('rejected_row', ['import_id', 'file_name', 'line_no', 'field', 'code', 'reason', 'raw'], rejects);
    await tx.kysely
      .updateTable('import_file')
      .set({ rows_read: read, rows_accepted: accepted, rows_rejected: rejected })
      .where('id', '=', id)
      .execute();
    return {
      file,
      status: 'imported',
      agency: spec.agency,
      extract: spec.extract,
      extractedOn,
      read,
      accepted,
      rejected,
      duplicates,
      rejectedByCode: byCode,
    };
  });
}
