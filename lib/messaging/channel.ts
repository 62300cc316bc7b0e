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

export async function sendMessage<K extends MessageType>(type: K, data: RequestOf<K>): Promise<ResponseOf<K>> {
  const reply = (await browser.runtime.sendMessage({ sanad: type, data } satisfies Envelope)) as Reply | undefined;
  if (!reply) throw new Error(`Sanad: no answer to "${type}"`);
  if (!reply.ok) throw new Error(`Sanad: "${type}" failed: ${reply.error}`);
  return reply.value as ResponseOf<K>;
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
