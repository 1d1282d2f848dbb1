import { copyLine } from '../db/copy-format.ts';
import type { ExtractSpec } from './extract.ts';
import type { RawRecord } from './read.ts';
import { validateRecord } from './validate.ts';

/** What validating a batch of records gives: COPY text for the accepted rows, and what was set aside. */
export interface BatchResult {
  readonly copy: string;
  readonly accepted: number;
  readonly rejects: unknown[][];
  readonly warns: unknown[][];
  readonly rejectedByCode: Record<string, number>;
  readonly warningsByCode: Record<string, number>;
}

export interface BatchContext {
  readonly importId: number;
  readonly file: string;
  readonly extractedOn: string;
}

const RAW_MAX = 2000;

/**
 * Validates records and encodes the accepted ones as COPY lines (with their provenance columns
 * import_id, snapshot_date, line_no first). Pure: the same in the main thread and in a worker.
 */
export function validateBatch(spec: ExtractSpec<never>, c: BatchContext, records: readonly RawRecord[]): BatchResult {
  let copy = '';
  let accepted = 0;
  const rejects: unknown[][] = [];
  const warns: unknown[][] = [];
  const rejectedByCode: Record<string, number> = {};
  const warningsByCode: Record<string, number> = {};
  const ctx = { extractedOn: c.extractedOn };
  for (const rec of records) {
    const v = validateRecord(spec, rec, ctx);
    if (v.ok) {
      accepted++;
      for (const w of v.warnings) {
        warningsByCode[w.code] = (warningsByCode[w.code] ?? 0) + 1;
        warns.push([c.importId, c.file, rec.line, w.field, w.code, w.field ? `${w.field} : ${w.reason}` : w.reason]);
      }
      for (const row of v.rows) copy += copyLine([c.importId, c.extractedOn, rec.line, ...row]);
    } else {
      for (const i of v.issues) rejectedByCode[i.code] = (rejectedByCode[i.code] ?? 0) + 1;
      const first = v.issues[0];
      rejects.push([
        c.importId,
        c.file,
        rec.line,
        v.issues.map((i) => i.field ?? '').join(',') || null,
        first?.code,
        v.issues.map((i) => (i.field ? `${i.field} : ${i.reason}` : i.reason)).join(' ; '),
        rec.raw.slice(0, RAW_MAX),
      ]);
    }
  }
  return { copy, accepted, rejects, warns, rejectedByCode, warningsByCode };
}
