/**
 * The desk console in real Chromium, driven by clicks and typing as a reviewer does: logging in with the token,
 * filters, search and pages at a few dozen submissions, a verification with an old-footage reason, the audit
 * log, a withdrawal, both languages (screenshots under test-output/), and a cross-site page's form post,
 * which is refused.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithSanad, type SanadBrowser } from '../../scripts/support/chromium';
import { addReviewer, logInToConsole, startIntake, type RunningIntake } from '../../scripts/support/intake';
import { serveSavedPages } from '../../scripts/support/saved-pages';

const OUT = resolve(import.meta.dirname, '../../test-output');
const dir = mkdtempSync(join(tmpdir(), 'sanad-e2e-desk-'));
let intake: RunningIntake;
let browser: SanadBrowser;
let token: string;
let consolePage: Page;

const submit = (n: number, text: string) =>
  fetch(`${intake.url}/v1/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sanad-client': 'volunteer-1' },
    body: JSON.stringify({
      idempotencyKey: `desk-e2e-${String(n).padStart(4, '0')}`,
      kind: 'claim',
      category: n % 2 ? 'old-footage' : 'ai-generated',
      note: `note ${n}`,
      post: { pageUrl: 'https://x.com/home', permalink: `https://x.com/someone/status/${9000 + n}`, text, links: [], media: [] },
    }),
  }).then(async (r) => ((await r.json()) as { id: number }).id);

const statusOf = async (id: number) => (await intake.store.get(id))!.status;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  intake = await startIntake(join(dir, 'intake.sqlite'));
  token = await addReviewer(intake.store, 'Lina');
  for (let n = 1; n <= 55; n++) await submit(n, `Routine claim number ${n} about a video`);
  browser = await launchWithSanad();
  await serveSavedPages(browser.context, { passThrough: (url) => url.hostname === '127.0.0.1' });
  consolePage = await browser.context.newPage();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await intake?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('desk console', () => {
  it('does not log in from a token in a link; logs in with the token typed into the form', async () => {
    const linked = await consolePage.goto(`${intake.url}/review?token=${token}`);
    expect(linked!.status()).toBe(401);
    expect(await consolePage.locator('[role="alert"]').innerText()).toMatch(/does not log in/);
    await logInToConsole(consolePage, intake.url, token);
    expect(await consolePage.locator('header').innerText()).toContain('Lina');
    const cookies = await browser.context.cookies(`${intake.url}/review`);
    expect(cookies.find((c) => c.name === 'sanad_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(cookies.some((c) => c.value.includes(token))).toBe(false);
  });

  it('pages, filters and searches the submissions', async () => {
    await consolePage.goto(`${intake.url}/review?lang=en`);
    expect(await consolePage.locator('article.submission').count()).toBe(50);
    await consolePage.getByRole('link', { name: 'Older submissions' }).click();
    expect(await consolePage.locator('article.submission').count()).toBe(5);
    await consolePage.getByRole('link', { name: 'New (55)' }).click();
    await consolePage.getByRole('searchbox').fill('number 42');
    await consolePage.getByRole('button', { name: 'Search' }).click();
    await expect
      .poll(() => consolePage.locator('article.submission h2').allInnerTexts())
      .toEqual([expect.stringMatching(/^#42 · Claim · Suspected AI-generated/)]);
  });

  it('verifies a submission by clicks, with an old-footage reason, and records who and when', async () => {
    const id = await submit(100, 'Tank convoy crossing the Euphrates bridge at Raqqa this morning');
    await consolePage.goto(`${intake.url}/review?lang=en&status=pending`);
    const card = consolePage.locator(`#s${id}`);
    const form = card.locator('form', { has: consolePage.getByRole('button', { name: 'Verify and publish' }) });
    // No verdict is chosen for the reviewer: the form cannot be sent without one.
    expect(await form.locator('select[name="verdict"]').inputValue()).toBe('');
    await form.locator('select[name="verdict"]').selectOption('false');
    await form.locator('select[name="reasonKind"]').selectOption('old-footage');
    await form.locator('input[name="originalDate"]').fill('2017-06');
    await form.locator('input[name="originalPlace"]').fill('Mosul');
    await form.locator('input[name="conclusion"]').fill('Filmed in Mosul in 2017, not in Raqqa today.');
    await form.locator('input[name="factCheckUrl"]').fill('https://desk.example/fc/raqqa-convoy');
    await form.getByRole('button', { name: 'Verify and publish' }).click();
    await consolePage.waitForURL(new RegExp(`#s${id}$`));
    expect(await consolePage.locator(`#s${id} .decided`).innerText()).toMatch(/^Verified by Lina · .*\d{4}.* · False$/);
    expect(await statusOf(id)).toBe('verified');
    const feed = (await (await fetch(`${intake.url}/feed.json`)).json()) as { items: { reasons: unknown[]; url: string }[] };
    expect(feed.items).toEqual([
      expect.objectContaining({
        url: 'https://desk.example/fc/raqqa-convoy',
        reasons: [
          {
            kind: 'old-footage',
            originalDate: '2017-06',
            originalPlace: { en: 'Mosul' },
            note: 'Filmed in Mosul in 2017, not in Raqqa today.',
          },
        ],
      }),
    ]);
    await consolePage.getByRole('link', { name: 'Audit log' }).click();
    expect(await consolePage.locator('tbody tr').first().innerText()).toMatch(new RegExp(`Lina\\s+verified\\s+#${id}`));
  });

  it('groups submissions of one clip with the closest debunk, and adds one as another appearance of it, by clicks', async () => {
    const clip = { t: 0, hash: 'e1c4a3b2d5f60718293a4b5c6d7e8f90e1c4a3b2d5f60718293a4b5c6d7e8f90', quality: 88 };
    const sendClip = (key: string, permalink: string, text: string) =>
      fetch(`${intake.url}/v1/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sanad-client': 'volunteer-2' },
        body: JSON.stringify({
          idempotencyKey: key,
          kind: 'claim',
          category: 'old-footage',
          post: { pageUrl: 'https://x.com/home', permalink, text, links: [], media: [{ kind: 'video', frames: [clip] }] },
        }),
      }).then(async (r) => ((await r.json()) as { id: number }).id);
    const earlier = await sendClip('desk-e2e-clip-1', 'https://x.com/first/status/5001', 'Helicopter shot down over Idlib tonight');
    const later = await sendClip('desk-e2e-clip-2', 'https://x.com/second/status/5002', 'مروحية أسقطت فوق إدلب الليلة');
    // The earlier one is verified first: it is the desk's debunk of the clip.
    await consolePage.goto(`${intake.url}/review?lang=en&status=pending`);
    const first = consolePage.locator(`#s${earlier}`);
    await first.locator('select[name="verdict"]').selectOption('false');
    await first.locator('select[name="reasonKind"]').selectOption('old-footage');
    await first.locator('input[name="originalDate"]').fill('2016');
    await first.getByRole('button', { name: 'Verify and publish' }).click();
    await consolePage.waitForURL(new RegExp(`#s${earlier}$`));

    await consolePage.goto(`${intake.url}/review?lang=en`);
    await consolePage.getByRole('link', { name: /^Duplicates \(\d+\)$/ }).click();
    const card = consolePage.locator(`#s${later}`);
    expect(await card.locator('.group').innerText()).toMatch(new RegExp(`Grouped with 1 other submission \\(same media\\): #${earlier}`));
    const closest = card.getByRole('region', { name: 'Closest existing debunks' });
    expect(await closest.innerText()).toMatch(
      new RegExp(`False · .*Helicopter shot down over Idlib tonight.*this desk #${earlier} · same footage`, 's'),
    );
    await closest.getByRole('button', { name: 'Add as another appearance of this debunk' }).click();
    await consolePage.waitForURL(new RegExp(`#s${later}$`));
    expect(await consolePage.locator(`#s${later} .decided`).innerText()).toMatch(
      new RegExp(`^Added as another appearance of #${earlier} by Lina`),
    );
    const feed = (await (await fetch(`${intake.url}/feed.json`)).json()) as {
      items: { identifier: string; itemReviewed: { appearance: { url: string }[] } }[];
    };
    const item = feed.items.find((i) => i.identifier === `intake-${earlier}`)!;
    expect(item.itemReviewed.appearance.map((a) => a.url)).toEqual(['https://x.com/first/status/5001', 'https://x.com/second/status/5002']);
  });

  it('refuses a form post from another site’s page, even with the reviewer logged in', async () => {
    const id = await submit(101, 'A claim an attacker wants published');
    const attacker = await browser.context.newPage();
    await attacker.route('http://evil.example/prize', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><form method="post" action="${intake.url}/review/${id}"><input type="hidden" name="decision" value="verify">
          <input type="hidden" name="verdict" value="false"><input type="hidden" name="reasonKind" value="false-claim">
          <input type="hidden" name="claim" value="pwned"><button>Claim your prize</button></form>`,
      }),
    );
    await attacker.goto('http://evil.example/prize');
    const [response] = await Promise.all([
      attacker.waitForNavigation(),
      attacker.getByRole('button', { name: 'Claim your prize' }).click(),
    ]);
    expect(response!.status()).toBe(403);
    expect(await attacker.locator('body').innerText()).toMatch(/cross-site form refused/);
    expect(await statusOf(id)).toBe('pending');
    await attacker.close();
  });

  it('withdraws a published item by clicks: the feed carries its tombstone', async () => {
    await consolePage.goto(`${intake.url}/review?lang=en&status=verified&q=Raqqa`);
    const card = consolePage.locator('article.submission').first();
    const id = Number(await card.getAttribute('data-submission'));
    await card.locator('input[name="note"][required]').fill('The footage is from Raqqa after all.');
    await card.getByRole('button', { name: 'Withdraw from the feed' }).click();
    await consolePage.waitForURL(new RegExp(`#s${id}$`));
    expect(await statusOf(id)).toBe('withdrawn');
    const feed = (await (await fetch(`${intake.url}/feed.json`)).json()) as { items: unknown[]; tombstones: { id: string }[] };
    expect(feed.items).toHaveLength(1);
    expect(feed.tombstones.map((t) => t.id)).toEqual([`intake-${id}`]);
  });

  it('previews the reader’s card as the reviewer types, and by the Preview button (the no-script path)', async () => {
    const id = await submit(300, 'Flooded metro station in Damascus after last night’s storm');
    await consolePage.goto(`${intake.url}/review?lang=en&status=pending`);
    const form = consolePage.locator(`#s${id} form`, { has: consolePage.getByRole('button', { name: 'Verify and publish' }) });
    const card = form.locator('[data-preview-card]');
    expect(await card.innerText()).toMatch(/Fill in the decision/);
    await form.locator('textarea[name="claim"]').fill('Video shows the <b>Damascus</b> metro flooded');
    await form.locator('select[name="verdict"]').selectOption('false');
    await form.locator('select[name="reasonKind"]').selectOption('old-footage');
    // Half-filled: the preview says what is still missing, as a Verify click would.
    await expect.poll(() => card.innerText(), { timeout: 10_000 }).toMatch(/old footage: give the original date, place or link/);
    await form.locator('input[name="originalDate"]').pressSequentially('2019-03');
    await form.locator('input[name="originalPlace"]').pressSequentially('Istanbul');
    await form.locator('input[name="factCheckUrl"]').fill('https://desk.example/fc/metro');
    await expect.poll(() => card.locator('.sanad-card').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => card.locator('.sanad-reasons').innerText(), { timeout: 10_000 }).toMatch(/2019.*Istanbul/s);
    expect(await card.locator('.sanad-card').getAttribute('data-verdict')).toBe('false');
    // The typed markup is text on the card, never HTML.
    expect(await card.locator('.sanad-claim').innerText()).toBe('Video shows the <b>Damascus</b> metro flooded');
    expect(await card.locator('.sanad-claim b').count()).toBe(0);
    expect(await card.locator('a.sanad-link').getAttribute('href')).toBe('https://desk.example/fc/metro');
    expect(await statusOf(id)).toBe('pending');
    await card.locator('.sanad-card').screenshot({ path: `${OUT}/desk-preview-en.png` });

    // The Preview button posts the form: the page comes back with what was typed and the card.
    await form.locator('input[name="conclusion"]').fill('Filmed in Istanbul in 2019.');
    await form.getByRole('button', { name: 'Preview' }).click();
    await consolePage.waitForURL(new RegExp(`/review/${id}/preview`));
    const again = consolePage.locator(`#s${id} form`, { has: consolePage.getByRole('button', { name: 'Verify and publish' }) });
    expect(await again.locator('input[name="conclusion"]').inputValue()).toBe('Filmed in Istanbul in 2019.');
    expect(await again.locator('select[name="verdict"]').inputValue()).toBe('false');
    expect(await again.locator('[data-preview-card] .sanad-conclusion, [data-preview-card] .sanad-reasons').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringMatching(/Filmed in Istanbul in 2019\./)]),
    );
    // And it publishes from there as it would have.
    await again.getByRole('button', { name: 'Verify and publish' }).click();
    await consolePage.waitForURL(new RegExp(`#s${id}$`));
    expect(await statusOf(id)).toBe('verified');
  });

  it('reads right to left in Arabic, with Arabic dates and category names (screenshots in both languages)', async () => {
    await consolePage.goto(`${intake.url}/review?lang=en`);
    await consolePage.screenshot({ path: `${OUT}/desk-console-en.png`, fullPage: false });
    await consolePage.getByRole('link', { name: 'العربية' }).click();
    expect(await consolePage.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await consolePage.locator('h1').innerText()).toBe('لوحة مكتب سند');
    const meta = await consolePage.locator('article.submission .meta').first().innerText();
    expect(meta).toMatch(/[٠-٩]/); // Arabic-Indic digits in the date
    expect(await consolePage.locator('article.submission h2').first().innerText()).toMatch(/ادعاء/);
    await consolePage.screenshot({ path: `${OUT}/desk-console-ar.png`, fullPage: false });
  });
});
