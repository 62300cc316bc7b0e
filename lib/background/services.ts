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
import { SettingsService } from './settings-service';
import { SiteRulesService, type SiteRulesSource } from './site-rules-service';
import { TabResultsStore } from './tab-results';
import type { Settings } from '../settings/settings';
import type { SiteId } from '../sites/platforms';

export interface BackgroundEnv {
  openDb: () => Promise<SanadDb>;
  fetch: typeof fetch;
  /** The bundled list's body (from the extension package). */
  readBundledList: () => Promise<string>;
  /** Hashes posters and photos: for footage matching, and for the media of a submitted post. */
  posters: Pick<PosterHasher, 'framesFor' | 'withFrames' | 'credentialsFor'>;
  drafts: { take(id: string): Promise<SubmissionDraft | undefined>; put(draft: SubmissionDraft): Promise<string> };
  /** After settings are saved (menus, the sync alarm and the outbox follow them). */
  settingsChanged?: (next: Settings, previous: Settings) => void;
  /** A random id of this installation (the intake service rate-limits by it). */
  clientId: () => Promise<string>;
  /** Wakes the worker at `when` to retry the outbox; null clears the alarm. */
  scheduleOutboxWake: (when: number | null) => void;
  showCount: (tabId: number, count: number, checked: number) => void;
  tabCredentialsLearned?: (tabId: number) => void;
  refreshTab: (tabId: number) => void;
  /** Opens an extension page in a new tab, next to `besideTab` when given. */
  openTab: (path: string, besideTab?: number) => Promise<void>;
  /** The signed site rules pack's address and key, pinned in the build (null: updates are not set up). */
  siteRulesSource: SiteRulesSource | null;
  /** Tells every open tab of these sites that their rules changed (a newly accepted signed pack). */
  siteRulesChanged?: (sites: SiteId[]) => void;
}

export interface BackgroundServices {
  lists: ListRegistry;
  matcher: MatcherService;
  tabs: TabResultsStore;
  feeds: FeedService;
  outbox: OutboxService;
  settings: SettingsService;
  siteRules: SiteRulesService;
  handlers: BackgroundHandlers;
}

export function composeServices(env: BackgroundEnv): BackgroundServices {
  const { openDb } = env;
  const settings = new SettingsService({ openDb, onChange: env.settingsChanged });
  const staleAfterMs = async () => (await settings.load()).feedStaleDays * 24 * 3_600_000;
  const lists = new ListRegistry({ openDb, readBundledList: env.readBundledList });
  const matcher = new MatcherService({ openDb, index: () => lists.current(), posters: env.posters });
  const tabs = new TabResultsStore();
  const feeds = new FeedService({ openDb, lists, fetch: env.fetch, staleAfterMs });
  const outbox = new OutboxService({
    openDb,
    fetch: env.fetch,
    intakeUrl: async () => (await settings.load()).intakeUrl,
    clientId: env.clientId,
    scheduleWake: env.scheduleOutboxWake,
  });
  const siteRules = new SiteRulesService({
    openDb,
    fetch: env.fetch,
    now: () => Date.now(),
    source: env.siteRulesSource,
    ...(env.siteRulesChanged && { rulesChanged: env.siteRulesChanged }),
  });
  const handlers = createHandlers({
    openDb,
    lists,
    matcher,
    tabs,
    feeds,
    outbox,
    settings,
    siteRules,
    drafts: env.drafts,
    posters: env.posters,
    showCount: env.showCount,
    tabCredentialsLearned: env.tabCredentialsLearned,
    refreshTab: env.refreshTab,
    openTab: env.openTab,
  });
  return { lists, matcher, tabs, feeds, outbox, settings, siteRules, handlers };
}
