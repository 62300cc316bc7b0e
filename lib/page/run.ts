/** Wires a site adapter to the background on a real page: the body of every site's content script. */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { applyLanguageSetting, pageLocale } from '../i18n/load';
import { sendMessage, serveTabMessages } from '../messaging/channel';
import { unpackPageResults } from '../wire/packed-results';
import type { PostAtMenu } from '../wire/shapes';
import { loadPageSettings, watchPageSettings } from '../settings/settings';
import type { SiteAdapter } from '../sites/types';
import { checkSiteRules } from '../site-rules/check';
import { useRules } from '../site-rules/active';
import { extensionLifetime, watchLocation } from './lifetime';
import { samplePage } from './page-sample';
import { ReadabilityWatch } from './readability';
import { KeyframeSampler } from './keyframe-sampler';
import { PostScanner } from './scanner';
import { readHttpUrl } from '../untrusted/read';
import { summariseStructure } from './structure-summary';

/**
 * The site's rules from the background (a signed pack's when newer than the bundled ones), checked again here
 * where the page's own parser judges the selectors; on any doubt the bundled rules stay.
 */
async function loadSiteRules(adapter: SiteAdapter): Promise<void> {
  const rules = await sendMessage('siteRules', { site: adapter.id }).catch(() => null);
  const checked = rules && checkSiteRules(rules);
  if (!checked) return;
  if (!checked.ok) console.warn('Sanad: site rules refused:', checked.reason);
  else if (checked.rules.site === adapter.id) useRules([checked.rules]);
}

/** How often the page is sampled for "is the adapter reading anything?" until it is. */
const READABILITY_SAMPLE_MS = 2000;

export async function runOnPage(ctx: ContentScriptContext, adapter: SiteAdapter): Promise<void> {
  const life = extensionLifetime(ctx);
  let scanner: PostScanner | null = null;
  let scannerStop: AbortController | null = null;
  const readability = readabilityReporter(adapter);
  const loadLocale = (locale: 'ar' | 'en') => sendMessage('localeMessages', { locale });
  // The video or image the media tools read keyframes from: the last right-clicked element, or the post's
  // video when "Media tools" is chosen in a badge's panel.
  let toolsTarget: Element | null = null;

  const start = () => {
    if (scanner || life.ended()) return;
    scannerStop = new AbortController();
    life.onEnd(() => scannerStop?.abort());
    scanner = new PostScanner({
      adapter,
      signal: scannerStop.signal,
      match: async (posts) => unpackPageResults(await sendMessage('matchPosts', { pageUrl: location.href, posts })),
      wrongMatch: {
        report: (postKey, debunkId, { reason, tellDesk }) =>
          sendMessage('reportWrongMatchInPage', { postKey, debunkId, reason, ...(tellDesk && { tellDesk }) }),
        undo: (postKey, debunkId) => sendMessage('undoWrongMatchInPage', { postKey, debunkId }),
      },
      mediaTools: {
        offered: () => sendMessage('mediaToolsOffered', {}).then((r) => r.offered === true),
        open: async (element, post) => {
          // A video first (keyframes), else the first image.
          const media = post.media.find((m) => m.kind === 'video') ?? post.media[0]!;
          const video = media.kind === 'video' ? element.querySelector('video') : null;
          toolsTarget = video ?? element;
          // The file the page plays when it has an address (as the context menu gives), else the post's media link.
          const src = readHttpUrl(video?.currentSrc || video?.src) ?? media.url;
          await sendMessage('openMediaTools', { kind: media.kind, ...(src && { src }), pageUrl: location.href });
        },
      },
      // Video frames are sampled only when some debunk carries media fingerprints.
      ...(mediaEnabled && { matchVideoFrame: (post, frame) => sendMessage('videoFrame', { pageUrl: location.href, post, frame }) }),
      onError: (error) => {
        // After an extension reload the old script's messages fail: that is the end of it, not an error.
        if (!life.ended()) console.warn('Sanad:', error);
      },
    });
    void sendMessage('pageChanged', { pageUrl: location.href })
      .catch(() => {})
      .finally(() => {
        scanner?.start();
        readability.start(scannerStop!.signal);
      });
  };
  const stop = () => {
    scannerStop?.abort();
    scanner = null;
    void sendMessage('pageChanged', { pageUrl: location.href }).catch(() => {});
  };

  await applyLanguageSetting(loadLocale, pageLocale(document)).catch(() => {});
  await loadSiteRules(adapter);
  const mediaEnabled = await sendMessage('mediaStatus', {}).then(
    (s) => s.fingerprints > 0,
    () => false,
  );
  if ((await loadPageSettings()).sites[adapter.id]) start();

  life.onEnd(
    watchPageSettings(async (settings) => {
      await applyLanguageSetting(loadLocale, pageLocale(document)).catch(() => {});
      if (!settings.sites[adapter.id]) return stop();
      if (scanner)
        scanner.reset(); // redraws badges in the chosen language
      else start();
    }),
  );
  // The post under the last right-click, for "Submit this claim for checking".
  let menuTarget: Element | null = null;
  document.addEventListener('contextmenu', (event) => (toolsTarget = menuTarget = event.target instanceof Element ? event.target : null), {
    capture: true,
    signal: life.signal,
  });

  const keyframes = new KeyframeSampler(life.signal);
  life.onEnd(
    serveTabMessages({
      keyframes: () => keyframes.report(toolsTarget),
      // The background asks for a fresh look after a wrong-match report.
      refresh: () => scanner?.reset(),
      postAtMenu: () => postAt(adapter, menuTarget),
      readPosts: () => scanner?.readPosts() ?? [],
      structureSummary: () => summariseStructure(document.documentElement, new URL(location.href)),
      // A new signed rules pack for this site: read the page again with it, no reload needed.
      siteRulesChanged: async ({ sites }) => {
        if (!Array.isArray(sites) || !sites.includes(adapter.id)) return;
        await loadSiteRules(adapter);
        if (!scanner) return;
        scanner.reset();
        readability.restart();
      },
    }),
  );
  // Single-page apps change the URL without a reload: results belong to the page, so start over.
  watchLocation(life.signal, (newUrl) => {
    if (!scanner) return;
    void sendMessage('pageChanged', { pageUrl: newUrl.href }).catch(() => {});
    scanner.reset();
    readability.restart();
  });
}

