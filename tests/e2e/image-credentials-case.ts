/**
 * The page both browsers' Content Credentials E2E files load: a debunked AI-generated picture (its fingerprint in
 * a list file), a copy with one bit changed, a generated gradient with valid credentials and a picture without
 * any, as x.com photos on the site's image host. What the popup should say of each.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fingerprintFile } from '../../scripts/media/fingerprint';

export const C2PA = resolve(import.meta.dirname, '../../../shared/media/c2pa');
export const PAGE_URL = 'https://x.com/credentials';
/** The debunked AI picture's address (image-credentials-late.e2e.ts holds it back). */
export const AI = 'https://pbs.twimg.com/media/ai-generated.jpg';
const TAMPERED = 'https://pbs.twimg.com/media/ai-generated-copy.jpg';
const GRADIENT = 'https://pbs.twimg.com/media/gradient.jpg';
const PLAIN = 'https://pbs.twimg.com/media/plain.jpg';

const tweet = (handle: string, status: string, text: string, photo: string) => `
<article data-testid="tweet"><div data-testid="User-Name"><a href="/${handle}">${handle}</a>
<a href="/${handle}/status/${status}"><time datetime="2026-01-10T10:00:00.000Z">Jan 10</time></a></div>
<div data-testid="tweetText" lang="en">${text}</div>
<div data-testid="tweetPhoto"><img src="${photo}" alt="Image" width="160"></div></article>`;

/** Writes the desk's list (the AI picture's fingerprint, as `npm run media -- hash` gives it) into `dir`. */
export function writeList(dir: string): string {
  const reference = fingerprintFile(join(C2PA, 'ai-generated.jpg'));
  const file = join(dir, 'ai-picture-list.json');
  writeFileSync(
    file,
    JSON.stringify([
      {
        '@context': 'https://schema.org',
        '@type': 'ClaimReview',
        identifier: 'e2e-ai-picture',
        claimReviewed: 'A photo shows the flooded market this morning',
        reviewRating: { '@type': 'Rating', alternateName: 'False' },
        author: { '@type': 'Organization', name: 'Test Desk' },
        url: 'https://factcheck.example.org/ai-picture',
        fingerprints: [{ kind: 'image', frames: reference.frames }],
      },
    ]),
  );
  return file;
}

const jpeg = (file: string) => ({ type: 'image/jpeg', body: readFileSync(join(C2PA, file)) });

export const served = () => ({
  files: {
    [AI]: jpeg('ai-generated.jpg'),
    [TAMPERED]: jpeg('ai-generated-tampered.jpg'),
    [GRADIENT]: jpeg('C.jpg'),
    [PLAIN]: jpeg('no_manifest.jpg'),
  },
  pages: {
    [PAGE_URL]:
      '<!doctype html><main>' +
      tweet('floodnews', '8001', 'The market this morning, under water', AI) +
      tweet('reposter', '8002', 'Flooded market, shared again', TAMPERED) +
      tweet('photoclub', '8003', 'A gradient I made with a script', GRADIENT) +
      tweet('someone', '8004', 'Lunch', PLAIN) +
      '</main>',
  },
});

/** The picture and its one-bit copy look the same: both badged by the debunk's fingerprint. */
export const VERDICTS = ['false', 'false', null, null];
export const LINES = {
  ai:
    'Content Credentials valid, signed by C2PA Signer, C2PA Test Signing Cert (on no trust list Sanad knows). ' +
    'AI-generated: an action says a trained model created it.',
  tampered: 'Content Credentials present but INVALID: the picture was changed after signing. What they claim cannot be relied on.',
  gradient:
    'Content Credentials valid, signed by C2PA Signer, C2PA Test Signing Cert (on no trust list Sanad knows). ' +
    'Created by an algorithm, not a trained model.',
  heading: 'Content Credentials (C2PA) of images on this page',
};

/** What the popup should list: status, state, source kind (only for valid ones), line, under the page's section. */
export const EXPECTED_LINES = [
  ['8001', 'valid', 'ai-generated', LINES.ai, false],
  ['8002', 'invalid', '', LINES.tampered, false],
  ['8003', 'valid', 'algorithmic', LINES.gradient, true],
];

/** What each badged post's panel says under its match line: state, source kind (valid only), text. */
export const PANEL_HEADING = 'Content Credentials (C2PA) of this post’s images';
export const PANEL_LINES = [[['valid', 'ai-generated', LINES.ai]], [['invalid', '', LINES.tampered]]];

/** Each credentials line of the popup: post status, state, source kind, text; and the page section's heading. */
export function popupCredentials() {
  return {
    lines: [...document.querySelectorAll('.post')]
      .flatMap((post) =>
        [...post.querySelectorAll('.post-credentials li')].map((li) => [
          /(\d+)$/.exec(post.getAttribute('data-post') ?? '')?.[1] ?? post.getAttribute('data-post'),
          li.getAttribute('data-c2pa-state'),
          li.getAttribute('data-c2pa-source'),
          (li as HTMLElement).innerText.trim(),
          !!li.closest('.page-credentials'),
        ]),
      )
      .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    heading: (document.querySelector('.page-credentials h2') as HTMLElement | null)?.innerText ?? null,
  };
}
