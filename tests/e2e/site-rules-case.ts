/**
 * What both site-rules E2E files (Chromium and Firefox) serve: a real saved Facebook group feed with the
 * attributes the bundled rules rest on renamed, as a redesign would, the same feed as saved under another real
 * sorting, the test builds' rules address and mode, and a Facebook rules pack whose every selector matches nothing.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUNDLED_RULES, type SiteRules } from '../../lib/site-rules/bundled';
import type { RealPageExpectation } from '../unit/support/real-pages';
import { renamed } from '../unit/support/renamed-markup';

export const ROOT = resolve(import.meta.dirname, '../..');
const REAL_DOM = resolve(ROOT, '../shared/real-dom');
const NAME = 'facebook/group-feed-2026';
export const { url } = JSON.parse(readFileSync(join(REAL_DOM, `${NAME}.expect.json`), 'utf8')) as RealPageExpectation;
export const html = readFileSync(join(REAL_DOM, `${NAME}.html`), 'utf8').replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
export const redesigned = renamed(html);
/** The same group, another real sorting of its feed: the page as saved, under Facebook's real host. */
export const unbrokenUrl = `${url}?sorting_setting=CHRONOLOGICAL`;
export const RULES_URL = 'https://rules.sanad.test/site-rules.json';
/** The test builds' mode (wxt names their output folders after it): the usual builds stay as they are. */
export const MODE = 'siterules';

/** Facebook's rules with every selector stripped (each list left with one that matches nothing). */
export const strippedRules = (version: number): SiteRules => ({
  ...structuredClone(BUNDLED_RULES.facebook),
  version,
  selectors: Object.fromEntries(Object.keys(BUNDLED_RULES.facebook.selectors).map((name) => [name, ['[data-sanad-stripped]']])),
});