/** The post around `target`, read by the adapter, with its box on screen. */
export function postAt(adapter: SiteAdapter, target: Element | null): PostAtMenu | null {
  const posts = adapter.postSelectors.join(',');
  let element = target?.closest(posts) ?? null;
  // The outermost post: a quoted or shared one is read as part of the post around it.
  for (let outer = element?.parentElement?.closest(posts); outer; outer = outer.parentElement?.closest(posts)) element = outer;
  const post = element && adapter.extract(element, new URL(location.href));
  if (!element || !post) return null;
  const box = element.getBoundingClientRect();
  return { post, rect: { x: box.x, y: box.y, width: box.width, height: box.height }, devicePixelRatio: window.devicePixelRatio };
}

/**
 * Tells the background, in counts only, when a page with content yields no post (and when it reads again).
 * It samples until the page is readable, and reports each change once.
 */
function readabilityReporter(adapter: SiteAdapter) {
  const watch = new ReadabilityWatch();
  let reported: 'readable' | 'unreadable' | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  const sample = () => {
    const counts = samplePage(adapter, new URL(location.href), performance.now());
    const state = watch.observe(counts);
    if (state === 'waiting' || state === reported) return;
    reported = state;
    const { at: _at, ...report } = counts;
    void sendMessage('pageReadability', { site: adapter.id, readability: state, ...report }).catch(() => {});
    if (state === 'readable') clearInterval(timer);
  };
  let signal: AbortSignal | undefined;
  // Each start is a new page for the background (it forgot the tab's state): its own clock, its own report.
  const start = (stop: AbortSignal) => {
    signal = stop;
    watch.reset();
    reported = undefined;
    clearInterval(timer);
    timer = setInterval(sample, READABILITY_SAMPLE_MS);
    stop.addEventListener('abort', () => clearInterval(timer), { once: true });
  };
  return {
    start,
    /** A new page of a single-page app. */
    restart: () => {
      if (signal && !signal.aborted) start(signal);
    },
  };
}
