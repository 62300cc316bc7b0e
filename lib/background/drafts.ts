/**
 * Submission drafts between a context-menu click and the submit page, in storage.session: they survive the
 * service worker stopping while the user writes, and vanish with the browser session. Each is taken once
 * (its screenshot can be large, and storage.session is small and shared with matching): kept a day at most.
 */
import { browser } from 'wxt/browser';
import type { SubmissionDraft } from '../wire/shapes';

const PREFIX = 'draft:';
const MAX_AGE_MS = 24 * 60 * 60_000;

export class DraftStore {
  async put(draft: SubmissionDraft): Promise<string> {
    const id = crypto.randomUUID();
    const stored = (await browser.storage.session.get(null)) as Record<string, { at?: number }>;
    const old = Object.keys(stored).filter((k) => k.startsWith(PREFIX) && Date.now() - (stored[k]?.at ?? 0) > MAX_AGE_MS);
    if (old.length) await browser.storage.session.remove(old);
    await browser.storage.session.set({ [`${PREFIX}${id}`]: { at: Date.now(), draft } });
    return id;
  }

  async take(id: string): Promise<SubmissionDraft | undefined> {
    const key = `${PREFIX}${id}`;
    const entry = (await browser.storage.session.get(key))[key] as { draft?: SubmissionDraft } | undefined;
    await browser.storage.session.remove(key);
    return entry?.draft;
  }
}
