/**
 * The outbox: submissions for the desk's intake service, kept in IndexedDB until the service has them.
 * Each item carries its idempotency key, so resending after a timeout, a crash or a restart never makes a
 * duplicate. Retries ride on an alarm (which outlives the service worker); the user can retry or cancel.
 * Wrong-match reports a reader asked to tell a desk about go the same way, to that desk's own service (the one
 * its feed names), and so do their withdrawals after an "Undo".
 */
import { outcomeOf, retryDelayMs } from '../intake/delivery';
import { reportOutcomeOf, withdrawOutcomeOf } from '../intake/wrong-match-delivery';
import { isFinalStage, readVolunteerStatus, STATUS_CHECKS_PER_PASS, statusCheckDelayMs, type VolunteerStatus } from '../intake/desk-status';
import { SerialQueue } from '../scheduling/serial';
import { readCappedJson } from '../untrusted/capped-body';
import type { DeskReportRecord, OutboxRecord, SanadDb } from '../store/db';
import type { DeskReportDto, OutboxDraft } from '../wire/shapes';

export const OUTBOX_ALARM = 'sanad-outbox';
const SEND_TIMEOUT_MS = 20_000;
/** The service's answers (a receipt, a status) are a few hundred bytes; anything far larger is not the service. */
export const INTAKE_ANSWER_BYTES = 64 * 1024;
/** Delivered items listed for the user: at most this many, for at most this long. */
const KEEP_DELIVERED = 200;
const KEEP_DELIVERED_MS = 30 * 24 * 3_600_000;
/** Opening the outbox asks again about an item only if it was last asked longer ago than this. */
const REFRESH_AFTER_MS = 10_000;

/** A delivered item as kept: without its screenshot (the desk has it) or an old error. */
function delivered(item: OutboxRecord): OutboxRecord {
  const { screenshot: _screenshot, ...submission } = item.submission;
  return { ...item, submission, state: 'sent', lastError: undefined };
}

/** A delivered item the desk has not decided on yet, that can be asked about. */
const awaitsDecision = (item: OutboxRecord) =>
  item.state === 'sent' && item.remoteId !== undefined && !!item.statusSecret && item.nextStatusCheckAt !== undefined;

export interface OutboxDeps {
  openDb: () => Promise<SanadDb>;
  fetch: typeof fetch;
  /** The intake service's base URL, or '' when none is set. */
  intakeUrl: () => Promise<string>;
  /** A random id of this installation, so the service can rate-limit per client without knowing who. */
  clientId: () => Promise<string>;
  /** Wakes the worker at `when` (ms since epoch) to retry; null clears the alarm. */
  scheduleWake: (when: number | null) => void;
  now?: () => number;
}

export type { OutboxDraft };

export class OutboxService {
  /** Items this worker is sending now; a stored 'sending' item not in here was cut off by a stop. */
  private readonly inFlight = new Set<string>();
  private readonly queue = new SerialQueue();
  private readonly now: () => number;
  /** The user opened the outbox since the last status checks. */
  private refreshAsked = false;

  constructor(private readonly deps: OutboxDeps) {
    this.now = deps.now ?? Date.now;
  }

  async enqueue(draft: OutboxDraft): Promise<OutboxRecord> {
    const id = crypto.randomUUID();
    const record: OutboxRecord = {
      id,
      submission: { ...draft, idempotencyKey: id },
      state: 'queued',
      attempts: 0,
      createdAt: this.now(),
      nextAttemptAt: this.now(),
    };
    await (await this.deps.openDb()).put('outbox', record);
    void this.deliverDue();
    return record;
  }

  async list(): Promise<OutboxRecord[]> {
    const all = await (await this.deps.openDb()).getAll('outbox');
    return all.sort((a, b) => b.createdAt - a.createdAt);
  }

  async retry(id: string): Promise<void> {
    const db = await this.deps.openDb();
    const item = await db.get('outbox', id);
    if (!item || item.state === 'sent' || this.inFlight.has(id)) return;
    await db.put('outbox', { ...item, state: 'queued', nextAttemptAt: this.now() });
    await this.deliverDue();
  }

  /** The user looks at the outbox: undecided items not asked about just now are due in the next pass. */
  refreshDeskStatus(): Promise<void> {
    this.refreshAsked = true;
    return this.deliverDue();
  }

