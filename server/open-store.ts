/** The store the service runs on: PostgreSQL when a DATABASE_URL is given, else the SQLite file. */
import { postgresDriver } from './drivers/postgres';
import { sqliteDriver } from './drivers/sqlite';
import { openSqlStore, type IntakeStore } from './store';

export function openStore({ databaseUrl, sqliteFile }: { databaseUrl?: string; sqliteFile: string }): Promise<IntakeStore> {
  return openSqlStore(databaseUrl ? postgresDriver(databaseUrl) : sqliteDriver(sqliteFile));
}

export const openSqliteStore = (file: string) => openSqlStore(sqliteDriver(file));
