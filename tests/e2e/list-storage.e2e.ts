/**
 * The options page says how much the lists take and drops the oldest fact-checks, as a person does it: add a
 * list from a file, type how many to keep, click "Drop the oldest".
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchWithSanad, type SanadBrowser } from '../../scripts/support/chromium';
import { openOptions } from '../../scripts/support/extension-pages';

let browser: SanadBrowser;
let work: string;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'sanad-storage-'));
  const reviews = Array.from({ length: 6 }, (_, i) => ({
    '@type': 'ClaimReview',
    identifier: `storage-${i}`,
    claimReviewed: `Flood pictures from river town number ${i} were taken years ago`,
    datePublished: `20${10 + i}-05-01`,
    reviewRating: { alternateName: 'False' },
    author: { name: 'Test Desk' },
  }));
  writeFileSync(join(work, 'dated.json'), JSON.stringify(reviews));
  browser = await launchWithSanad();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

it('shows what the lists hold and drops the oldest down to the number typed', { timeout: 60_000 }, async () => {
  const options = await openOptions(browser);
  const usage = options.locator('[data-list-usage]');
  const held = async () => Number(await usage.getAttribute('data-list-usage'));
  await expect.poll(held, { timeout: 20_000 }).toBeGreaterThan(0);
  const bundled = await held();
  await options.locator('input[name="list-file"]').setInputFiles(join(work, 'dated.json'));
  await expect.poll(held, { timeout: 20_000 }).toBe(bundled + 6);
  expect(await usage.innerText()).toMatch(
    new RegExp(`^The lists hold ${bundled + 6} fact-checks(; Sanad stores [\\d.,]+ MB on this device)?\\.$`),
  );

  await options.getByLabel('Fact-checks to keep (the newest)').fill(String(bundled + 2));
  await options.getByRole('button', { name: 'Drop the oldest' }).click();
  await expect
    .poll(() => options.locator('.list-storage').getByRole('status').innerText(), { timeout: 20_000 })
    .toBe('Dropped the 4 oldest fact-checks.');
  await expect.poll(held).toBe(bundled + 2);
  await options.close();
});