  /** Drops an item that has not been delivered (a delivered one is the desk's now). */
  async cancel(id: string): Promise<boolean> {
    const db = await this.deps.openDb();
    const item = await db.get('outbox', id);
    if (!item || item.state === 'sent' || this.inFlight.has(id)) return false;
    await db.delete('outbox', id);
    await this.scheduleNext();
    return true;
  }

  /**
   * Sends every due item, one at a time. A call during a pass gets one more pass after it (it may have
   * added an item the running pass has already looked past); calls while that one waits join it.
   */
  deliverDue(): Promise<void> {
    return this.queue.runLatest('deliver', () => this.deliverPass());
  }

  private async deliverPass(): Promise<void> {
    const db = await this.deps.openDb();
    const base = await this.deps.intakeUrl();
    await this.prune();
    for (const { id } of await db.getAll('outbox')) {
      // Read again just before sending: the user may have cancelled it while an earlier one was going out.
      const item = await db.get('outbox', id);
      if (!item) continue;
      const interrupted = item.state === 'sending' && !this.inFlight.has(item.id);
      const due = (item.state === 'queued' || item.state === 'retrying') && item.nextAttemptAt <= this.now();
      if (!interrupted && !due) continue;
      if (!base) {
        await db.put('outbox', { ...item, state: 'queued', lastError: 'no intake service set (options → Submissions)' });
        continue;
      }
      await this.send(item, base);
    }
    if (base) await this.checkStatuses(base);
    await this.deliverDeskReports();
    await this.scheduleNext();
  }

  /** Queues a wrong-match report for its desk (the reader ticked "Also tell <desk>"). */
  async enqueueReport(
    input: Pick<DeskReportDto, 'wrongMatchId' | 'endpoint' | 'desk'> & { report: Omit<DeskReportDto['report'], 'idempotencyKey'> },
  ) {
    const id = crypto.randomUUID();
    const record: DeskReportRecord = {
      id,
      wrongMatchId: input.wrongMatchId,
      endpoint: input.endpoint,
      desk: input.desk,
      report: { ...input.report, idempotencyKey: id },
      step: 'report',
      state: 'queued',
      attempts: 0,
      createdAt: this.now(),
      nextAttemptAt: this.now(),
    };
    await (await this.deps.openDb()).put('deskReports', record);
    void this.deliverDue();
    return record;
  }

  /** Reports still being told to their desks, or told: the newest first. */
  async deskReports(): Promise<DeskReportRecord[]> {
    const all = await (await this.deps.openDb()).getAll('deskReports');
    return all.sort((a, b) => b.createdAt - a.createdAt);
  }

  /**
   * The reader's "Undo": a report the desk does not have yet is dropped; one it has is taken back with its
   * secret (queued like any delivery). One being sent right now is marked, and settled when that attempt ends.
   */
  async withdrawReport(wrongMatchId: string): Promise<void> {
    const db = await this.deps.openDb();
    const reports = (await db.getAll('deskReports')).filter((r) => r.wrongMatchId === wrongMatchId && r.step === 'report');
    for (const report of reports) {
      if (this.inFlight.has(report.id)) await db.put('deskReports', { ...report, undone: true });
      else if (report.remoteId === undefined) await db.delete('deskReports', report.id);
      else await db.put('deskReports', this.toWithdraw(report));
    }
    // Not awaited: a pass may be waiting on a slow desk, and the reader's "Undo" must not wait with it.
    if (reports.length) void this.deliverDue();
  }

  private toWithdraw(report: DeskReportRecord): DeskReportRecord {
    const { undone: _undone, lastError: _error, ...rest } = report;
    return { ...rest, step: 'withdraw', state: 'queued', attempts: 0, nextAttemptAt: this.now() };
  }

  private async deliverDeskReports(): Promise<void> {
    const db = await this.deps.openDb();
    for (const { id } of await db.getAll('deskReports')) {
      const item = await db.get('deskReports', id); // read again: an "Undo" may have changed it meanwhile
      if (!item) continue;
      const interrupted = item.state === 'sending' && !this.inFlight.has(item.id);
      const due = (item.state === 'queued' || item.state === 'retrying') && item.nextAttemptAt <= this.now();
      if (interrupted || due) await this.sendDeskReport(item);
    }
  }

