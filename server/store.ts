/**
 * The intake service's storage: submissions, reviewers (tokens stored as SHA-256 hashes only), their sessions,
 * the audit log of decisions, and the desk's feed signing key. One schema and one set of queries for both
 * databases: SQLite by default (one file), and PostgreSQL through DATABASE_URL for desks that outgrow one
 * machine (server/drivers).
 *
 * Every change that alters the published feed (a verification, a correction, a withdrawal) takes the next
 * number of one counter inside its own transaction. The counter's row stays locked until that transaction
 * commits, so numbers become visible in order: a reader that sees number n has seen every number below it,
 * which makes the number a safe delta cursor (a timestamp taken before a slow commit is not).
 */
import { createHash } from 'node:crypto';
import type { WrongMatchReport } from '../lib/intake/wrong-match-report';
import type {
  Submission,
  SubmissionCategory,
  SubmissionKind,
  SubmittedFrame,
  SubmittedMedia,
  SubmittedPost,
} from '../lib/intake/submission';
import type { Reason, Verdict } from '../lib/debunk/types';
import { publishableAppearances } from './appearances';

/**
 * `withdrawn`: was published, then taken back (it goes out as a tombstone). `merged`: added as another
 * appearance of a debunk the desk had already published (review.mergedInto), instead of a new one.
 */
export type SubmissionStatus = 'pending' | 'verified' | 'rejected' | 'withdrawn' | 'merged';
export const SUBMISSION_STATUSES: readonly SubmissionStatus[] = ['pending', 'verified', 'rejected', 'withdrawn', 'merged'];

/** Why a submission is in another's group: the same post (permalink), the same media (fingerprint or address), or the same claim (text). */
export type GroupReason = 'post' | 'media' | 'claim';
export const GROUP_REASONS: readonly GroupReason[] = ['post', 'media', 'claim'];

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
  /** The publication counter's value at this submission's last change to the feed. */
  seq?: number;
  /** When a reviewer's console first listed it (the volunteer then sees "in review"). */
  openedAt?: string;
  /** The group it belongs to (the id of the group's first submission) and why it joined, once placed. */
  group?: { id: number; reason?: GroupReason };
}

export interface Review {
  reviewer: string;
  reviewedAt: string;
  verdict?: Verdict;
  claim?: string;
  conclusion?: string;
  factCheckUrl?: string;
  /** Why the verdict: the structured reason readers see on the card. */
  reason?: Reason;
  /** The language the claim and conclusion are written in (BCP 47). */
  language?: string;
  /** For a rejection: the desk's reason. */
  rejection?: string;
  /** For a merged submission: the published submission it became another appearance of. */
  mergedInto?: number;
  /** For a published one: where else it circulated and what else it showed, from submissions merged into it. */
  appearances?: string[];
  media?: { kind: 'video' | 'image'; frames: SubmittedFrame[] }[];
  /** Set when a published item is corrected or withdrawn. */
  changed?: { by: string; at: string; action: 'corrected' | 'withdrawn'; note?: string };
}

export interface ListQuery {
  status?: SubmissionStatus;
  /** Words to find in the post's text, links, author or the volunteer's note (case-insensitive). */
  search?: string;
  /** Only submissions grouped with another (the "duplicates" filter). */
  grouped?: boolean;
  /** Only submissions with a smaller id (the next page). */
  before?: number;
  limit?: number;
}

export interface AuditEntry {
  at: string;
  reviewer: string;
  action: 'verified' | 'rejected' | 'corrected' | 'withdrawn' | 'merged' | 'media' | 'login' | 'logout';
  submissionId?: number;
  detail?: string;
}

export interface Session {
  reviewer: string;
  csrf: string;
  expiresAt: string;
}

export type InsertOutcome = { id: number; created: boolean } | { conflict: true };

