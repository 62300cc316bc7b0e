import { describe, expect, it, vi } from 'vitest';
import { routeMessage, type Sender } from '../messaging/channel';
import { fromPopup, fromTab, testBackground } from '@/tests/unit/support/background';

/**
 * Every extension-page-only message, sent from where a content script or a page could send it, is refused
 * before its handler runs (issue #16, held). Read from the composed handlers, so a message added later is
 * covered without editing this list.
 */
describe('extension-page-only messages from content scripts', () => {
  const { handlers } = testBackground();
  const names = Object.keys(handlers.extensionPages);
  const notExtensionPages: [string, Sender][] = [
    ['a content script on a supported site', fromTab(4, 'https://x.com/home')],
    ['a content script in a frame of another site', fromTab(4, 'https://evil.example/frame')],
    ['another extension', { url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html' }],
    ['a look-alike address', { tab: { id: 4 } as Sender['tab'], url: `https://x.com/?${fromPopup().url}` }],
    ['a sender with no address', {}],
  ];

  it('covers the whole protocol', () => {
    expect(names.length).toBeGreaterThanOrEqual(25);
    for (const name of [
      'settings',
      'saveSettings',
      'listStatus',
      'feeds',
      'addFeed',
      'exportData',
      'importList',
      'submitClaim',
      'tabResults',
      'wrongMatches',
      'reportWrongMatch',
      'undoWrongMatch',
    ])
      expect(names).toContain(name);
    for (const name of Object.keys(handlers.page)) expect(names).not.toContain(name);
  });

  it.each(notExtensionPages)('refuses all of them from %s, running no handler', (_, sender) => {
    const spied = Object.fromEntries(names.map((name) => [name, vi.fn()]));
    const guarded = { page: handlers.page, extensionPages: spied as unknown as typeof handlers.extensionPages };
    for (const name of names) expect(routeMessage(guarded, name, sender)).toBe(`"${name}" is for extension pages only`);
    for (const spy of Object.values(spied)) expect(spy).not.toHaveBeenCalled();
  });

  it('answers them to the extension’s own pages, and knows no inherited names', () => {
    for (const name of names) expect(typeof routeMessage(handlers, name, fromPopup())).toBe('function');
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty'])
      expect(routeMessage(handlers, name, fromPopup())).toBe(`no such message "${name}"`);
  });
});
