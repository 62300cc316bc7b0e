/** SQLite through better-sqlite3: one file, WAL, synchronous calls wrapped for the shared async store. */
import Database from 'better-sqlite3';
import type { SqlDriver } from '../store';

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
  return {
    idColumn: 'INTEGER PRIMARY KEY AUTOINCREMENT',
    async all<T>(sql: string, params: unknown[] = []) {
      const statement = prepare(sql);
      return (statement.reader ? statement.all(...params) : (statement.run(...params), [])) as T[];
    },
    async run(sql: string, params: unknown[] = []) {
      return { changes: prepare(sql).run(...params).changes };
    },
    async close() {
      db.close();
    },
  };
}
