/** The background as the browser composes it, with test doubles for what comes from the browser. */
import { vi } from 'vitest';
import { routeMessage, type Sender } from '@/lib/messaging/channel';
import { composeServices, type BackgroundEnv } from '@/lib/background/services';
import { openSanadDb } from '@/lib/store/db';
import type { BackgroundProtocol, MessageType, RequestOf, ResponseOf } from '@/lib/wire/protocols';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BUNDLED_BODY } from './debunks';

export function testBackground(overrides: Partial<BackgroundEnv> = {}) {
  const env: BackgroundEnv = {
    openDb: () => openSanadDb(),
    fetch: vi.fn(async () => {
      throw new Error('no network in this test');
    }) as unknown as typeof fetch,
    readBundledList: async () => BUNDLED_BODY,
    posters: { framesFor: async () => [], credentialsFor: async () => [], withFrames: async (media) => [...media] },
    drafts: { take: async () => undefined, put: async () => 'd' },
    clientId: async () => 'test-client',
    scheduleOutboxWake: () => {},
    showCount: vi.fn(),
    refreshTab: vi.fn(),
    openTab: vi.fn(async () => {}),
    siteRulesSource: null,
    ...overrides,
  };
  const services = composeServices(env);
  /** Sends a message as `sender` would: through the same routing, so protocol membership is tested too. */
  async function ask<K extends MessageType>(
    type: K,
    data: RequestOf<BackgroundProtocol, K>,
    sender: Sender,
  ): Promise<ResponseOf<BackgroundProtocol, K>> {
    const handler = routeMessage(services.handlers, type, sender);
    if (typeof handler === 'string') throw new Error(handler);
    return (await handler(data, sender)) as ResponseOf<BackgroundProtocol, K>;
  }
  return { ...services, env, ask };
}

export const fromTab = (id: number, url = 'https://x.com/home'): Sender => ({ tab: { id } as Sender['tab'], url });
export const fromPopup = (): Sender => ({ url: fakeBrowser.runtime.getURL('/popup.html') });
