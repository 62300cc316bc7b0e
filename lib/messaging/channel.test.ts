/**
 * Held (#16): every message meant for extension pages is refused to content scripts, whatever the sender
 * looks like, while the extension's own pages reach each one and content scripts keep the page protocol.
 */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fromPopup, fromTab, testBackground } from '@/tests/unit/support/background';
import { routeMessage, type Sender } from './channel';

const own = fakeBrowser.runtime.getURL('/');
const contentScripts: [string, Sender][] = [
  ['a content script in a tab', fromTab(3, 'https://x.com/home')],
  ['a frame with no URL', { tab: { id: 3 } as Sender['tab'] }],
  ['a page whose address names the extension in its query', fromTab(3, `https://x.com/?u=${own}options.html`)],
  ['a look-alike extension address', fromTab(3, own.replace(/\/$/, '') + '.evil.example/options.html')],
  ['another extension', { url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html' }],
  ['a data page', fromTab(3, 'data:text/html,<p>x</p>')],
];

describe('extension-page-only messages', () => {
  const { handlers } = testBackground();
  const extensionOnly = Object.keys(handlers.extensionPages);
  const pageMessages = Object.keys(handlers.page);

  it('are many, and none is also a page message', () => {
    expect(extensionOnly.length).toBeGreaterThanOrEqual(20);
    expect(extensionOnly.filter((type) => pageMessages.includes(type))).toEqual([]);
  });

  it.each(contentScripts)('are all refused to %s', (_, sender) => {
    const reached = extensionOnly.filter((type) => typeof routeMessage(handlers, type, sender) !== 'string');
    expect(reached).toEqual([]);
    for (const type of extensionOnly) expect(routeMessage(handlers, type, sender)).toBe(`"${type}" is for extension pages only`);
  });

  it('are all reached from the extension’s own pages', () => {
    for (const type of extensionOnly) expect(typeof routeMessage(handlers, type, fromPopup())).toBe('function');
  });

  it('leave content scripts their page protocol, and unknown or inherited names reach nothing', () => {
    for (const type of pageMessages) expect(typeof routeMessage(handlers, type, fromTab(3))).toBe('function');
    for (const type of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'nope'])
      expect(routeMessage(handlers, type, fromPopup())).toBe(`no such message "${type}"`);
  });
});
