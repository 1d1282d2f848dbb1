import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATION_NAMES } from '../src/db/migrate.ts';

const BIN = resolve(import.meta.dirname, '../bin/proactif.js');
const DEMO = resolve(import.meta.dirname, '../fixtures/demo');
const work = mkdtempSync(join(tmpdir(), 'proactif-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function proactif(args: string[], dataDir = join(work, 'db')) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', PROACTIF_DATA_DIR: dataDir },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('proactif command line', () => {
  it('prints its help and version with exit code 0', () => {
    const help = proactif(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('run');
    const v = proactif(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toBe(
      JSON.parse(readFileSync(resolve(import.meta.dirname, '../package.json'), 'utf8')).version,
    );
  });

  it('answers a bad date with exit code 2 and a French message, no stack trace', () => {
    const r = proactif(['run', '--as-of', '2025-02-31']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--as-of « 2025-02-31 »');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('answers an unknown command with exit code 2', () => {
    expect(proactif(['frobnicate']).code).toBe(2);
  });

  it('migrates twice without error, the second time applying nothing', () => {
    const dir = join(work, 'db-migrate');
    expect(JSON.parse(proactif(['db', 'migrate', '--json'], dir).stdout)).toEqual({
      dialect: 'pglite',
      applied: [...MIGRATION_NAMES],
    });
    expect(JSON.parse(proactif(['db', 'migrate', '--json'], dir).stdout)).toEqual({ dialect: 'pglite', applied: [] });
  });

  it('runs on the demo fixtures with --json, then a second run does nothing again', () => {
    const r1 = proactif(['run', '--as-of', '2025-09-01', '--json']);
    expect(r1.code).toBe(0);
    const s1 = JSON.parse(r1.stdout.trim().split('\n').at(-1) as string);
    expect(s1).toMatchObject({
      households: 22,
      eligible: 17,
      excluded: 3,
      notificationsQueued: 14,
      dossiersWritten: 15,
    });
    const r2 = proactif(['run', '--as-of', '2025-09-01', '--json']);
    const s2 = JSON.parse(r2.stdout.trim().split('\n').at(-1) as string);
    expect(s2).toMatchObject({ households: 22, notificationsQueued: 0, dossiersWritten: 0, decisionsRecorded: 0 });
  });

  it('refuses a file whose header lacks a column, naming the file and the column (exit 1)', () => {
    const inbox = join(work, 'inbox-bad-header');
    cpSync(DEMO, inbox, { recursive: true });
    const f = join(inbox, 'beneficiaires_CAF_20250831.csv');
    writeFileSync(f, readFileSync(f, 'utf8').replace('date_naissance', 'date_naiss'));
    const r = proactif(['run', '--as-of', '2025-09-01', '--inbox', inbox], join(work, 'db-bad-header'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('beneficiaires_CAF_20250831.csv');
    expect(r.stderr).toContain('date_naissance');
  });

  it('finishes with exit code 3 when rows were rejected, and counts why', () => {
    const inbox = join(work, 'inbox-rejects');
    cpSync(DEMO, inbox, { recursive: true });
    const f = join(inbox, 'caf_droits_20250831.csv');
    // A line whose amount cannot be read.
    writeFileSync(f, `${readFileSync(f, 'utf8')}1203456;751;2025-08;AF;douze;;01/01/2025;EN_COURS\r\n`);
    const r = proactif(['run', '--as-of', '2025-09-01', '--inbox', inbox, '--json'], join(work, 'db-rejects'));
    expect(r.code).toBe(3);
    const s = JSON.parse(r.stdout.trim().split('\n').at(-1) as string);
    expect(s.rejectedRows).toBe(1);
    const droits = s.imports.find((i: { file: string }) => i.file === 'caf_droits_20250831.csv');
    expect(droits).toMatchObject({ read: 116, accepted: 115, rejected: 1, rejectedByCode: { MONTANT_INVALIDE: 1 } });
  });
});

describe('proactif conformance', () => {
  it('given the shared folder, reads the tests under openfisca/ and not the parameter files beside them', () => {
    const shared = join(work, 'conformance');
    for (const d of ['openfisca/rsa', 'parameters/rsa']) mkdirSync(join(shared, d), { recursive: true });
    writeFileSync(join(shared, 'openfisca/rsa/seul.yaml'), '- name: seul\n  period: 2024-01\n  output: {rsa: 0}\n');
    writeFileSync(join(shared, 'parameters/rsa/montant.yaml'), 'description: montant\nvalues:\n  2024-04-01: 635.71\n');
    const r = proactif(['conformance', shared]);
    expect(r.stdout).toContain(`lus dans ${join(shared, 'openfisca')}`);
    expect(r.stdout).toContain('1 fichiers, 1 tests');
    expect(r.stdout).not.toContain('illisible');
  });
});

describe('proactif import', () => {
  it('imports a drop folder oldest first, archives what it processed and sets aside what it refused', () => {
    const inbox = join(work, 'inbox-import');
    cpSync(DEMO, inbox, { recursive: true });
    rmSync(join(inbox, 'README.md'));
    for (const f of ['make-demo.ts', 'check-expected.ts']) rmSync(join(inbox, f), { force: true });
    writeFileSync(join(inbox, 'caf_foyers.csv'), 'x');
    const r = proactif(['import', '--inbox', inbox, '--json'], join(work, 'db-import'));
    expect(r.code).toBe(1);
    const s = JSON.parse(r.stdout.trim().split('\n').at(-1) as string);
    expect(s).toMatchObject({ files: 7, imported: 6, refused: 1, rowsRejected: 0 });
    // Oldest extraction date first: the DGFiP file of 15 July before the CAF files of 31 August.
    expect(s.outcomes[0].file).toBe('dgfip_foyers_20250715.csv');
    expect(readdirSync(join(inbox, 'archive'))).toHaveLength(6);
    expect(readdirSync(join(inbox, 'refuses'))).toEqual(['caf_foyers.csv']);
    expect(readdirSync(inbox).sort()).toEqual(['archive', 'refuses']);
  });
});

describe('proactif eligibility and explain', () => {
  const dir = join(work, 'db-eligibility');
  it('prints the funnel of one right; --dry-run records nothing, a real run records once', () => {
    expect(
      proactif(
        [
          'import',
          ...['caf_foyers', 'caf_membres', 'caf_droits'].map((n) => join(DEMO, `${n}_20250831.csv`)),
          join(DEMO, 'gipmds_ressources_20250831.jsonl'),
          join(DEMO, 'beneficiaires_CAF_20250831.csv'),
        ],
        dir,
      ).code,
    ).toBe(0);
    const dry = JSON.parse(
      proactif(['eligibility', '--right', 'rsa', '--as-of', '2025-09-01', '--dry-run', '--json'], dir).stdout,
    );
    expect(dry).toMatchObject({
      households: 21,
      eligible: 17,
      toInvite: 14,
      excludedByReason: { deja_beneficiaire: 2, sans_canal_de_contact: 1 },
      recorded: 0,
    });
    const real = JSON.parse(proactif(['eligibility', '--right', 'rsa', '--as-of', '2025-09-01', '--json'], dir).stdout);
    expect(real.recorded).toBe(21);
    const again = JSON.parse(
      proactif(['eligibility', '--right', 'rsa', '--as-of', '2025-09-01', '--json'], dir).stdout,
    );
    expect(again.recorded).toBe(0);
    const paris = JSON.parse(
      proactif(
        [
          'eligibility',
          '--right',
          'rsa',
          '--as-of',
          '2025-09-01',
          '--departement',
          '75',
          '--full',
          '--dry-run',
          '--json',
        ],
        dir,
      ).stdout,
    );
    expect(paris.households).toBe(2);
  });

  it('explains a decision in French with the provenance of each input, and no name unless asked', () => {
    const out = join(work, 'out-explain');
    expect(proactif(['run', '--as-of', '2025-09-01', '--full', '--out', out], dir).code).toBe(0);
    // H01, single tenant without income or housing aid, 646.52 € (fixtures/demo/README.md).
    const file = readdirSync(join(out, 'dossiers')).find((f) => {
      const d = JSON.parse(readFileSync(join(out, 'dossiers', f), 'utf8'));
      return d.montantEstime === 646.52 && d.adresse.length > 0;
    }) as string;
    const id = file.slice(0, 14);
    const r = proactif(['explain', id, '--right', 'rsa'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Décision : éligible, 646,52 €');
    expect(r.stdout).toContain('[CAF, extrait membres du 2025-08-31]');
    expect(r.stdout).toContain('LOCATAIRE, département 75');
    expect(r.stdout).not.toContain('MERCIER');
    const named = proactif(['explain', id, '--right', 'rsa', '--identite'], dir);
    expect(named.stdout).toContain('THOMAS PIERRE MERCIER');
    expect(proactif(['explain', 'F-000000000000'], dir).code).toBe(2);
  });
});