export interface IntakeStore {
  /**
   * Stores a submission once per (client, idempotency key). The same key again with the same content is a
   * repeat (`created` false); with other content it is a conflict, and nothing is overwritten or dropped.
   */
  insert(submission: Submission, client: string): Promise<InsertOutcome>;
  list(query?: ListQuery): Promise<StoredSubmission[]>;
  /** Counts per status, and of grouped submissions (`duplicates`). */
  countByStatus(search?: string): Promise<Record<SubmissionStatus | 'duplicates', number>>;
  /** Submissions with ids above `after`, oldest first (what a grouper has not seen yet). */
  listAfter(after: number, limit: number): Promise<StoredSubmission[]>;
  /** The highest submission id stored (0 when none). */
  maxId(): Promise<number>;
  /** Submissions up to `upTo` never placed in a group (stored before grouping existed) each become their own. */
  placeAlone(upTo: number): Promise<void>;
  /** Places a submission in a group: alone (`groupId` its own id), or joining another's (both marked grouped). */
  setGroup(id: number, groupId: number, reason?: GroupReason): Promise<void>;
  /** Of each group, how many it holds and its newest few members. */
  groupMembers(groupIds: number[], perGroup: number): Promise<Map<number, { count: number; members: StoredSubmission[] }>>;
  /**
   * A pending submission made another appearance of the published `targetId`: the target's review gains the
   * submission's addresses and fingerprints (a new publication number: the feed carries the update) and the
   * submission becomes `merged`. False if the submission is not pending or the target not published.
   */
  addAppearance(id: number, targetId: number, by: string, at: string): Promise<boolean>;
  /**
   * A medium hashed by the desk added to a pending or published submission's post (a published one gets a new
   * publication number: the feed carries the frames). False if it is neither, or already holds `maxMedia` media.
   */
  attachMedia(id: number, medium: SubmittedMedia, by: string, at: string, maxMedia: number): Promise<boolean>;
  get(id: number): Promise<StoredSubmission | undefined>;
  screenshot(id: number): Promise<string | undefined>;
  /** Notes that the console listed these submissions (the first time only counts). */
  markOpened(ids: number[], at: string): Promise<void>;
  /** A pending submission verified (published) or rejected; false if it is not pending. */
  decide(id: number, status: 'verified' | 'rejected', review: Review): Promise<boolean>;
  /** A published submission corrected (still published, new content) or withdrawn; false if not published. */
  amend(id: number, action: 'corrected' | 'withdrawn', review: Review): Promise<boolean>;
  /** What the feed publishes: verified items and withdrawn ones (tombstones), changed after `since` up to `upTo`. */
  published(since: number, upTo: number): Promise<StoredSubmission[]>;
  /** The publication counter: it grows with every change to the feed and only then. */
  publicationSeq(): Promise<number>;
  count(): Promise<number>;
  audit(query?: { submissionId?: number; limit?: number }): Promise<AuditEntry[]>;
  /** The audit entries of several submissions at once (newest first), by submission id. */
  auditOf(submissionIds: number[]): Promise<Map<number, AuditEntry[]>>;
  addReviewer(name: string, tokenHash: string): Promise<void>;
  /** Removes a reviewer and ends their sessions; false if there was none of that name. */
  removeReviewer(name: string): Promise<boolean>;
  listReviewers(): Promise<{ name: string; createdAt: string }[]>;
  reviewerByTokenHash(tokenHash: string): Promise<string | undefined>;
  createSession(idHash: string, session: Session): Promise<void>;
  /** A live session (not expired, its reviewer not removed). */
  session(idHash: string, now: string): Promise<Session | undefined>;
  endSession(idHash: string): Promise<void>;
  record(entry: AuditEntry): Promise<void>;
  meta(key: string): Promise<string | undefined>;
  setMeta(key: string, value: string): Promise<void>;
  /** The value kept under `key`, storing `value` first if there is none (concurrent callers get the same one). */
  metaOrInit(key: string, value: string): Promise<string>;
  /**
   * A reader's wrong-match report about the published `submissionId`, stored once per client and key
   * (`created` false for a repeat); its id is what a withdrawal names.
   */
  addWrongMatch(report: WrongMatchReport, client: string, submissionId: number, at: string): Promise<{ id: number; created: boolean }>;
  /** The reader took the report back (Undo): it is deleted; false if there was none. */
  withdrawWrongMatch(id: number): Promise<boolean>;
  /** The reports about each of these published submissions, newest first. */
  wrongMatchesOf(submissionIds: number[]): Promise<Map<number, StoredWrongMatch[]>>;
  close(): Promise<void>;
}

export interface StoredWrongMatch {
  id: number;
  reason: WrongMatchReport['reason'];
  postUrl: string;
  receivedAt: string;
}

