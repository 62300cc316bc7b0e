/**
 * The intake service's storage: submissions, reviewers (tokens stored as SHA-256 hashes only) and the desk's
 * feed signing key. One schema and one set of queries for both databases: SQLite by default (one file), and
 * PostgreSQL through DATABASE_URL for desks that outgrow one machine (server/drivers).
 */
import type { Submission, SubmissionCategory, SubmissionKind, SubmittedPost } from '../lib/intake/submission';
import type { Verdict } from '../lib/debunk/types';

export type SubmissionStatus = 'pending' | 'verified' | 'rejected';

export interface StoredSubmission {
  id: number;
  idempotencyKey: string;
  client: string;
  kind: SubmissionKind;
  category: SubmissionCategory;
  note?: string;
  post: SubmittedPost;
  hasScreenshot: boolean;
  status: SubmissionStatus;
  receivedAt: string;
  review?: Review;
}

export interface Review {
  reviewer: string;
  reviewedAt: string;
  verdict?: Verdict;
  claim?: string;
  conclusion?: string;
  factCheckUrl?: string;
}

export interface IntakeStore {
  /** Stores a submission once per idempotency key; `created` is false for a repeat. */
  insert(submission: Submission, client: string): Promise<{ id: number; created: boolean }>;
  list(status?: SubmissionStatus, limit?: number): Promise<StoredSubmission[]>;
  get(id: number): Promise<StoredSubmission | undefined>;
  screenshot(id: number): Promise<string | undefined>;
  decide(id: number, status: 'verified' | 'rejected', review: Review): Promise<boolean>;
  count(): Promise<number>;
  addReviewer(name: string, tokenHash: string): Promise<void>;
  reviewerByTokenHash(tokenHash: string): Promise<string | undefined>;
  meta(key: string): Promise<string | undefined>;
  setMeta(key: string, value: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The little a store needs from a database: run a statement with `?` placeholders and get rows back.
 * SQLite and PostgreSQL each provide one (server/drivers); the schema and queries below are shared.
 */
export interface SqlDriver {
  /** The id column's definition, the one difference in the schema. */
  idColumn: string;
  all<T>(sql: string, params?: unknown[]): Promise<T[]>;
  run(sql: string, params?: unknown[]): Promise<{ changes: number }>;
  close(): Promise<void>;
}

const schema = (idColumn: string) => [
  `CREATE TABLE IF NOT EXISTS submissions (
     id ${idColumn},
     idempotency_key TEXT NOT NULL UNIQUE,
     client TEXT NOT NULL,
     kind TEXT NOT NULL,
     category TEXT NOT NULL,
     note TEXT,
     post_json TEXT NOT NULL,
     screenshot TEXT,
     status TEXT NOT NULL DEFAULT 'pending',
     received_at TEXT NOT NULL,
     review_json TEXT
   )`,
  `CREATE INDEX IF NOT EXISTS submissions_status ON submissions(status, id)`,
  `CREATE TABLE IF NOT EXISTS reviewers (name TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
];

interface Row {
  id: number;
  idempotency_key: string;
  client: string;
  kind: SubmissionKind;
  category: SubmissionCategory;
  note: string | null;
  post_json: string;
  has_screenshot: number | boolean;
  status: SubmissionStatus;
  received_at: string;
  review_json: string | null;
}

const COLUMNS =
  'id, idempotency_key, client, kind, category, note, post_json, screenshot IS NOT NULL AS has_screenshot, status, received_at, review_json';

function fromRow(row: Row): StoredSubmission {
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    client: row.client,
    kind: row.kind,
    category: row.category,
    ...(row.note && { note: row.note }),
    post: JSON.parse(row.post_json) as SubmittedPost,
    hasScreenshot: !!row.has_screenshot,
    status: row.status,
    receivedAt: row.received_at,
    ...(row.review_json && { review: JSON.parse(row.review_json) as Review }),
  };
}

/** A store over any SQL driver: creates the schema, then answers with the shared queries. */
export async function openSqlStore(driver: SqlDriver): Promise<IntakeStore> {
  for (const statement of schema(driver.idColumn)) await driver.run(statement);
  return {
    async insert(submission, client) {
      const inserted = await driver.all<{ id: number | string }>(
        `INSERT INTO submissions (idempotency_key, client, kind, category, note, post_json, screenshot, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
        [
          submission.idempotencyKey,
          client,
          submission.kind,
          submission.category,
          submission.note ?? null,
          JSON.stringify(submission.post),
          submission.screenshot ?? null,
          new Date().toISOString(),
        ],
      );
      if (inserted[0]) return { id: Number(inserted[0].id), created: true };
      const [existing] = await driver.all<{ id: number | string }>('SELECT id FROM submissions WHERE idempotency_key = ?', [
        submission.idempotencyKey,
      ]);
      return { id: Number(existing!.id), created: false };
    },
    async list(status, limit = 200) {
      const rows = status
        ? await driver.all<Row>(`SELECT ${COLUMNS} FROM submissions WHERE status = ? ORDER BY id DESC LIMIT ?`, [status, limit])
        : await driver.all<Row>(`SELECT ${COLUMNS} FROM submissions ORDER BY id DESC LIMIT ?`, [limit]);
      return rows.map(fromRow);
    },
    async get(id) {
      const [row] = await driver.all<Row>(`SELECT ${COLUMNS} FROM submissions WHERE id = ?`, [id]);
      return row && fromRow(row);
    },
    async screenshot(id) {
      const [row] = await driver.all<{ screenshot: string | null }>('SELECT screenshot FROM submissions WHERE id = ?', [id]);
      return row?.screenshot ?? undefined;
    },
    async decide(id, status, review) {
      const { changes } = await driver.run(`UPDATE submissions SET status = ?, review_json = ? WHERE id = ? AND status = 'pending'`, [
        status,
        JSON.stringify(review),
        id,
      ]);
      return changes === 1;
    },
    async count() {
      const [row] = await driver.all<{ n: number | string }>('SELECT count(*) AS n FROM submissions');
      return Number(row!.n);
    },
    async addReviewer(name, tokenHash) {
      await driver.run('INSERT INTO reviewers (name, token_hash, created_at) VALUES (?, ?, ?)', [
        name,
        tokenHash,
        new Date().toISOString(),
      ]);
    },
    async reviewerByTokenHash(tokenHash) {
      const [row] = await driver.all<{ name: string }>('SELECT name FROM reviewers WHERE token_hash = ?', [tokenHash]);
      return row?.name;
    },
    async meta(key) {
      const [row] = await driver.all<{ value: string }>('SELECT value FROM meta WHERE key = ?', [key]);
      return row?.value;
    },
    async setMeta(key, value) {
      await driver.run('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
    },
    close: () => driver.close(),
  };
}
