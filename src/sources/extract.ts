import type { z } from 'zod';
import type { Database, Kdb } from '../db/database.ts';

export type Agency = 'caf' | 'dgfip' | 'gipmds' | 'payeurs' | 'insee';

/** What the importer knows of the file it reads, given to cross-field checks. */
export interface ExtractContext {
  /** The extraction date read from the file name (ISO). */
  readonly extractedOn: string;
}

/** A problem found on one field of one record, in words an operator understands. */
export interface FieldIssue {
  readonly field: string | null;
  readonly code: string;
  readonly reason: string;
}

/** Two lists of issues as one, without a new array when one is empty (called for every row). */
export function concatIssues(a: FieldIssue[], b: FieldIssue[]): FieldIssue[] {
  return b.length === 0 ? a : a.length === 0 ? b : [...a, ...b];
}

/**
 * The declaration of one kind of extract: its name, its columns, the zod schema of a record,
 * the staging table it lands in, and how a valid record becomes rows of that table.
 */
export interface ExtractSpec<T> {
  readonly agency: Agency;
  /** File name prefix, e.g. `caf_foyers`, or `beneficiaires_*` for any payer. */
  readonly prefix: RegExp;
  readonly extract: string;
  /** `fixed`: fixed-width text lines, `columns` naming the fields of `INSEE_LAYOUT`-like layouts. */
  readonly format: 'csv' | 'jsonl' | 'fixed';
  /** CSV: the header expected (every column, none else). JSONL: the keys of a line. */
  readonly columns: readonly string[];
  readonly schema: z.ZodType<T>;
  /** Checks that need more than one field or the extraction date: a failing one rejects the row. */
  check?(record: T, ctx: ExtractContext): FieldIssue[];
  /** Doubts that do not reject the row (SOURCES.md §8 "W"): the row is kept and the warning listed. */
  warn?(record: T, ctx: ExtractContext): FieldIssue[];
  /** Doubts that need the whole file (two ALLOCATAIRE in one case), found set-based after the load. */
  warnAfterLoad?(db: Kdb, importId: number, fileName: string): Promise<Readonly<Record<string, number>>>;
  /**
   * Staging-table columns that identify a record within one file: two lines with the same key
   * and different values are both quarantined (DOUBLON_CONTRADICTOIRE).
   */
  readonly key?: readonly string[];
  readonly table: keyof Database & string;
  /** Columns of the staging table filled by `toRows` (provenance columns are added by the importer). */
  readonly tableColumns: readonly string[];
  /**
   * The record's rows. Their strings are the record's values or are built from them without
   * adding a backslash, tab or line break: a record whose text holds none goes to COPY unescaped.
   */
  toRows(record: T): unknown[][];
}

/**
 * A function reading `columns` of a record into an array, in that order, generated with the
 * names written out: reads at fixed names stay monomorphic, where `columns.map((c) => r[c])`
 * is megamorphic (DGFiP's 31 columns: about 0.4 µs of the 6.4 µs a record costs). The names come
 * from the extract's declaration, never from the data, and are written as JSON string literals.
 */
export function columnReader<T>(columns: readonly string[]): (record: T) => unknown[] {
  const reads = columns.map((c) => `r[${JSON.stringify(c)}]`).join(', ');
  return new Function('r', `return [${reads}];`) as (record: T) => unknown[];
}
