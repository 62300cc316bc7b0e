/**
 * A reader tells the desk about a wrong match, and takes it back, in real Chromium by clicks: a reader subscribed
 * to the desk's feed sees a badge on a page served as x.com, opens "Report a wrong match", picks a reason, ticks
 * "Also tell Test desk" and reports → the badge goes; the reviewer's console (logged in through its form) shows
 * "Readers report a wrong match (1)" with that post; the reader's popup lists the report and its Undo → the
 * badge comes back and the console shows no report. Screenshots go to test-output/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Submission } from '../../lib/intake/submission';
import { launchWithSanad, type SanadBrowser } from '../../scripts/support/chromium';
import { clickInShadow, inClosedShadow, waitForInShadow } from '../../scripts/support/closed-shadow';
import { openOptions, openPopup, settledBadges, subscribeToFeed, tabIdOf } from '../../scripts/support/extension-pages';
import { addReviewer, logInToConsole, startIntake, type RunningIntake } from '../../scripts/support/intake';
import { serveSavedPages } from '../../scripts/support/saved-pages';

const OUT = resolve(import.meta.dirname, '../../test-output');
const dir = mkdtempSync(join(tmpdir(), 'sanad-e2e-desk-report-'));
const PAGE = 'https://x.com/i/lists/8100';
const PERMALINK = 'https://x.com/wrongly/status/8101';
const page = `<!doctype html><main><article data-testid="tweet"><div data-testid="User-Name"><a href="/wrongly">wrongly</a>
<a href="/wrongly/status/8101"><time datetime="2026-12-01T09:00:00.000Z">Dec 1</time></a></div>
<div data-testid="tweetText" lang="en">Market day in Idlib, everyone out shopping after the rain</div></article></main>`;
const host = 'article:has(a[href="/wrongly/status/8101"]) [data-sanad-badge]';

let intake: RunningIntake;
let reader: SanadBrowser;
let token: string;
let published: number;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  intake = await startIntake(join(dir, 'intake.sqlite'));
  token = await addReviewer(intake.store, 'Lina');
  // A debunk the desk published earlier, whose appearances name this post: it badges it, wrongly.
  const outcome = await intake.store.insert(
    {
      idempotencyKey: 'desk-report-e2e-1',
      kind: 'claim',
      category: 'old-footage',
      post: { pageUrl: 'https://x.com/home', permalink: PERMALINK, text: 'Shelling of the Idlib market today', links: [], media: [] },
    } as Submission,
    'volunteer',
  );
  published = (outcome as { id: number }).id;
  await intake.store.decide(published, 'verified', {
    reviewer: 'Lina',
    reviewedAt: new Date().toISOString(),
    verdict: 'false',
    claim: 'The Idlib market was shelled today',
    reason: { kind: 'old-footage', originalDate: '2019' },
  });
  reader = await launchWithSanad();
  await serveSavedPages(reader.context, { passThrough: (url) => url.hostname === '127.0.0.1', pages: { [PAGE]: page } });
}, 90_000);
afterAll(async () => {
  await reader?.close();
  await intake?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const shown = (post: Page) =>
  inClosedShadow(post, host, (root) => ({
    badge: !(root.querySelector('.sanad-badge') as HTMLElement).hidden,
    reported: !(root.querySelector('.sanad-reported') as HTMLElement).hidden,
  }));
/** The console's card of the published item, as the reviewer sees it. */
const consoleCard = async (consolePage: Page) => {
  await consolePage.goto(`${intake.url}/review?lang=en&status=verified`);
  return consolePage.locator(`#s${published}`).innerText();
};

describe('"Also tell <desk>"', () => {
  it('reports a wrong match to the desk by clicks, and the popup’s Undo takes it back there', async () => {
    const keyPage = await reader.context.newPage();
    await keyPage.goto(`${intake.url}/feed-key`);
    const key = (await keyPage.locator('body').innerText()).trim();
    await keyPage.close();
    const options = await openOptions(reader);
    await subscribeToFeed(options, `${intake.url}/feed.json`, key, 'Test desk: 1 fact-check,');
    await options.close();

    const post = await reader.context.newPage();
    await post.goto(PAGE);
    expect(await settledBadges(post, { atLeast: 1, timeout: 20_000 })).toBe(1);
    await post.locator(host).click();
    await waitForInShadow(post, host, '.sanad-panel');
    await clickInShadow(post, host, '.sanad-report-open', 'Report a wrong match');
    // Unticked until the reader ticks it, saying what goes.
    const offer = await inClosedShadow(post, host, (root) => ({
      ticked: (root.querySelector('.sanad-report-desk input') as HTMLInputElement).checked,
      label: (root.querySelector('.sanad-report-desk label') as HTMLElement).innerText.trim(),
      what: (root.querySelector('.sanad-report-desk-what') as HTMLElement).innerText,
    }));
    expect(offer).toEqual({
      ticked: false,
      label: 'Also tell Test desk',
      what: 'Sends Test desk only the fact-check’s id, your reason and this post’s address. Nothing about you.',
    });
    await clickInShadow(post, host, '.sanad-report-reason', 'The post does not repeat this claim');
    await clickInShadow(post, host, '.sanad-report-desk label');
    await post.screenshot({ path: join(OUT, 'desk-report-form.png') });
    await clickInShadow(post, host, '.sanad-report-confirm');
    await expect.poll(() => shown(post)).toMatchObject({ badge: false, reported: true });

    // The desk has it: the debunk, the reason and the post's address only.
    await expect
      .poll(async () => (await intake.store.wrongMatchesOf([published])).get(published) ?? [], { timeout: 20_000 })
      .toEqual([{ id: expect.any(Number), reason: 'not-repeated', postUrl: PERMALINK, receivedAt: expect.any(String) }]);
    const consolePage = await reader.context.newPage();
    await logInToConsole(consolePage, intake.url, token);
    const card = await consoleCard(consolePage);
    expect(card).toMatch(/Readers report a wrong match \(1\)/);
    expect(card).toContain(PERMALINK);
    await consolePage.locator(`#s${published}`).screenshot({ path: join(OUT, 'desk-report-console.png') });

    // The popup lists the report, says the desk has it, and undoes it.
    const popup = await openPopup(reader, await tabIdOf(reader, post));
    await popup.locator('.my-reports summary').click();
    const line = popup.locator('.my-report');
    await expect.poll(() => line.innerText()).toMatch(/Test desk has it/);
    await popup.screenshot({ path: join(OUT, 'desk-report-popup.png') });
    await line.getByRole('button', { name: 'Undo this wrong-match report' }).click();
    await expect.poll(() => shown(post), { timeout: 15_000 }).toMatchObject({ badge: true, reported: false });
    await expect.poll(async () => (await intake.store.wrongMatchesOf([published])).get(published) ?? [], { timeout: 20_000 }).toEqual([]);
    expect(await consoleCard(consolePage)).not.toMatch(/Readers report a wrong match/);
    await expect.poll(() => popup.locator('.my-report').count()).toBe(0);
  });
});
