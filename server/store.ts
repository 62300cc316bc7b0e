/**
 * The intake service's storage: submissions, reviewers (tokens stored as SHA-256 hashes only) and the desk's
 * feed signing key. SQLite through better-sqlite3 (synchronous, one file, WAL); every query is here, so a
 * PostgreSQL store would implement the same interface.
 */
import Database from 'better-sqlite3';
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
  insert(submission: Submission, client: string): { id: number; created: boolean };
  list(status?: SubmissionStatus, limit?: number): StoredSubmission[];
  get(id: number): StoredSubmission | undefined;
  screenshot(id: number): string | undefined;
  decide(id: number, status: 'verified' | 'rejected', review: Review): boolean;
  count(): number;
  addReviewer(name: string, tokenHash: string): void;
  reviewerByTokenHash(tokenHash: string): string | undefined;
  meta(key: string): string | undefined;
  setMeta(key: string, value: string): void;
  close(): void;
}

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS submissions (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
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
  has_screenshot: number;
  status: SubmissionStatus;
  received_at: string;
  review_json: string | null;
}

const COLUMNS = 'id, idempotency_key, client, kind, category, note, post_json, screenshot IS NOT NULL AS has_screenshot, status, received_at, review_json';

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

/** Opens (creating if needed) the SQLite database at `file` (`:memory:` for tests). */
export function openSqliteStore(file: string): IntakeStore {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  for (const statement of SCHEMA) db.exec(statement);

  const insert = db.prepare(
    `INSERT INTO submissions (idempotency_key, client, kind, category, note, post_json, screenshot, received_at)
     VALUES (@key, @client, @kind, @category, @note, @post, @screenshot, @at) ON CONFLICT(idempotency_key) DO NOTHING`,
  );
  const byKey = db.prepare('SELECT id FROM submissions WHERE idempotency_key = ?');
  return {
    insert(submission, client) {
      const result = insert.run({
        key: submission.idempotencyKey,
        client,
        kind: submission.kind,
        category: submission.category,
        note: submission.note ?? null,
        post: JSON.stringify(submission.post),
        screenshot: submission.screenshot ?? null,
        at: new Date().toISOString(),
      });
      if (result.changes) return { id: Number(result.lastInsertRowid), created: true };
      return { id: (byKey.get(submission.idempotencyKey) as { id: number }).id, created: false };
    },
    list(status, limit = 200) {
      const rows = status
        ? db.prepare(`SELECT ${COLUMNS} FROM submissions WHERE status = ? ORDER BY id DESC LIMIT ?`).all(status, limit)
        : db.prepare(`SELECT ${COLUMNS} FROM submissions ORDER BY id DESC LIMIT ?`).all(limit);
      return (rows as Row[]).map(fromRow);
    },
    get(id) {
      const row = db.prepare(`SELECT ${COLUMNS} FROM submissions WHERE id = ?`).get(id) as Row | undefined;
      return row && fromRow(row);
    },
    screenshot(id) {
      return (db.prepare('SELECT screenshot FROM submissions WHERE id = ?').get(id) as { screenshot: string | null } | undefined)?.screenshot ?? undefined;
    },
    decide(id, status, review) {
      return db.prepare(`UPDATE submissions SET status = ?, review_json = ? WHERE id = ? AND status = 'pending'`).run(status, JSON.stringify(review), id).changes === 1;
    },
    count() {
      return (db.prepare('SELECT count(*) AS n FROM submissions').get() as { n: number }).n;
    },
    addReviewer(name, tokenHash) {
      db.prepare('INSERT INTO reviewers (name, token_hash, created_at) VALUES (?, ?, ?)').run(name, tokenHash, new Date().toISOString());
    },
    reviewerByTokenHash(tokenHash) {
      return (db.prepare('SELECT name FROM reviewers WHERE token_hash = ?').get(tokenHash) as { name: string } | undefined)?.name;
    },
    meta(key) {
      return (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
    },
    setMeta(key, value) {
      db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
    },
    close() {
      db.close();
    },
  };
}
