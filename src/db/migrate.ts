import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import { DatabaseError } from '../errors.ts';
import * as m0001 from './migrations/0001-initial.ts';
import * as m0002 from './migrations/0002-purge.ts';
import * as m0003 from './migrations/0003-revenus-imposables.ts';
import * as m0004 from './migrations/0004-decision-inputs.ts';
import * as m0005 from './migrations/0005-life-events.ts';
import * as m0006 from './migrations/0006-insee-deces.ts';
import * as m0007 from './migrations/0007-persons.ts';
import * as m0008 from './migrations/0008-opposition.ts';
import * as m0009 from './migrations/0009-import-warnings.ts';
import * as m0010 from './migrations/0010-situation-snapshots.ts';
import * as m0011 from './migrations/0011-staging-partitions.ts';
import * as m0012 from './migrations/0012-decision-json.ts';
import * as m0013 from './migrations/0013-decision-writes.ts';
import * as m0014 from './migrations/0014-birth-place.ts';
import * as m0015 from './migrations/0015-person-snapshots.ts';
import * as m0016 from './migrations/0016-person-value-writes.ts';

/** Migrations in order. A new one is a new file here, never an edit of an applied one. */
const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-purge': m0002,
  '0003-revenus-imposables': m0003,
  '0004-decision-inputs': m0004,
  '0005-life-events': m0005,
  '0006-insee-deces': m0006,
  '0007-persons': m0007,
  '0008-opposition': m0008,
  '0009-import-warnings': m0009,
  '0010-situation-snapshots': m0010,
  '0011-staging-partitions': m0011,
  '0012-decision-json': m0012,
  '0013-decision-writes': m0013,
  '0014-birth-place': m0014,
  '0015-person-snapshots': m0015,
  '0016-person-value-writes': m0016,
};

/** The names of every migration, in order. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(migrations);

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies the migrations not yet applied; applying twice is a no-op. Returns the names applied now. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    throw new DatabaseError(`La migration ${failed} a échoué : ${(error as Error).message}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
