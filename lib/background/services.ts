/**
 * The background's services, composed in one place. Every dependency is required: what differs between the
 * browser and the tests (fetch, the bundled file, alarms, the toolbar icon) comes in as `BackgroundEnv`.
 */
import type { BackgroundHandlers } from '../messaging/channel';
import type { SanadDb } from '../store/db';
import type { SubmissionDraft } from '../wire/shapes';
import { FeedService } from './feed-service';
import { createHandlers } from './handlers';
import { ListRegistry } from './list-registry';
import { MatcherService } from './matcher-service';
import { OutboxService } from './outbox-service';
import type { PosterHasher } from './poster-frames';
import { TabResultsStore } from './tab-results';

export interface BackgroundEnv {
  openDb: () => Promise<SanadDb>;
  fetch: typeof fetch;
  /** The bundled list's body (from the extension package). */
  readBundledList: () => Promise<string>;
  posters: Pick<PosterHasher, 'framesFor'>;
  drafts: { take(id: string): Promise<SubmissionDraft | undefined> };
  /** The user's settings that services read when they run. */
  intakeUrl: () => Promise<string>;
  staleAfterMs: () => Promise<number>;
  /** A random id of this installation (the intake service rate-limits by it). */
  clientId: () => Promise<string>;
  /** Wakes the worker at `when` to retry the outbox; null clears the alarm. */
  scheduleOutboxWake: (when: number | null) => void;
  showCount: (tabId: number, count: number) => void;
  refreshTab: (tabId: number) => void;
}

export interface BackgroundServices {
  lists: ListRegistry;
  matcher: MatcherService;
  tabs: TabResultsStore;
  feeds: FeedService;
  outbox: OutboxService;
  handlers: BackgroundHandlers;
}

export function composeServices(env: BackgroundEnv): BackgroundServices {
  const { openDb } = env;
  const lists = new ListRegistry({ openDb, readBundledList: env.readBundledList });
  const matcher = new MatcherService({ openDb, index: () => lists.current(), posters: env.posters });
  const tabs = new TabResultsStore();
  const feeds = new FeedService({ openDb, lists, fetch: env.fetch, staleAfterMs: env.staleAfterMs });
  const outbox = new OutboxService({
    openDb,
    fetch: env.fetch,
    intakeUrl: env.intakeUrl,
    clientId: env.clientId,
    scheduleWake: env.scheduleOutboxWake,
  });
  const handlers = createHandlers({
    openDb,
    lists,
    matcher,
    tabs,
    feeds,
    outbox,
    drafts: env.drafts,
    showCount: env.showCount,
    refreshTab: env.refreshTab,
  });
  return { lists, matcher, tabs, feeds, outbox, handlers };
}
