/**
 * Sanad's Firefox build (.output/firefox-mv2) in real Firefox (Debian's firefox-esr, headless, WebDriver BiDi):
 * the same saved pages and verdicts as in Chromium (cases.ts), the badge panel, the popup, subscribing to a
 * signed feed from the options page, and a claim submitted from the popup through the outbox to the intake
 * service on 127.0.0.1. One Firefox for the whole file; pages come under their real host names over https.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFeedKeys, signFeed } from '../../lib/feeds/signature';
import {
  FIREFOX_EXTENSION_ORIGIN,
  launchFirefoxWithSanad,
  waitFor,
  type FirefoxTab,
  type SanadFirefox,
} from '../../scripts/support/firefox';
import { addReviewer, startIntake, type RunningIntake } from '../../scripts/support/intake';
import { badgeCount, caseFor, FEED_CASE, SAVED_PAGE_CASES, SUBMISSION_CASE, verdictsIn, X_FIRST_BADGE } from './cases';

const dir = mkdtempSync(join(tmpdir(), 'sanad-firefox-e2e-'));
let firefox: SanadFirefox;
let intake: RunningIntake;
let keys: { privateKeyPkcs8: string; publicKey: string };

beforeAll(async () => {
  keys = await generateFeedKeys();
  const feed = await signFeed(
    {
      sanadFeed: 1,
      publisher: { name: FEED_CASE.publisher },
      generated: new Date().toISOString(),
      items: [FEED_CASE.item('tank-convoy', FEED_CASE.claim)],
      tombstones: [],
    },
    keys.privateKeyPkcs8,
    keys.publicKey,
  );
  intake = await startIntake(join(dir, 'intake.sqlite'));
  firefox = await launchFirefoxWithSanad({
    pages: { [FEED_CASE.pageUrl]: FEED_CASE.page },
    files: {
      [FEED_CASE.url]: {
        type: 'application/json',
        body: Buffer.from(JSON.stringify(feed)),
        headers: { 'access-control-allow-origin': '*' },
      },
    },
  });
}, 60_000);
afterAll(async () => {
  await firefox?.close();
  await intake?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function visit(url: string, badges: number): Promise<FirefoxTab> {
  const tab = await firefox.newTab(url);
  expect(await tab.settledBadges({ atLeast: badges })).toBe(badges);
  return tab;
}

describe('in Firefox, the saved pages get the same verdicts as in Chromium', () => {
  for (const c of SAVED_PAGE_CASES) {
    it(c.name, async () => {
      const tab = await visit(c.url, badgeCount(c));
      expect(await tab.evaluate(verdictsIn, c.posts)).toEqual(c.verdicts);
      await tab.close();
    });
  }
});

describe('in Firefox, the badge and the popup', () => {
  it('opens the reasons from a click on the badge, and closes them with Escape', async () => {
    const home = caseFor('https://x.com/home');
    const tab = await visit(home.url, badgeCount(home));
    const button = [X_FIRST_BADGE.host, X_FIRST_BADGE.button];
    // Closed to the page (the driver reads it as BiDi can).
    expect(await tab.evaluate((s) => document.querySelector(s)?.shadowRoot === null, X_FIRST_BADGE.host)).toBe(true);
    expect(await tab.attribute(button, 'aria-label')).toBe(X_FIRST_BADGE.label);
    await tab.click(button);
    const panel = await tab.waitFor([X_FIRST_BADGE.host, X_FIRST_BADGE.panel]);
    for (const text of X_FIRST_BADGE.panelText) expect(panel).toContain(text);
    await tab.press('Escape');
    await waitFor('the panel to close', async () =>
      (await tab.text([X_FIRST_BADGE.host, X_FIRST_BADGE.panel])) === null ? true : undefined,
    );
    await tab.close();
  });

  it("follows the page's theme: the panel turns dark when X does, and light again, without a reload", async () => {
    const home = caseFor('https://x.com/home');
    const tab = await visit(home.url, badgeCount(home));
    const card = [X_FIRST_BADGE.host, '.sanad-panel .sanad-card'];
    // X's dark mode as X sets it: its body's own colour (the saved page's columns let it through).
    const setDark = (dark: boolean) =>
      tab.evaluate((on) => {
        document.getElementById('site-dark')?.remove();
        if (!on) return document.body.removeAttribute('style');
        document.body.setAttribute('style', 'background-color: rgb(0, 0, 0);');
        const style = document.createElement('style');
        style.id = 'site-dark';
        style.textContent = 'body * { background-color: transparent !important; }';
        document.head.append(style);
      }, dark);
    const brightness = async () => {
      const rgb = ((await tab.style(card, 'background-color')) ?? '').match(/\d+/g)?.slice(0, 3).map(Number) ?? [];
      return rgb.length === 3 ? (rgb[0]! + rgb[1]! + rgb[2]!) / 3 : -1;
    };
    await tab.click([X_FIRST_BADGE.host, X_FIRST_BADGE.button]);
    await tab.waitFor(card);
    expect(await brightness()).toBeGreaterThan(240);
    await setDark(true);
    await waitFor('the panel to turn dark', async () => ((await brightness()) >= 0 && (await brightness()) < 60 ? true : undefined));
    expect(await tab.style([X_FIRST_BADGE.host, '.sanad-panel .sanad-card'], 'color')).toBe('rgb(232, 234, 237)');
    await setDark(false);
    await waitFor('the panel to turn light', async () => ((await brightness()) > 240 ? true : undefined));
    await tab.press('Escape');
    await tab.close();
  });

  for (const c of SAVED_PAGE_CASES.filter((c) => c.popup)) {
    it(`lists the verdicts, reasons and sources in the popup: ${c.name}`, async () => {
      const tab = await visit(c.url, badgeCount(c));
      const popup = await firefox.openPopup(await firefox.tabIdOf(await tab.url()));
      const text = await popup.waitForText('main', c.popup![0]!);
      for (const line of c.popup!) expect(text).toContain(line);
      await popup.close();
      await tab.close();
    });
  }
});

describe('in Firefox, the options page', () => {
  it('subscribes to a signed feed typed in by the user, and a post the new debunk covers gets a badge', { timeout: 60_000 }, async () => {
    const options = await firefox.openOptions();
    await options.type('input[name="feed-url"]', FEED_CASE.url);
    await options.type('input[name="feed-key"]', keys.publicKey);
    await options.click(await options.byText('button', 'Add feed'));
    await options.waitForText(`[data-feed="${FEED_CASE.url}"]`, FEED_CASE.line, 20_000);
    await options.close();

    const tab = await visit(FEED_CASE.pageUrl, 1);
    expect(await tab.evaluate(verdictsIn, 'article[data-testid="tweet"]')).toEqual(['false']);
    await tab.close();
  });
});

describe('in Firefox, submissions', () => {
  it('sends a claim submitted from the popup through the outbox to the intake service', { timeout: 60_000 }, async () => {
    const options = await firefox.openOptions();
    await options.type('#intake-url', intake.url);
    await options.click(await options.byText('button', 'Save'));

    const tab = await visit(SUBMISSION_CASE.pageUrl, badgeCount(caseFor(SUBMISSION_CASE.pageUrl)));
    const popup = await firefox.openPopup(await firefox.tabIdOf(SUBMISSION_CASE.pageUrl));
    await popup.click(await popup.byText('button', 'Submit a claim from this page'));
    const form = await firefox.waitForTab(`${FIREFOX_EXTENSION_ORIGIN}/submit.html`);
    await form.waitFor('#claim-text');
    // The form offers the posts Sanad read on the page: the person picks one (typing replaces its text).
    await form.click(await form.byText('.post-choices label', 'defence ministry announces a ceasefire'));
    await form.type('#claim-text', SUBMISSION_CASE.claim);
    await form.click(await form.byText('label', SUBMISSION_CASE.category));
    await form.type('#note', SUBMISSION_CASE.note);
    await form.click(await form.byText('button', 'Send'));
    await form.waitForText('[role="status"]', 'Queued');

    await waitFor(
      'the outbox to show it sent',
      async () => {
        const states = await options.evaluate(() =>
          [...document.querySelectorAll('[data-outbox-state]')].map((i) => i.getAttribute('data-outbox-state')),
        );
        return states.length === 1 && states[0] === 'sent' ? states : undefined;
      },
      20_000,
    );
    expect(await intake.store.count()).toBe(1);
    const [stored] = await intake.store.list();
    expect(stored).toMatchObject({
      kind: 'claim',
      category: SUBMISSION_CASE.categoryValue,
      note: SUBMISSION_CASE.note,
      post: { pageUrl: SUBMISSION_CASE.pageUrl, text: SUBMISSION_CASE.claim },
    });
    await Promise.all([form.close(), popup.close(), tab.close(), options.close()]);
  });
});

describe('in Firefox, the desk console', () => {
  it(
    'a reviewer logs in and verifies a submission by clicks and typing; the form post passes the console’s checks',
    { timeout: 60_000 },
    async () => {
      const token = await addReviewer(intake.store, 'Lina');
      const [stored] = await intake.store.list();
      const console_ = await firefox.newTab(`${intake.url}/review?lang=en`);
      await console_.type('input[name="token"]', token);
      await console_.click(await console_.byText('button', 'Log in'));
      await console_.waitFor('nav.filters');
      const card = `#s${stored!.id}`;
      // Selects by keyboard, as a person does once a select has focus: type the option's first letters.
      await console_.click(`${card} select[name="verdict"]`);
      await console_.press('Escape', 'F');
      await console_.click(`${card} select[name="reasonKind"]`);
      await console_.press('Escape', 'F', 'a', 'l');
      await console_.type(`${card} input[name="conclusion"]`, 'No such convoy crossed that day.');
      await console_.click(await console_.byText(`${card} button`, 'Verify and publish'));
      await console_.waitForText(`${card} .decided`, 'Verified by Lina');
      expect((await intake.store.get(stored!.id))!.review).toMatchObject({
        reviewer: 'Lina',
        verdict: 'false',
        reason: { kind: 'false-claim' },
      });
      await console_.close();
    },
  );
});