  private async sendDeskReport(item: DeskReportRecord): Promise<void> {
    const db = await this.deps.openDb();
    this.inFlight.add(item.id);
    const attempt: DeskReportRecord = { ...item, state: 'sending', attempts: item.attempts + 1 };
    await db.put('deskReports', attempt);
    const retry = (reason: string, retryAfterMs?: number): DeskReportRecord => ({
      ...attempt,
      state: 'retrying',
      lastError: reason,
      nextAttemptAt: this.now() + retryDelayMs(attempt.attempts, retryAfterMs),
    });
    let next: DeskReportRecord | null;
    try {
      if (item.step === 'report') {
        const response = await this.deps.fetch(item.endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-sanad-client': await this.deps.clientId() },
          body: JSON.stringify(item.report),
          credentials: 'omit',
          signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
        });
        const outcome = reportOutcomeOf(
          response.status,
          await readCappedJson(response, INTAKE_ANSWER_BYTES),
          response.headers.get('retry-after'),
        );
        next =
          outcome.kind === 'sent'
            ? {
                ...attempt,
                state: 'sent',
                sentAt: this.now(),
                remoteId: outcome.remoteId,
                withdrawSecret: outcome.withdrawSecret,
                lastError: undefined,
              }
            : outcome.kind === 'rejected'
              ? { ...attempt, state: 'rejected', lastError: outcome.reason }
              : retry(outcome.reason, outcome.retryAfterMs);
      } else {
        const response = await this.deps.fetch(`${item.endpoint}/${item.remoteId!}`, {
          method: 'DELETE',
          headers: { 'x-sanad-status-secret': item.withdrawSecret ?? '', 'x-sanad-client': await this.deps.clientId() },
          credentials: 'omit',
          signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
        });
        const body: unknown = response.status === 204 ? {} : await readCappedJson(response, INTAKE_ANSWER_BYTES).catch(() => ({}));
        const outcome = withdrawOutcomeOf(response.status, body, response.headers.get('retry-after'));
        // Taken back: nothing of it is kept. A refusal is kept with the desk's reason.
        next =
          outcome.kind === 'done'
            ? null
            : outcome.kind === 'rejected'
              ? { ...attempt, state: 'rejected', lastError: outcome.reason }
              : retry(outcome.reason, outcome.retryAfterMs);
      }
    } catch (error) {
      next = retry(
        error instanceof Error && error.name === 'TimeoutError'
          ? 'the desk did not answer in time'
          : `the desk could not be reached (${error instanceof Error ? error.message : String(error)})`,
      );
    } finally {
      this.inFlight.delete(item.id);
    }
    // An "Undo" during the attempt: a report the desk now has is taken back next; one it does not is dropped.
    const current = await db.get('deskReports', item.id);
    if (!current) return;
    if (current.undone && next) next = next.remoteId !== undefined && next.state === 'sent' ? this.toWithdraw(next) : null;
    if (next) await db.put('deskReports', next);
    else await db.delete('deskReports', item.id);
    if (next?.step === 'withdraw' && next.state === 'queued' && item.step === 'report') await this.sendDeskReport(next);
  }

  /** Delivered items whose status check is due, the most overdue first, a bounded number per pass. */
  private async checkStatuses(base: string): Promise<void> {
    const db = await this.deps.openDb();
    const refresh = this.refreshAsked;
    this.refreshAsked = false;
    const dueAt = (i: OutboxRecord) =>
      refresh && this.now() - (i.statusCheckedAt ?? 0) >= REFRESH_AFTER_MS
        ? Math.min(i.nextStatusCheckAt!, this.now())
        : i.nextStatusCheckAt!;
    const due = (await db.getAll('outbox'))
      .filter((i) => awaitsDecision(i) && dueAt(i) <= this.now())
      .sort((a, b) => dueAt(a) - dueAt(b))
      .slice(0, STATUS_CHECKS_PER_PASS);
    for (const item of due) {
      const checks = (item.statusChecks ?? 0) + 1;
      let status: VolunteerStatus | undefined;
      try {
        const response = await this.deps.fetch(`${base}/v1/submissions/${item.remoteId!}/status`, {
          headers: { 'x-sanad-status-secret': item.statusSecret! },
          credentials: 'omit',
          signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
        });
        status = response.ok ? readVolunteerStatus(await readCappedJson(response, INTAKE_ANSWER_BYTES)) : undefined;
      } catch {
        status = undefined; // unreachable for now: asked again later, like any unclear answer
      }
      // Read again: the item may have been pruned meanwhile.
      const current = await db.get('outbox', item.id);
      if (!current) continue;
      const deskStatus = status ?? current.deskStatus;
      const final = !!status && isFinalStage(status.stage);
      const { nextStatusCheckAt: _next, ...rest } = current;
      await db.put('outbox', {
        ...rest,
        statusChecks: checks,
        statusCheckedAt: this.now(),
        ...(deskStatus && { deskStatus }),
        ...(!final && { nextStatusCheckAt: this.now() + statusCheckDelayMs(checks) }),
      });
    }
  }

  private async send(item: OutboxRecord, base: string): Promise<void> {
    const db = await this.deps.openDb();
    this.inFlight.add(item.id);
    const attempt: OutboxRecord = { ...item, state: 'sending', attempts: item.attempts + 1 };
    await db.put('outbox', attempt);
    let next: OutboxRecord;
    try {
      const response = await this.deps.fetch(`${base}/v1/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sanad-client': await this.deps.clientId() },
        body: JSON.stringify(item.submission),
        credentials: 'omit',
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
      const body: unknown = await readCappedJson(response, INTAKE_ANSWER_BYTES);
      const outcome = outcomeOf(response.status, body, response.headers.get('retry-after'));
      if (outcome.kind === 'sent')
        next = {
          ...delivered(attempt),
          sentAt: this.now(),
          ...(outcome.remoteId !== undefined && { remoteId: outcome.remoteId }),
          // With a secret the desk can be asked what became of it: the first check comes after a first delay.
          ...(outcome.remoteId !== undefined &&
            outcome.statusSecret && {
              statusSecret: outcome.statusSecret,
              statusChecks: 0,
              nextStatusCheckAt: this.now() + statusCheckDelayMs(0),
            }),
        };
      else if (outcome.kind === 'rejected') next = { ...attempt, state: 'rejected', lastError: outcome.reason };
      else
        next = {
          ...attempt,
          state: 'retrying',
          lastError: outcome.reason,
          nextAttemptAt: this.now() + retryDelayMs(attempt.attempts, outcome.retryAfterMs),
        };
    } catch (error) {
      const reason =
        error instanceof Error && error.name === 'TimeoutError'
          ? 'the service did not answer in time'
          : `the service could not be reached (${error instanceof Error ? error.message : String(error)})`;
      next = { ...attempt, state: 'retrying', lastError: reason, nextAttemptAt: this.now() + retryDelayMs(attempt.attempts) };
    } finally {
      this.inFlight.delete(item.id);
    }
    await db.put('outbox', next);
  }

  /**
   * Delivered items are the desk's now: kept a while for the user to see what became of them, then gone
   * (their screenshots already went at delivery). Undelivered items are never pruned.
   */
  private async prune(): Promise<void> {
    const db = await this.deps.openDb();
    const sent = (await db.getAll('outbox')).filter((i) => i.state === 'sent').sort((a, b) => (b.sentAt ?? 0) - (a.sentAt ?? 0));
    const expired = sent.filter((item, rank) => rank >= KEEP_DELIVERED || this.now() - (item.sentAt ?? 0) > KEEP_DELIVERED_MS);
    for (const item of expired) await db.delete('outbox', item.id);
  }

  private async scheduleNext(): Promise<void> {
    const db = await this.deps.openDb();
    const items = await db.getAll('outbox');
    const waiting = (i: { state: string }) => i.state === 'retrying' || i.state === 'queued';
    const wakes = [
      ...items.filter(waiting).map((i) => i.nextAttemptAt),
      ...(await db.getAll('deskReports')).filter(waiting).map((i) => i.nextAttemptAt),
      ...items.filter(awaitsDecision).map((i) => i.nextStatusCheckAt!),
    ];
    this.deps.scheduleWake(wakes.length ? Math.max(this.now() + 1_000, Math.min(...wakes)) : null);
  }
}
