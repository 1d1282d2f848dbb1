import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyLine } from '../db/copy-format.ts';
import type { Db } from '../db/open.ts';

/**
 * Rows kept for the end of an import (quarantined lines, warnings), at constant memory: past
 * `limit` rows, or `charLimit` characters of text, in memory they are written to a private
 * temporary file as COPY text, loaded with the rest at the end and deleted in any case
 * (`dispose`). They hold raw lines, personal data: the file is readable by this user only and
 * lives no longer than the import.
 */
export class RowSpill {
  private rows: unknown[][] = [];
  private chars = 0;
  private dir: string | null = null;
  private path: string | null = null;
  count = 0;

  /**
   * `charLimit` bounds the bytes as well as the rows: 20 000 quarantined lines of 2 000
   * characters would hold 80 MB, and up to four files are imported at once (2 M characters:
   * 2–4 MB per spill).
   */
  constructor(
    private readonly limit = 20_000,
    private readonly charLimit = 2_000_000,
  ) {}

  push(row: unknown[]): void {
    this.rows.push(row);
    this.count++;
    for (const v of row) if (typeof v === 'string') this.chars += v.length;
    if (this.rows.length >= this.limit || this.chars >= this.charLimit) this.flush();
  }

  private flush(): void {
    if (!this.path) {
      this.dir = mkdtempSync(join(tmpdir(), 'proactif-spill-'));
      this.path = join(this.dir, 'rows.copy');
    }
    let text = '';
    for (const r of this.rows) text += copyLine(r);
    appendFileSync(this.path, text, { mode: 0o600 });
    this.rows = [];
    this.chars = 0;
  }

  /** Whether some rows are on disk (for tests and reports). */
  get spilled(): boolean {
    return this.path !== null;
  }

  /** COPYs every row into `table`, in the order they came. */
  async copyInto(db: Db, table: string, columns: readonly string[]): Promise<void> {
    if (this.path) await db.copyFile(table, columns, this.path, 'format text');
    if (this.rows.length) await db.copyRows(table, columns, this.rows);
  }

  dispose(): void {
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
    this.path = null;
    this.rows = [];
    this.chars = 0;
  }
}
