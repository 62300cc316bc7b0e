/**
 * Typed request/response over runtime messaging, for the protocols in `lib/wire`. Handlers are a map from
 * message type to function, so adding a message is one protocol line and one handler, never a branch in a
 * growing switch. Who may send a message is decided by the protocol it belongs to, closed by default.
 */
import { browser, type Browser } from 'wxt/browser';
import type {
  BackgroundProtocol,
  Envelope,
  ExtensionPageNotices,
  ExtensionPageProtocol,
  NoticeEnvelope,
  MessageType,
  PageProtocol,
  Reply,
  RequestOf,
  ResponseOf,
  TabProtocol,
} from '../wire/protocols';

export type Sender = Browser.runtime.MessageSender;

/** Answers to every message of protocol `P`. */
export type HandlersOf<P> = {
  [K in keyof P]: (data: RequestOf<P, K>, sender: Sender) => ResponseOf<P, K> | Promise<ResponseOf<P, K>>;
};

export interface BackgroundHandlers {
  /** Answered for content scripts and extension pages alike. */
  page: HandlersOf<PageProtocol>;
  /** Answered only when the sender is one of the extension's own pages. */
  extensionPages: HandlersOf<ExtensionPageProtocol>;
}

/** A request the background answered with an error: `reason` is its own words, fit to show a person. */
export class MessageFailed extends Error {
  constructor(
    readonly type: string,
    readonly reason: string,
  ) {
    super(`Sanad: "${type}" failed: ${reason}`);
  }
}

function unwrap(type: string, reply: Reply | undefined): unknown {
  if (!reply) throw new Error(`Sanad: no answer to "${type}"`);
  if (!reply.ok) throw new MessageFailed(type, reply.error);
  return reply.value;
}

/** Asks the background (from a content script: page messages only; the background refuses the rest). */
export async function sendMessage<K extends MessageType>(
  type: K,
  data: RequestOf<BackgroundProtocol, K>,
): Promise<ResponseOf<BackgroundProtocol, K>> {
  const reply = (await browser.runtime.sendMessage({ sanad: type, data } satisfies Envelope)) as Reply | undefined;
  return unwrap(type, reply) as ResponseOf<BackgroundProtocol, K>;
}

/** Asks a tab's content script (from the background). */
export async function sendToTab<K extends keyof TabProtocol>(
  tabId: number,
  type: K,
  data: RequestOf<TabProtocol, K>,
): Promise<ResponseOf<TabProtocol, K>> {
  const reply = (await browser.tabs.sendMessage(tabId, { sanad: type, data } satisfies Envelope)) as Reply | undefined;
  return unwrap(type, reply) as ResponseOf<TabProtocol, K>;
}

/** What to tell the user about a failed request. */
export function failureReason(error: unknown): string {
  if (error instanceof MessageFailed) return error.reason;
  return error instanceof Error ? error.message : String(error);
}

function isEnvelope(message: unknown): message is Envelope {
  return !!message && typeof message === 'object' && typeof (message as Envelope).sanad === 'string';
}

/** Extension pages (popup, options, submit; also when opened in a tab) have an extension URL and no tab of a web page. */
function isExtensionPage(sender: Sender): boolean {
  return (sender.url ?? '').startsWith(browser.runtime.getURL('/'));
}

type AnyHandler = (data: unknown, sender: Sender) => unknown;

/** The handler a sender may reach for `type`, or the reason it may not. */
export function routeMessage(handlers: BackgroundHandlers, type: string, sender: Sender): AnyHandler | string {
  if (Object.hasOwn(handlers.page, type)) return handlers.page[type as keyof PageProtocol] as AnyHandler;
  if (Object.hasOwn(handlers.extensionPages, type)) {
    if (!isExtensionPage(sender)) return `"${type}" is for extension pages only`;
    return handlers.extensionPages[type as keyof ExtensionPageProtocol] as AnyHandler;
  }
  return `no such message "${type}"`;
}

function answer(handler: AnyHandler | string, data: unknown, sender: Sender): Promise<Reply> {
  if (typeof handler === 'string') return Promise.resolve({ ok: false, error: handler });
  return Promise.resolve()
    .then(() => handler(data, sender))
    .then(
      (value): Reply => ({ ok: true, value }),
      (error: unknown): Reply => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
}

/** The background answers its two protocols; a message that is not an envelope is left to other listeners. */
export function serveMessages(handlers: BackgroundHandlers): () => void {
  const listener = (message: unknown, sender: Sender): Promise<Reply> | undefined => {
    if (!isEnvelope(message)) return undefined;
    return answer(routeMessage(handlers, message.sanad, sender), message.data, sender);
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}

/** A content script answers the background's tab messages. */
export function serveTabMessages(handlers: HandlersOf<TabProtocol>): () => void {
  const listener = (message: unknown, sender: Sender): Promise<Reply> | undefined => {
    if (!isEnvelope(message) || !Object.hasOwn(handlers, message.sanad)) return undefined;
    // Only the extension itself talks to its content scripts; never a page's own script.
    if (sender.id !== browser.runtime.id) return undefined;
    return answer(handlers[message.sanad as keyof TabProtocol] as AnyHandler, message.data, sender);
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}

/** Tells the extension's open pages (the background's side); nobody listening is not a failure. */
export function notifyExtensionPages<K extends keyof ExtensionPageNotices>(type: K, data: RequestOf<ExtensionPageNotices, K>): void {
  void Promise.resolve()
    .then(() => browser.runtime.sendMessage({ sanadNotice: type, data } satisfies NoticeEnvelope))
    .catch(() => {});
}

/** An extension page hears the background's notice `type` (only from the extension itself); returns the unsubscribe. */
export function onNotice<K extends keyof ExtensionPageNotices>(
  type: K,
  heard: (data: RequestOf<ExtensionPageNotices, K>) => void,
): () => void {
  const listener = (message: unknown, sender: Sender): undefined => {
    if (sender.id !== browser.runtime.id || !message || typeof message !== 'object') return undefined;
    const notice = message as NoticeEnvelope;
    if (notice.sanadNotice === type) heard(notice.data as RequestOf<ExtensionPageNotices, K>);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}
