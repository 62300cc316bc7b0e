/** PostgreSQL through node-postgres, for desks that outgrow one machine: DATABASE_URL=postgres://… */
import pg from 'pg';
import type { SqlDriver, SqlRunner } from '../store';

/** The shared queries use `?`; PostgreSQL numbers its parameters. */
export function numberedParameters(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

const runner = (db: pg.Pool | pg.PoolClient): SqlRunner => ({
  async all<T>(sql: string, params: unknown[] = []) {
    return (await db.query(numberedParameters(sql), params)).rows as T[];
  },
  async run(sql: string, params: unknown[] = []) {
    return { changes: (await db.query(numberedParameters(sql), params)).rowCount ?? 0 };
  },
});

export function postgresDriver(connectionString: string): SqlDriver {
  const pool = new pg.Pool({ connectionString, max: 10 });
  return {
    dialect: 'postgres',
    idColumn: 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY',
    ...runner(pool),
    async transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(runner(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