/** What a statement runs on: the database, or one transaction. Placeholders are `?`. */
export interface SqlRunner {
  all<T>(sql: string, params?: unknown[]): Promise<T[]>;
  run(sql: string, params?: unknown[]): Promise<{ changes: number }>;
}

/**
 * The little a store needs from a database: run statements, and run several in one transaction.
 * SQLite and PostgreSQL each provide one (server/drivers); the schema and queries below are shared.
 */
export interface SqlDriver extends SqlRunner {
  dialect: 'sqlite' | 'postgres';
  /** The id column's definition, the one difference in the schema. */
  idColumn: string;
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const submissionsTable = (idColumn: string, name = 'submissions') => `CREATE TABLE IF NOT EXISTS ${name} (
     id ${idColumn},
     idempotency_key TEXT NOT NULL,
     client TEXT NOT NULL,
     content_hash TEXT,
     kind TEXT NOT NULL,
     category TEXT NOT NULL,
     note TEXT,
     post_json TEXT NOT NULL,
     screenshot TEXT,
     status TEXT NOT NULL DEFAULT 'pending',
     received_at TEXT NOT NULL,
     review_json TEXT,
     seq BIGINT,
     search_text TEXT,
     opened_at TEXT,
     group_id BIGINT,
     group_reason TEXT,
     grouped INTEGER NOT NULL DEFAULT 0
   )`;

const schema = (idColumn: string) => [
  submissionsTable(idColumn),
  `CREATE TABLE IF NOT EXISTS reviewers (name TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL)`,
  `INSERT INTO counters (name, value) VALUES ('publication', 0) ON CONFLICT (name) DO NOTHING`,
  `CREATE TABLE IF NOT EXISTS sessions (id_hash TEXT PRIMARY KEY, reviewer TEXT NOT NULL, csrf TEXT NOT NULL, expires_at TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS wrong_matches (id ${idColumn}, idempotency_key TEXT NOT NULL, client TEXT NOT NULL,
     submission_id BIGINT NOT NULL, reason TEXT NOT NULL, post_url TEXT NOT NULL, received_at TEXT NOT NULL, UNIQUE (client, idempotency_key))`,
  `CREATE TABLE IF NOT EXISTS audit (id ${idColumn}, at TEXT NOT NULL, reviewer TEXT NOT NULL, action TEXT NOT NULL, submission_id BIGINT, detail TEXT)`,
];
const indexes = [
  `CREATE UNIQUE INDEX IF NOT EXISTS submissions_client_key ON submissions(client, idempotency_key)`,
  `CREATE INDEX IF NOT EXISTS submissions_status ON submissions(status, id)`,
  `CREATE INDEX IF NOT EXISTS submissions_seq ON submissions(seq)`,
  `CREATE INDEX IF NOT EXISTS audit_submission ON audit(submission_id)`,
  `CREATE INDEX IF NOT EXISTS submissions_group ON submissions(group_id, id)`,
  `CREATE INDEX IF NOT EXISTS submissions_grouped ON submissions(grouped, id)`,
];

/**
 * Databases made before keys were scoped per client and changes numbered: add the new columns, number what was
 * already published (in id order, so the feed's sequence only grows), and lift the global key uniqueness.
 */
async function migrate(driver: SqlDriver): Promise<void> {
  const legacy =
    driver.dialect === 'sqlite'
      ? ((await driver.all<{ sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'submissions'"))[0]?.sql ?? '').includes(
          'idempotency_key TEXT NOT NULL UNIQUE',
        )
      : (await driver.all("SELECT 1 FROM pg_constraint WHERE conname = 'submissions_idempotency_key_key'")).length > 0;
  if (legacy) await liftGlobalKeys(driver);
  await addColumnIfMissing(driver, 'opened_at TEXT');
  await addColumnIfMissing(driver, 'group_id BIGINT');
  await addColumnIfMissing(driver, 'group_reason TEXT');
  await addColumnIfMissing(driver, 'grouped INTEGER NOT NULL DEFAULT 0');
  // What the console searches, for rows stored before it was kept.
  const unindexed = await driver.all<{ id: number | string; post_json: string; note: string | null }>(
    'SELECT id, post_json, note FROM submissions WHERE search_text IS NULL',
  );
  for (const row of unindexed)
    await driver.run('UPDATE submissions SET search_text = ? WHERE id = ?', [
      searchText(JSON.parse(row.post_json) as SubmittedPost, row.note ?? undefined),
      row.id,
    ]);
}

/** A column added after release, for databases made before it (`definition`: its name and type). */
async function addColumnIfMissing(driver: SqlDriver, definition: string): Promise<void> {
  const name = definition.split(' ')[0]!;
  if (driver.dialect === 'postgres') {
    await driver.run(`ALTER TABLE submissions ADD COLUMN IF NOT EXISTS ${definition}`);
    return;
  }
  const columns = await driver.all<{ name: string }>("SELECT name FROM pragma_table_info('submissions')");
  if (!columns.some((c) => c.name === name)) await driver.run(`ALTER TABLE submissions ADD COLUMN ${definition}`);
}

async function liftGlobalKeys(driver: SqlDriver): Promise<void> {
  await driver.transaction(async (tx) => {
    if (driver.dialect === 'postgres') {
      await tx.run('ALTER TABLE submissions DROP CONSTRAINT submissions_idempotency_key_key');
      await tx.run('ALTER TABLE submissions ADD COLUMN IF NOT EXISTS seq BIGINT');
      await tx.run('ALTER TABLE submissions ADD COLUMN IF NOT EXISTS content_hash TEXT');
      await tx.run('ALTER TABLE submissions ADD COLUMN IF NOT EXISTS search_text TEXT');
    } else {
      // SQLite cannot drop a column's UNIQUE: copy into a table without it (ids kept).
      await tx.run(submissionsTable(driver.idColumn, 'submissions_next'));
      await tx.run(`INSERT INTO submissions_next (id, idempotency_key, client, kind, category, note, post_json, screenshot, status, received_at, review_json)
        SELECT id, idempotency_key, client, kind, category, note, post_json, screenshot, status, received_at, review_json FROM submissions`);
      await tx.run('DROP TABLE submissions');
      await tx.run('ALTER TABLE submissions_next RENAME TO submissions');
    }
    await tx.run("UPDATE submissions SET seq = id WHERE status = 'verified' AND seq IS NULL");
    await tx.run(
      "UPDATE counters SET value = (SELECT coalesce(max(seq), 0) FROM submissions) WHERE name = 'publication' AND value < (SELECT coalesce(max(seq), 0) FROM submissions)",
    );
  });
}

interface Row {
  id: number | string;
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
  seq: number | string | null;
  opened_at: string | null;
  group_id: number | string | null;
  group_reason: GroupReason | null;
}

const COLUMNS =
  'id, idempotency_key, client, kind, category, note, post_json, screenshot IS NOT NULL AS has_screenshot, status, received_at, review_json, seq, opened_at, group_id, group_reason';

function fromRow(row: Row): StoredSubmission {
  return {
    id: Number(row.id),
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
    ...(row.seq !== null && { seq: Number(row.seq) }),
    ...(row.opened_at && { openedAt: row.opened_at }),
    ...(row.group_id !== null && { group: { id: Number(row.group_id), ...(row.group_reason && { reason: row.group_reason }) } }),
  };
}

/** The words the console searches: the post's text, author, addresses and the volunteer's note, lower-cased. */
export function searchText(post: SubmittedPost, note: string | undefined): string {
  return [post.text, post.author, post.permalink, ...post.links, note].filter(Boolean).join('\n').toLowerCase();
}

interface AuditRow {
  at: string;
  reviewer: string;
  action: AuditEntry['action'];
  submission_id: number | string | null;
  detail: string | null;
}
const fromAuditRow = (r: AuditRow): AuditEntry => ({
  at: r.at,
  reviewer: r.reviewer,
  action: r.action,
  ...(r.submission_id !== null && { submissionId: Number(r.submission_id) }),
  ...(r.detail !== null && { detail: r.detail }),
});

/** What a repeat must match: everything the volunteer sent but the key. */
export function contentHash(submission: Submission): string {
  const { idempotencyKey: _key, ...content } = submission;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/** `search` as a LIKE pattern that matches it literally. */
const likePattern = (search: string) => `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
/** Both sides lower-cased in JavaScript (Unicode-aware), so LIKE means the same on both databases. */
const SEARCHED = `search_text LIKE ? ESCAPE '\\'`;

/** Thrown inside a transaction to roll it back when its guarded UPDATE found nothing to change. */
class NothingChanged extends Error {}

/** A store over any SQL driver: creates the schema, then answers with the shared queries. */
export async function openSqlStore(driver: SqlDriver): Promise<IntakeStore> {
  for (const statement of schema(driver.idColumn)) await driver.run(statement);
  await migrate(driver);
  for (const statement of indexes) await driver.run(statement);

  /** Runs `change` in a transaction with the next publication number when it `publishes`; false if it changed nothing. */
  const changeInTransaction = async (
    entry: AuditEntry,
    publishes: boolean,
    change: (tx: SqlRunner, seq: number | null) => Promise<{ changes: number }>,
  ): Promise<boolean> => {
    try {
      return await driver.transaction(async (tx) => {
        const seq = publishes
          ? Number(
              (
                await tx.all<{ value: number | string }>("UPDATE counters SET value = value + 1 WHERE name = 'publication' RETURNING value")
              )[0]!.value,
            )
          : null;
        if ((await change(tx, seq)).changes !== 1) throw new NothingChanged();
        await tx.run('INSERT INTO audit (at, reviewer, action, submission_id, detail) VALUES (?, ?, ?, ?, ?)', [
          entry.at,
          entry.reviewer,
          entry.action,
          entry.submissionId ?? null,
          entry.detail ?? null,
        ]);
        return true;
      });
    } catch (error) {
      if (error instanceof NothingChanged) return false;
      throw error;
    }
  };

  return {
    async insert(submission, client) {
      const hash = contentHash(submission);
      const inserted = await driver.all<{ id: number | string }>(
        `INSERT INTO submissions (idempotency_key, client, content_hash, kind, category, note, post_json, screenshot, received_at, search_text)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (client, idempotency_key) DO NOTHING RETURNING id`,
        [
          submission.idempotencyKey,
          client,
          hash,
          submission.kind,
          submission.category,
          submission.note ?? null,
          JSON.stringify(submission.post),
          submission.screenshot ?? null,
          new Date().toISOString(),
          searchText(submission.post, submission.note),
        ],
      );
      if (inserted[0]) return { id: Number(inserted[0].id), created: true };
      const [existing] = await driver.all<{ id: number | string; content_hash: string | null }>(
        'SELECT id, content_hash FROM submissions WHERE client = ? AND idempotency_key = ?',
        [client, submission.idempotencyKey],
      );
      // Rows from before content hashes were kept are taken as the same content (they were the same client's).
      if (existing!.content_hash !== null && existing!.content_hash !== hash) return { conflict: true };
      return { id: Number(existing!.id), created: false };
    },
    async list({ status, search, grouped, before, limit = 200 } = {}) {
      const conditions: [string, unknown[]][] = [];
      if (status) conditions.push(['status = ?', [status]]);
      if (grouped) conditions.push(['grouped = 1', []]);
      if (before !== undefined) conditions.push(['id < ?', [before]]);
      if (search) conditions.push([SEARCHED, [likePattern(search)]]);
      const where = conditions.map(([sql]) => sql);
      const params = conditions.flatMap(([, p]) => p);
      const rows = await driver.all<Row>(
        `SELECT ${COLUMNS} FROM submissions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
        [...params, limit],
      );
      return rows.map(fromRow);
    },
    async countByStatus(search) {
      // One pass over the rows for both counts: a search reads every row's text once, not twice.
      const rows = await driver.all<{ status: SubmissionStatus; n: number | string; grouped: number | string | null }>(
        `SELECT status, count(*) AS n, sum(grouped) AS grouped FROM submissions ${search ? `WHERE ${SEARCHED}` : ''} GROUP BY status`,
        search ? [likePattern(search)] : [],
      );
      const counts = Object.fromEntries([...SUBMISSION_STATUSES, 'duplicates'].map((s) => [s, 0])) as Record<
        SubmissionStatus | 'duplicates',
        number
      >;
      for (const row of rows) {
        counts[row.status] = Number(row.n);
        counts.duplicates += Number(row.grouped ?? 0);
      }
      return counts;
    },
    async listAfter(after, limit) {
      const rows = await driver.all<Row>(`SELECT ${COLUMNS} FROM submissions WHERE id > ? ORDER BY id LIMIT ?`, [after, limit]);
      return rows.map(fromRow);
    },
    async maxId() {
      const [row] = await driver.all<{ n: number | string | null }>('SELECT max(id) AS n FROM submissions');
      return Number(row?.n ?? 0);
    },
    async placeAlone(upTo) {
      await driver.run('UPDATE submissions SET group_id = id WHERE group_id IS NULL AND id <= ?', [upTo]);
    },
    async setGroup(id, groupId, reason) {
      if (groupId === id) {
        await driver.run('UPDATE submissions SET group_id = ?, group_reason = NULL WHERE id = ? AND group_id IS NULL', [id, id]);
        return;
      }
      await driver.transaction(async (tx) => {
        await tx.run('UPDATE submissions SET group_id = ?, group_reason = ?, grouped = 1 WHERE id = ?', [groupId, reason ?? null, id]);
        // The group's first member (placed before the group_id column existed, it may have none yet).
        await tx.run('UPDATE submissions SET group_id = ?, grouped = 1 WHERE id = ? AND (group_id IS NULL OR group_id = ?)', [
          groupId,
          groupId,
          groupId,
        ]);
      });
    },
    async groupMembers(groupIds, perGroup) {
      const byGroup = new Map<number, { count: number; members: StoredSubmission[] }>();
      for (const groupId of new Set(groupIds)) {
        const [count] = await driver.all<{ n: number | string }>('SELECT count(*) AS n FROM submissions WHERE group_id = ?', [groupId]);
        const rows = await driver.all<Row>(`SELECT ${COLUMNS} FROM submissions WHERE group_id = ? ORDER BY id DESC LIMIT ?`, [
          groupId,
          perGroup,
        ]);
        byGroup.set(groupId, { count: Number(count!.n), members: rows.map(fromRow) });
      }
      return byGroup;
    },
    async addAppearance(id, targetId, by, at) {
      const entry: AuditEntry = { at, reviewer: by, action: 'merged', submissionId: id, detail: `#${targetId}` };
      return changeInTransaction(entry, true, async (tx, seq) => {
        const [target] = await tx.all<Row>(`SELECT ${COLUMNS} FROM submissions WHERE id = ? AND status = 'verified'`, [targetId]);
        const [source] = await tx.all<Row>(`SELECT ${COLUMNS} FROM submissions WHERE id = ? AND status = 'pending'`, [id]);
        if (!target?.review_json || !source || targetId === id) return { changes: 0 };
        const review = JSON.parse(target.review_json) as Review;
        const post = JSON.parse(source.post_json) as SubmittedPost;
        const addresses = publishableAppearances(post);
        const media = post.media.flatMap((m) => (m.frames?.length ? [{ kind: m.kind, frames: m.frames }] : []));
        const updated: Review = {
          ...review,
          appearances: [...new Set([...(review.appearances ?? []), ...addresses])],
          ...((review.media?.length || media.length) && { media: [...(review.media ?? []), ...media] }),
        };
        const moved = await tx.run(`UPDATE submissions SET review_json = ?, seq = ? WHERE id = ? AND status = 'verified'`, [
          JSON.stringify(updated),
          seq,
          targetId,
        ]);
        const merged: Review = {
          reviewer: by,
          reviewedAt: at,
          mergedInto: targetId,
          ...(review.factCheckUrl && { factCheckUrl: review.factCheckUrl }),
        };
        const changed = await tx.run(`UPDATE submissions SET status = 'merged', review_json = ? WHERE id = ? AND status = 'pending'`, [
          JSON.stringify(merged),
          id,
        ]);
        return { changes: moved.changes === 1 && changed.changes === 1 ? 1 : 0 };
      });
    },
    async attachMedia(id, medium, by, at, maxMedia) {
      const [current] = await driver.all<{ status: SubmissionStatus }>('SELECT status FROM submissions WHERE id = ?', [id]);
      const status = current?.status;
      if (status !== 'pending' && status !== 'verified') return false;
      const entry: AuditEntry = {
        at,
        reviewer: by,
        action: 'media',
        submissionId: id,
        detail: `${medium.frames?.length ?? 0} frames${medium.deskFile ? ` · ${medium.deskFile}` : ''}`,
      };
      return changeInTransaction(entry, status === 'verified', async (tx, seq) => {
        // Read again inside the transaction: two uploads at once both land.
        const [row] = await tx.all<{ post_json: string }>('SELECT post_json FROM submissions WHERE id = ? AND status = ?', [id, status]);
        if (!row) return { changes: 0 };
        const post = JSON.parse(row.post_json) as SubmittedPost;
        if (post.media.length >= maxMedia) return { changes: 0 };
        const next = JSON.stringify({ ...post, media: [...post.media, medium] });
        return seq === null
          ? tx.run('UPDATE submissions SET post_json = ? WHERE id = ? AND status = ?', [next, id, status])
          : tx.run('UPDATE submissions SET post_json = ?, seq = ? WHERE id = ? AND status = ?', [next, seq, id, status]);
      });
    },
    async get(id) {
      const [row] = await driver.all<Row>(`SELECT ${COLUMNS} FROM submissions WHERE id = ?`, [id]);
      return row && fromRow(row);
    },
    async screenshot(id) {
      const [row] = await driver.all<{ screenshot: string | null }>('SELECT screenshot FROM submissions WHERE id = ?', [id]);
      return row?.screenshot ?? undefined;
    },
    async markOpened(ids, at) {
      if (!ids.length) return;
      await driver.run(`UPDATE submissions SET opened_at = ? WHERE opened_at IS NULL AND id IN (${ids.map(() => '?').join(', ')})`, [
        at,
        ...ids,
      ]);
    },
    decide(id, status, review) {
      const entry: AuditEntry = { at: review.reviewedAt, reviewer: review.reviewer, action: status, submissionId: id };
      return changeInTransaction(entry, status === 'verified', (tx, seq) =>
        tx.run(`UPDATE submissions SET status = ?, review_json = ?, seq = ? WHERE id = ? AND status = 'pending'`, [
          status,
          JSON.stringify(review),
          seq,
          id,
        ]),
      );
    },
    amend(id, action, review) {
      const change = review.changed!;
      const entry: AuditEntry = {
        at: change.at,
        reviewer: change.by,
        action,
        submissionId: id,
        ...(change.note && { detail: change.note }),
      };
      return changeInTransaction(entry, true, (tx, seq) =>
        tx.run(`UPDATE submissions SET status = ?, review_json = ?, seq = ? WHERE id = ? AND status = 'verified'`, [
          action === 'withdrawn' ? 'withdrawn' : 'verified',
          JSON.stringify(review),
          seq,
          id,
        ]),
      );
    },
    async published(since, upTo) {
      const rows = await driver.all<Row>(
        `SELECT ${COLUMNS} FROM submissions WHERE status IN ('verified', 'withdrawn') AND seq > ? AND seq <= ? ORDER BY seq`,
        [since, upTo],
      );
      return rows.map(fromRow);
    },
    async publicationSeq() {
      const [row] = await driver.all<{ value: number | string }>("SELECT value FROM counters WHERE name = 'publication'");
      return Number(row!.value);
    },
    async count() {
      const [row] = await driver.all<{ n: number | string }>('SELECT count(*) AS n FROM submissions');
      return Number(row!.n);
    },
    async audit({ submissionId, limit = 100 } = {}) {
      const rows = await driver.all<AuditRow>(
        `SELECT at, reviewer, action, submission_id, detail FROM audit ${submissionId !== undefined ? 'WHERE submission_id = ?' : ''} ORDER BY id DESC LIMIT ?`,
        submissionId !== undefined ? [submissionId, limit] : [limit],
      );
      return rows.map(fromAuditRow);
    },
    async auditOf(ids) {
      const byId = new Map<number, AuditEntry[]>();
      if (!ids.length) return byId;
      const rows = await driver.all<AuditRow>(
        `SELECT at, reviewer, action, submission_id, detail FROM audit WHERE submission_id IN (${ids.map(() => '?').join(', ')}) ORDER BY id DESC`,
        ids,
      );
      for (const entry of rows.map(fromAuditRow)) byId.set(entry.submissionId!, [...(byId.get(entry.submissionId!) ?? []), entry]);
      return byId;
    },
    async addReviewer(name, tokenHash) {
      await driver.run('INSERT INTO reviewers (name, token_hash, created_at) VALUES (?, ?, ?)', [
        name,
        tokenHash,
        new Date().toISOString(),
      ]);
    },
    async removeReviewer(name) {
      return driver.transaction(async (tx) => {
        await tx.run('DELETE FROM sessions WHERE reviewer = ?', [name]);
        return (await tx.run('DELETE FROM reviewers WHERE name = ?', [name])).changes > 0;
      });
    },
    async listReviewers() {
      const rows = await driver.all<{ name: string; created_at: string }>('SELECT name, created_at FROM reviewers ORDER BY name');
      return rows.map((r) => ({ name: r.name, createdAt: r.created_at }));
    },
    async reviewerByTokenHash(tokenHash) {
      const [row] = await driver.all<{ name: string }>('SELECT name FROM reviewers WHERE token_hash = ?', [tokenHash]);
      return row?.name;
    },
    async createSession(idHash, { reviewer, csrf, expiresAt }) {
      await driver.run('DELETE FROM sessions WHERE expires_at < ?', [new Date().toISOString()]);
      await driver.run('INSERT INTO sessions (id_hash, reviewer, csrf, expires_at) VALUES (?, ?, ?, ?)', [
        idHash,
        reviewer,
        csrf,
        expiresAt,
      ]);
    },
    async session(idHash, now) {
      const [row] = await driver.all<{ reviewer: string; csrf: string; expires_at: string }>(
        `SELECT s.reviewer, s.csrf, s.expires_at FROM sessions s WHERE s.id_hash = ? AND s.expires_at > ?
           AND EXISTS (SELECT 1 FROM reviewers r WHERE r.name = s.reviewer)`,
        [idHash, now],
      );
      return row && { reviewer: row.reviewer, csrf: row.csrf, expiresAt: row.expires_at };
    },
    async endSession(idHash) {
      await driver.run('DELETE FROM sessions WHERE id_hash = ?', [idHash]);
    },
    async record(entry) {
      await driver.run('INSERT INTO audit (at, reviewer, action, submission_id, detail) VALUES (?, ?, ?, ?, ?)', [
        entry.at,
        entry.reviewer,
        entry.action,
        entry.submissionId ?? null,
        entry.detail ?? null,
      ]);
    },
    async meta(key) {
      const [row] = await driver.all<{ value: string }>('SELECT value FROM meta WHERE key = ?', [key]);
      return row?.value;
    },
    async setMeta(key, value) {
      await driver.run('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
    },
    async metaOrInit(key, value) {
      await driver.run('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', [key, value]);
      const [row] = await driver.all<{ value: string }>('SELECT value FROM meta WHERE key = ?', [key]);
      return row!.value;
    },
    async addWrongMatch(report, client, submissionId, at) {
      const inserted = await driver.run(
        `INSERT INTO wrong_matches (idempotency_key, client, submission_id, reason, post_url, received_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (client, idempotency_key) DO NOTHING`,
        [report.idempotencyKey, client, submissionId, report.reason, report.postUrl, at],
      );
      const [row] = await driver.all<{ id: number | string }>('SELECT id FROM wrong_matches WHERE client = ? AND idempotency_key = ?', [
        client,
        report.idempotencyKey,
      ]);
      return { id: Number(row!.id), created: inserted.changes > 0 };
    },
    async withdrawWrongMatch(id) {
      return (await driver.run('DELETE FROM wrong_matches WHERE id = ?', [id])).changes > 0;
    },
    async wrongMatchesOf(ids) {
      const found = new Map<number, StoredWrongMatch[]>();
      if (!ids.length) return found;
      const rows = await driver.all<{
        id: number | string;
        submission_id: number | string;
        reason: string;
        post_url: string;
        received_at: string;
      }>(
        `SELECT id, submission_id, reason, post_url, received_at FROM wrong_matches WHERE submission_id IN (${ids.map(() => '?').join(', ')})
           ORDER BY id DESC`,
        ids,
      );
      for (const r of rows) {
        const list = found.get(Number(r.submission_id)) ?? [];
        list.push({ id: Number(r.id), reason: r.reason as StoredWrongMatch['reason'], postUrl: r.post_url, receivedAt: r.received_at });
        found.set(Number(r.submission_id), list);
      }
      return found;
    },
    close: () => driver.close(),
  };
}
