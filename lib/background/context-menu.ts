/**
 * "Submit this claim for checking" (and, in fact-checker mode, "Flag for my desk") on posts, links, videos and
 * images. A click reads the post under the pointer through the content script, crops a capture of the visible
 * tab to it, and opens the submit form with that draft.
 */
import { browser, type Browser } from 'wxt/browser';
import { sendToTab } from '../messaging/channel';
import type { PostAtMenu, SubmissionDraft } from '../wire/shapes';
import type { DraftStore } from './drafts';
import type { PosterHasher } from './poster-frames';
import { readHttpUrl } from '../untrusted/read';

export const MENU_SUBMIT = 'sanad-submit';
export const MENU_FLAG = 'sanad-flag';
export const MENU_MEDIA = 'sanad-media';
const CONTEXTS = ['page', 'link', 'video', 'image', 'selection'] as const;

export function createMenus(factChecker: boolean): void {
  browser.contextMenus.removeAll().then(
    () => {
      browser.contextMenus.create({ id: MENU_SUBMIT, title: browser.i18n.getMessage('menuSubmit'), contexts: [...CONTEXTS] });
      browser.contextMenus.create({
        id: MENU_FLAG,
        title: browser.i18n.getMessage('menuFlag'),
        contexts: [...CONTEXTS],
        visible: factChecker,
      });
      browser.contextMenus.create({
        id: MENU_MEDIA,
        title: browser.i18n.getMessage('menuMediaTools'),
        contexts: ['video', 'image'],
        visible: factChecker,
      });
    },
    () => {},
  );
}

export function showFlagMenu(factChecker: boolean): void {
  void browser.contextMenus.update(MENU_FLAG, { visible: factChecker }).catch(() => {});
  void browser.contextMenus.update(MENU_MEDIA, { visible: factChecker }).catch(() => {});
}

/** A draft from what the click itself tells (used where no post could be read). */
export function draftFromClick(info: Browser.contextMenus.OnClickData, tabUrl: string | undefined): SubmissionDraft['post'] {
  // Only http(s) addresses: a `javascript:` link or a `blob:` image says nothing a fact-checker can open.
  const link = readHttpUrl(info.linkUrl);
  const src = readHttpUrl(info.srcUrl);
  const links = link ? [link] : [];
  const media = src ? [{ kind: info.mediaType === 'video' ? ('video' as const) : ('image' as const), url: src }] : [];
  return { pageUrl: info.pageUrl ?? tabUrl ?? '', text: (info.selectionText ?? '').slice(0, 20_000), links, media };
}

/**
 * The post's box in a capture's pixels: CSS pixels times the device pixel ratio, clipped to the capture (a
 * post partly scrolled out of view is cropped to what is visible). Null when nothing of it is visible.
 */
export function cropBox(
  at: Pick<PostAtMenu, 'rect' | 'devicePixelRatio'>,
  captureWidth: number,
  captureHeight: number,
): { x: number; y: number; width: number; height: number } | null {
  const r = at.devicePixelRatio > 0 ? at.devicePixelRatio : 1;
  const left = Math.max(0, Math.round(at.rect.x * r));
  const top = Math.max(0, Math.round(at.rect.y * r));
  const right = Math.min(captureWidth, Math.round((at.rect.x + at.rect.width) * r));
  const bottom = Math.min(captureHeight, Math.round((at.rect.y + at.rect.height) * r));
  return right > left && bottom > top ? { x: left, y: top, width: right - left, height: bottom - top } : null;
}

/** Crops a tab capture (PNG data URL) to the post's box; a JPEG data URL small enough for the service. */
export async function cropCapture(capture: string, at: PostAtMenu): Promise<string> {
  const bitmap = await createImageBitmap(await (await fetch(capture)).blob());
  const box = cropBox(at, bitmap.width, bitmap.height);
  if (!box) {
    bitmap.close();
    throw new Error('the post is not on screen');
  }
  const { x, y, width, height } = box;
  const scale = Math.min(1, 1200 / width);
  const canvas = new OffscreenCanvas(Math.round(width * scale), Math.round(height * scale));
  canvas.getContext('2d')!.drawImage(bitmap, x, y, width, height, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:image/jpeg;base64,${btoa(binary)}`;
}

export async function onMenuClick(
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
  drafts: DraftStore,
  posters?: Pick<PosterHasher, 'withFrames'>,
): Promise<void> {
  if (info.menuItemId === MENU_MEDIA) return openMediaTools(info, tab);
  if (info.menuItemId !== MENU_SUBMIT && info.menuItemId !== MENU_FLAG) return;
  const kind = info.menuItemId === MENU_FLAG ? 'flag' : 'claim';
  let at: PostAtMenu | null = null;
  if (tab?.id !== undefined) at = await sendToTab(tab.id, 'postAtMenu', {}).catch(() => null);
  const fromClick = draftFromClick(info, tab?.url);
  const post: SubmissionDraft['post'] = at
    ? {
        pageUrl: fromClick.pageUrl,
        ...(at.post.permalink && { permalink: at.post.permalink }),
        ...(at.post.author && { author: at.post.author }),
        text: at.post.text,
        links: [...new Set([...at.post.links, ...fromClick.links])],
        media: at.post.media.length ? at.post.media : fromClick.media,
        ...(at.post.time && { time: at.post.time }),
      }
    : fromClick;
  // Hashes of the post's poster or photo go with it: the desk finds other submissions and debunks of that clip.
  if (posters && post.media.length) post.media = await posters.withFrames(post.media).catch(() => post.media);
  const draft: SubmissionDraft = { kind, post };
  if (tab?.windowId !== undefined && at) {
    try {
      const capture = await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
      draft.screenshot = await cropCapture(capture, at);
    } catch (error) {
      draft.screenshotProblem = error instanceof Error ? error.message : String(error);
    }
  }
  const id = await drafts.put(draft);
  await browser.tabs.create({
    url: browser.runtime.getURL(`/submit.html?draft=${id}` as '/'),
    ...(tab?.index !== undefined && { index: tab.index + 1 }),
  });
}

/** The media tools address for a right-clicked video or image: its tab (for keyframes) and its address. */
export function mediaToolsPath(info: Pick<Browser.contextMenus.OnClickData, 'mediaType' | 'srcUrl' | 'pageUrl'>, tabId?: number): string {
  const q = new URLSearchParams({ kind: info.mediaType === 'video' ? 'video' : 'image' });
  if (tabId !== undefined) q.set('tab', String(tabId));
  const src = readHttpUrl(info.srcUrl);
  if (src) q.set('src', src);
  const page = readHttpUrl(info.pageUrl);
  if (page) q.set('page', page);
  return `/media.html?${q.toString()}`;
}

async function openMediaTools(info: Browser.contextMenus.OnClickData, tab: Browser.tabs.Tab | undefined): Promise<void> {
  await browser.tabs.create({
    url: browser.runtime.getURL(mediaToolsPath(info, tab?.id) as '/'),
    ...(tab?.index !== undefined && { index: tab.index + 1 }),
  });
}
