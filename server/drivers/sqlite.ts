/** SQLite through better-sqlite3: one file, WAL, synchronous calls wrapped for the shared async store. */
import Database from 'better-sqlite3';
import type { SqlDriver, SqlRunner } from '../store';

export function sqliteDriver(file: string): SqlDriver {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  const direct: SqlRunner = {
    async all<T>(sql: string, params: unknown[] = []) {
      const statement = prepare(sql);
      return (statement.reader ? statement.all(...params) : (statement.run(...params), [])) as T[];
    },
    async run(sql: string, params: unknown[] = []) {
      return { changes: prepare(sql).run(...params).changes };
    },
  };
  // One connection: while a transaction awaits, other statements wait for it, or they would run inside it.
  let busy: Promise<void> | null = null;
  const idle = async () => {
    while (busy) await busy;
  };
  return {
    dialect: 'sqlite',
    idColumn: 'INTEGER PRIMARY KEY AUTOINCREMENT',
    async all<T>(sql: string, params?: unknown[]) {
      await idle();
      return direct.all<T>(sql, params);
    },
    async run(sql: string, params?: unknown[]) {
      await idle();
      return direct.run(sql, params);
    },
    async transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
      await idle();
      let release!: () => void;
      busy = new Promise((resolve) => (release = resolve));
      try {
        db.exec('BEGIN IMMEDIATE');
        const result = await work(direct);
        db.exec('COMMIT');
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      } finally {
        busy = null;
        release();
      }
    },
    async close() {
      await idle();
      db.close();
    },
  };
}
