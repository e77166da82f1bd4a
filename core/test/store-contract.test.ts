/**
 * Runs the store contract against SQLite always and against MongoDB when MONGODB_URI is set,
 * plus the SQLite-only checks (file reopening, migrations, the `openStore` choice).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/open-store.ts';
import { MIGRATIONS } from '../src/store/sqlite/migrations.ts';
import { openSqliteStore } from '../src/store/sqlite/open-sqlite-store.ts';
import { aCommunity, aUser } from './store-contract/fixtures.ts';
import { runStoreContract } from './store-contract/run-store-contract.ts';

const tempDir = mkdtempSync(join(tmpdir(), 'hub-store-contract-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

runStoreContract('sqlite', () => openSqliteStore({ file: join(tempDir, 'contract', 'hub.db') }));

const mongoUri = process.env['MONGODB_URI'];
if (mongoUri !== undefined && mongoUri !== '') {
  // A throw-away database per run, dropped at the end, so nothing is left in the server.
  const dbName = `hub_contract_${Date.now()}`;
  afterAll(async () => {
    const { default: mongoose } = await import('mongoose');
    const connection = await mongoose.createConnection(mongoUri, { dbName }).asPromise();
    await connection.dropDatabase();
    await connection.close();
  });
  const { openMongoStore } = await import('../src/store/mongo/open-mongo-store.ts');
  runStoreContract('mongo', () => openMongoStore({ uri: mongoUri, dbName }));
} else {
  describe.skip('MongoDB contract skipped: MONGODB_URI not set', () => {
    it('runs the store contract against MongoDB', () => undefined);
  });
}

describe('SQLite file', () => {
  it('keeps data across close and reopen, and reopening applies no migration twice', async () => {
    const file = join(tempDir, 'reopen', 'nested', 'hub.db');
    const first = await openSqliteStore({ file });
    const community = aCommunity();
    const user = aUser({ email: 'Reopen@Example.test' });
    await first.communities.create(community);
    await first.users.create(user);
    await first.close();

    const second = await openSqliteStore({ file });
    expect(await second.communities.get(community.id)).toEqual(community);
    expect(await second.users.getByEmail('reopen@example.test')).toEqual(user);
    await second.close();

    const raw = new Database(file, { readonly: true });
    const rows = raw.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    raw.close();
    expect(rows).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })));
  });

  it('refuses a database migrated by a newer hub', async () => {
    const file = join(tempDir, 'newer', 'hub.db');
    await (await openSqliteStore({ file })).close();
    const raw = new Database(file);
    raw.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from the future', '2030-01-01')").run();
    raw.close();
    await expect(openSqliteStore({ file })).rejects.toThrow(/schema version 999, newer than this hub knows/);
  });

  it('uses write-ahead logging', async () => {
    const file = join(tempDir, 'pragmas', 'hub.db');
    await (await openSqliteStore({ file })).close();
    const raw = new Database(file);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('works in memory', async () => {
    const store = await openSqliteStore({ file: ':memory:' });
    const community = aCommunity();
    await store.communities.create(community);
    expect(await store.communities.get(community.id)).toEqual(community);
    await store.close();
  });
});

describe('openStore', () => {
  it('opens SQLite at <dataDir>/hub.db when no MongoDB URI is given, creating the directory', async () => {
    const dataDir = join(tempDir, 'data-dir', 'deeper');
    const store = await openStore({ dataDir });
    expect(store.kind).toBe('sqlite');
    const community = aCommunity();
    await store.communities.create(community);
    await store.close();
    const again = await openSqliteStore({ file: join(dataDir, 'hub.db') });
    expect(await again.communities.get(community.id)).toEqual(community);
    await again.close();
  });

  it('never loads mongoose on the SQLite path', async () => {
    // A fresh process, because this test process may already hold mongoose from another file.
    const script = `
      import { createRequire } from 'node:module';
      const { openStore } = await import(process.argv[1]);
      const store = await openStore({ dataDir: process.argv[2] });
      await store.close();
      const cache = Object.keys(createRequire(import.meta.url).cache);
      process.stdout.write(JSON.stringify({ kind: store.kind, mongoose: cache.filter((p) => p.includes('/node_modules/mongoose/')).length }));
    `;
    const openStoreUrl = new URL('../src/store/open-store.ts', import.meta.url).href;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script, openStoreUrl, join(tempDir, 'no-mongoose')],
      { cwd: fileURLToPath(new URL('../..', import.meta.url)) },
    );
    expect(JSON.parse(stdout)).toEqual({ kind: 'sqlite', mongoose: 0 });
  });
});
