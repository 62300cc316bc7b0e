/**
 * Typed request/response over runtime messaging. Handlers are a map from message type to function, so
 * adding a message is one protocol line and one handler, never a branch in a growing switch.
 */
import { browser, type Browser } from 'wxt/browser';
import type { MessageType, RequestOf, ResponseOf } from './protocol';

interface Envelope {
  sanad: MessageType;
  data: unknown;
}
type Reply = { ok: true; value: unknown } | { ok: false; error: string };

export type Sender = Browser.runtime.MessageSender;
export type Handlers = {
  [K in MessageType]: (data: RequestOf<K>, sender: Sender) => ResponseOf<K> | Promise<ResponseOf<K>>;
};

/** A request the background answered with an error: `reason` is its own words, fit to show a person. */
export class MessageFailed extends Error {
  constructor(
    readonly type: MessageType,
    readonly reason: string,
  ) {
    super(`Sanad: "${type}" failed: ${reason}`);
  }
}

export async function sendMessage<K extends MessageType>(type: K, data: RequestOf<K>): Promise<ResponseOf<K>> {
  const reply = (await browser.runtime.sendMessage({ sanad: type, data } satisfies Envelope)) as Reply | undefined;
  if (!reply) throw new Error(`Sanad: no answer to "${type}"`);
  if (!reply.ok) throw new MessageFailed(type, reply.error);
  return reply.value as ResponseOf<K>;
}

/** What to tell the user about a failed request. */
export function failureReason(error: unknown): string {
  if (error instanceof MessageFailed) return error.reason;
  return error instanceof Error ? error.message : String(error);
}

function isEnvelope(message: unknown): message is Envelope {
  return !!message && typeof message === 'object' && typeof (message as Envelope).sanad === 'string';
}

/** Answers messages with `handlers`; errors travel back as a message instead of a silent undefined. */
export function serveMessages(handlers: Handlers): () => void {
  const listener = (message: unknown, sender: Sender): Promise<Reply> | undefined => {
    if (!isEnvelope(message) || !Object.hasOwn(handlers, message.sanad)) return undefined;
    const handler = handlers[message.sanad] as (data: unknown, sender: Sender) => unknown;
    return Promise.resolve()
      .then(() => handler(message.data, sender))
      .then(
        (value): Reply => ({ ok: true, value }),
        (error: unknown): Reply => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}
