/** PostgreSQL through node-postgres, for desks that outgrow one machine: DATABASE_URL=postgres://… */
import pg from 'pg';
import type { SqlDriver } from '../store';

/** The shared queries use `?`; PostgreSQL numbers its parameters. */
export function numberedParameters(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export function postgresDriver(connectionString: string): SqlDriver {
  const pool = new pg.Pool({ connectionString, max: 10 });
  return {
    idColumn: 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY',
    async all<T>(sql: string, params: unknown[] = []) {
      return (await pool.query(numberedParameters(sql), params)).rows as T[];
    },
    async run(sql: string, params: unknown[] = []) {
      return { changes: (await pool.query(numberedParameters(sql), params)).rowCount ?? 0 };
    },
    async close() {
      await pool.end();
    },
  };
}
