/**
 * One PostgreSQL database per test file, on the server of the global setup
 * (postgres-global-setup.ts):
 *
 *   let url: string;
 *   beforeAll(async () => { url = await createTestDatabase('eligibility'); });
 *   afterAll(() => dropTestDatabase(url));
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/** `scheme://authority` + `/database` + `?query#fragment` — works for unix-socket URLs too. */
const URL_PARTS = /^(postgres(?:ql)?:\/\/[^/?#]*)(\/[^?#]*)?(.*)$/s;
/** Names made by createTestDatabase: `<prefix>_<10 hex>`; nothing else is ever dropped. */
const TEST_DATABASE = /^[a-z][a-z0-9_]*_[0-9a-f]{10}$/;

export async function createTestDatabase(prefix = 'test'): Promise<string> {
  const adminUrl = inject('pgAdminUrl');
  const safe = prefix
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '')
    .slice(0, 40);
  const name = `${safe || 'test'}_${randomBytes(5).toString('hex')}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
  return withDatabase(adminUrl, name);
}

/** Terminates the connections still open on it, then drops it. Harmless if already gone. */
export async function dropTestDatabase(url: string): Promise<void> {
  const name = databaseOf(url);
  if (!TEST_DATABASE.test(name)) {
    throw new Error(`dropTestDatabase : « ${name} » n'a pas été créée par createTestDatabase`);
  }
  await withAdmin(inject('pgAdminUrl'), async (client) => {
    // A pool that was just ended may still be closing its sockets (pg-pool does not wait for
    // them): give them a moment, so that terminating does not hit a client mid-close.
    for (let i = 0; i < 20; i++) {
      const r = await client.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
      if (r.rows[0]?.n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await client.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    );
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
  });
}

async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function splitUrl(url: string): [authority: string, path: string, rest: string] {
  const match = URL_PARTS.exec(url);
  if (!match) throw new Error(`URL PostgreSQL non reconnue : ${url}`);
  return [match[1] ?? '', match[2] ?? '', match[3] ?? ''];
}

function withDatabase(url: string, database: string): string {
  const [authority, , rest] = splitUrl(url);
  return `${authority}/${encodeURIComponent(database)}${rest}`;
}

function databaseOf(url: string): string {
  return decodeURIComponent(splitUrl(url)[1].slice(1));
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
