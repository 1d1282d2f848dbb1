import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb } from '../../test/support/dialects.ts';
import { STAGING_INDEXES } from '../db/migrations/0011-staging-partitions.ts';
import { importFiles } from './inbox.ts';

const DEMO = new URL('../../fixtures/demo/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'proactif-inbox-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A folder of its own holding `files` (name → content). */
function folder(name: string, files: Record<string, string | Buffer>): Record<string, string> {
  const d = join(dir, name);
  rmSync(d, { recursive: true, force: true });
  mkdirSync(d, { recursive: true });
  const paths: Record<string, string> = {};
  for (const [file, content] of Object.entries(files)) {
    paths[file] = join(d, file);
    writeFileSync(paths[file], content);
  }
  return paths;
}

describe.each(DIALECTS)('importing several files (%s)', (dialect) => {
  it('applies the snapshots of one extract oldest first, even when the newer file is the larger, and reports in the order given', async () => {
    const droits = readFileSync(join(DEMO, 'caf_droits_20250831.csv'), 'utf8').split('\n');
    const p = folder(`order-${dialect}`, {
      // July: the header and 2 rows; August: every row (larger, so it would be picked first).
      'caf_droits_20250731.csv': `${droits.slice(0, 3).join('\n')}\n`,
      'caf_droits_20250831.csv': readFileSync(join(DEMO, 'caf_droits_20250831.csv')),
      'gipmds_ressources_20250831.jsonl': readFileSync(join(DEMO, 'gipmds_ressources_20250831.jsonl')),
      'dgfip_foyers_20250715.csv': readFileSync(join(DEMO, 'dgfip_foyers_20250715.csv')),
    });
    const files = [
      p['dgfip_foyers_20250715.csv'],
      p['caf_droits_20250731.csv'],
      p['caf_droits_20250831.csv'],
      p['gipmds_ressources_20250831.jsonl'],
    ] as string[];
    const { db, cleanup } = await freshDb(dialect, 'inbox_order');
    try {
      const out = await importFiles(db, files, {});
      expect(out.map((o) => [o.file, o.status])).toEqual([
        ['dgfip_foyers_20250715.csv', 'imported'],
        ['caf_droits_20250731.csv', 'imported'],
        ['caf_droits_20250831.csv', 'imported'],
        ['gipmds_ressources_20250831.jsonl', 'imported'],
      ]);
      expect(out[1]).toMatchObject({ read: 2 });
      const snapshots = await db.kysely
        .selectFrom('import_file')
        .select('extracted_on')
        .where('extract', '=', 'droits')
        .orderBy('id')
        .execute();
      expect(snapshots.map((s) => s.extracted_on)).toEqual(['2025-07-31', '2025-08-31']);
    } finally {
      await cleanup();
    }
  });

  it('imports the same content given under the names of two extracts once: the second name is skipped, not refused', async () => {
    const membres = readFileSync(join(DEMO, 'caf_membres_20250831.csv'));
    const p = folder(`same-${dialect}`, { 'caf_membres_20250831.csv': membres, 'caf_foyers_20250831.csv': membres });
    const { db, cleanup } = await freshDb(dialect, 'inbox_same');
    try {
      const out = await importFiles(db, [p['caf_membres_20250831.csv'], p['caf_foyers_20250831.csv']] as string[], {});
      expect(out[0]).toMatchObject({ file: 'caf_membres_20250831.csv', status: 'imported' });
      expect(out[1]).toMatchObject({
        file: 'caf_foyers_20250831.csv',
        status: 'skipped',
        reason: 'contenu déjà importé (fichier caf_membres_20250831.csv)',
      });
      expect(await db.kysely.selectFrom('caf_foyer').select('line_no').execute()).toEqual([]);
    } finally {
      await cleanup();
    }
  });

  it('skips a file already imported when it runs again, also under the name of another extract', async () => {
    const membres = readFileSync(join(DEMO, 'caf_membres_20250831.csv'));
    const p = folder(`rerun-${dialect}`, { 'caf_membres_20250831.csv': membres, 'caf_foyers_20250901.csv': membres });
    const { db, cleanup } = await freshDb(dialect, 'inbox_rerun');
    try {
      const first = await importFiles(db, [p['caf_membres_20250831.csv'] as string], {});
      expect(first[0]).toMatchObject({ status: 'imported' });
      const rows = async () => (await db.kysely.selectFrom('caf_membre').select('line_no').execute()).length;
      const before = await rows();
      expect(before).toBeGreaterThan(0);
      const again = await importFiles(db, [p['caf_membres_20250831.csv'] as string], {});
      expect(again[0]).toMatchObject({
        status: 'skipped',
        reason: 'contenu déjà importé (fichier caf_membres_20250831.csv)',
      });
      // The same content under the name of another extract: skipped too, not refused for its header.
      const renamed = await importFiles(db, [p['caf_foyers_20250901.csv'] as string], {});
      expect(renamed[0]).toMatchObject({ status: 'skipped' });
      expect(await rows()).toBe(before);
      const files = await db.kysely.selectFrom('import_file').select('file_name').execute();
      expect(files.map((f) => f.file_name)).toEqual(['caf_membres_20250831.csv']);
    } finally {
      await cleanup();
    }
  });
});

describe('importing several files on PostgreSQL', () => {
  it('builds the indexes of the first file during its COPY (the server has nothing else to do), and every partition ends with the staging indexes once', async () => {
    const p = folder('indexes-pg', {
      'gipmds_ressources_20250831.jsonl': readFileSync(join(DEMO, 'gipmds_ressources_20250831.jsonl')),
      'caf_membres_20250831.csv': readFileSync(join(DEMO, 'caf_membres_20250831.csv')),
      'dgfip_foyers_20250715.csv': readFileSync(join(DEMO, 'dgfip_foyers_20250715.csv')),
    });
    const { db, cleanup } = await freshDb('pg', 'inbox_indexes');
    try {
      const out = await importFiles(db, Object.values(p), {});
      expect(out.map((o) => o.status)).toEqual(['imported', 'imported', 'imported']);
      // Each partition's indexes, and the staging index each is attached to (pg_inherits).
      const r = await sql<{ part: string; index: string; parent: string | null }>`
        select c.relname as part, i.relname as index, pi.relname as parent
        from pg_inherits h
        join pg_class c on c.oid = h.inhrelid
        join pg_index x on x.indrelid = c.oid
        join pg_class i on i.oid = x.indexrelid
        left join pg_inherits hi on hi.inhrelid = i.oid
        left join pg_class pi on pi.oid = hi.inhparent
        where h.inhparent in ('gipmds_ressource'::regclass, 'caf_membre'::regclass, 'dgfip_personne'::regclass)
          and c.relname ~ '_f[0-9]+$'
        order by 1, 2`.execute(db.kysely);
      const stagingIndexes = (table: string) => (STAGING_INDEXES[table] ?? []).map((i) => i.split(' ')[0]).sort();
      const byPart = new Map<string, { index: string; parent: string | null }[]>();
      for (const row of r.rows) byPart.set(row.part, [...(byPart.get(row.part) ?? []), row]);
      expect([...byPart.keys()].map((k) => k.replace(/_f\d+$/, '')).sort()).toEqual([
        'caf_membre',
        'dgfip_personne',
        'gipmds_ressource',
      ]);
      for (const [part, indexes] of byPart) {
        const table = part.replace(/_f\d+$/, '');
        // No index built twice: exactly the staging indexes, each attached to its own.
        expect(indexes.map((i) => i.parent).sort()).toEqual(stagingIndexes(table));
      }
      // The largest file goes first, when no other file's server work is in flight: its indexes
      // were created before its COPY, named after the staging indexes.
      const gipmds = [...byPart].find(([k]) => k.startsWith('gipmds_ressource_f'));
      expect(gipmds?.[1].map((i) => i.index)).toEqual([`${gipmds?.[0]}_nir`]);
      // Rows are found through them as before.
      const n = await db.kysely
        .selectFrom('gipmds_ressource')
        .select('nir')
        .where('nir', '=', '267022309601223')
        .execute();
      expect(n.length).toBeGreaterThan(0);
    } finally {
      await cleanup();
    }
  });
});
