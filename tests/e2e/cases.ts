/**
 * The E2E cases shared by both browsers: which saved page, which posts on it, the verdict each must get, what
 * the popup and the badge panel must say, the feed and the submission scenarios. Chromium's tests (playwright-core,
 * the other *.e2e.ts files) and Firefox's (firefox.e2e.ts, WebDriver BiDi) read these, so both browsers are held
 * to the same answers.
 */

export interface SavedPageCase {
  name: string;
  url: string;
  /** The posts on the page, in page order. */
  posts: string;
  /** Each post's badge verdict (null: no badge). */
  verdicts: (string | null)[];
  /** Badges on the whole page, when more than the posts' (a watch page's own title). */
  badges?: number;
  /** Text the popup for this page must show. */
  popup?: string[];
}

export const SAVED_PAGE_CASES: SavedPageCase[] = [
  {
    name: 'x.com home timeline',
    url: 'https://x.com/home',
    posts: 'article[data-testid="tweet"]',
    verdicts: [
      'altered', // Arabic paraphrase of the AI-video claim, spelled differently
      null, // true news: withdrawal from Sheikh Maqsoud
      'altered', // the debunked post itself (same status id)
      null, // true news: defections
      'misleading', // the 2019 Hama video re-shared as an Aleppo escape
      null, // true news in English: ceasefire announced
      'altered', // links to the debunked YouTube video through t.co
      null, // true news: truce denied
      null, // a denial of the AI-video claim: it only mentions the claim
      null, // Misbar sharing its own debunk of the AI-video claim
    ],
    popup: [
      '4 debunked posts on this page',
      'AI-generated',
      'Lip movement does not match the speech',
      'Blurry, smeared scenes',
      'First published in July 2019, Hama countryside',
      'Fact-check by Misbar',
      'Matched: the same video or post the fact-check names',
    ],
  },
  {
    name: 'x.com status page',
    url: 'https://x.com/halab_alaan/status/2009512270941053184',
    posts: 'article[data-testid="tweet"]',
    verdicts: ['altered', null],
  },
  {
    name: 'youtube.com watch page side list',
    url: 'https://www.youtube.com/watch?v=hK9fL2xQw0E',
    posts: '#secondary yt-lockup-view-model',
    verdicts: ['altered', null, null, null],
    badges: 2, // and the watch page's own title: 'misleading'
    popup: ['First published in July 2019, Hama countryside', 'Matched: the same video or post the fact-check names'],
  },
  {
    name: 'facebook.com feed',
    url: 'https://www.facebook.com/',
    posts: '[role="feed"] [aria-posinset]',
    verdicts: ['misleading', null, 'altered', null, null],
    popup: ['2 debunked posts on this page', 'Matched: the same video or post the fact-check names'],
  },
  {
    name: 'facebook.com post page',
    url: 'https://www.facebook.com/HalabNews24/posts/pfbid0b7Wq1nZkT5sYhLrMm2',
    posts: '[data-ad-rendering-role="profile_name"]',
    verdicts: ['altered'],
  },
  {
    name: 'tiktok.com For You',
    url: 'https://www.tiktok.com/foryou',
    posts: '[data-e2e="recommend-list-item-container"]',
    verdicts: ['misleading', null, null, null],
  },
  {
    name: 'tiktok.com video page',
    url: 'https://www.tiktok.com/@halab.alaan/video/7443369450568227555',
    posts: '#main-content-video_detail',
    verdicts: ['altered'],
  },
  { name: 'instagram.com feed', url: 'https://www.instagram.com/', posts: 'main article', verdicts: [null, 'altered', null] },
  {
    name: 'Telegram Web K',
    url: 'https://web.telegram.org/k/#@syria_now',
    posts: '.bubble[data-mid]',
    verdicts: ['misleading', null, null],
  },
  {
    name: 'Telegram Web A',
    url: 'https://web.telegram.org/a/#@syria_now',
    posts: '.Message[data-message-id]',
    verdicts: ['altered', null, 'misleading'],
  },
];

export const caseFor = (url: string): SavedPageCase => {
  const found = SAVED_PAGE_CASES.find((c) => c.url === url);
  if (!found) throw new Error(`no shared case for ${url}`);
  return found;
};

/** Runs in the page: each post's badge verdict (null: no badge), in page order. */
export const verdictsIn = (postSelector: string): (string | null)[] =>
  [...document.querySelectorAll(postSelector)].map((p) => p.querySelector('[data-sanad-badge]')?.getAttribute('data-sanad-badge') ?? null);

/** The number of badges a case expects. */
export const badgeCount = (c: SavedPageCase) => c.badges ?? c.verdicts.filter(Boolean).length;

/** The first badge on the x.com home timeline: its accessible name and what its panel says. */
export const X_FIRST_BADGE = {
  host: 'article[data-testid="tweet"] [data-testid="User-Name"] [data-sanad-badge]',
  button: 'button.sanad-badge',
  panel: '.sanad-panel',
  // The Arabic paraphrase of the AI-video claim: a similar claim, said so, with the desk's name.
  label: 'AI-generated · Misbar. Sanad: Similar claim fact-checked. Show why',
  text: 'AI-generated · Misbar',
  panelText: [
    'Similar claim fact-checked',
    'Lip movement does not match the speech',
    'Read the fact-check',
    'Matched: the post makes this claim in similar words',
  ],
};

/** A desk's signed feed with one debunk, and a page with a post only that debunk covers. */
export const FEED_CASE = {
  url: 'https://desk.example.org/sanad-feed.json',
  publisher: 'Desk Example',
  claim: 'A video shows a tank convoy crossing the Euphrates bridge at Raqqa this morning',
  line: 'Desk Example: 1 fact-check,',
  pageUrl: 'https://x.com/feeds',
  page: `<!doctype html><main><article data-testid="tweet"><div data-testid="User-Name"><a href="/someone/status/7001"><time datetime="2026-11-24T09:00:00Z">Nov 24</time></a></div><div data-testid="tweetText" lang="en">BREAKING video: tank convoy crossing the Euphrates bridge at Raqqa this morning!!</div></article></main>`,
  item: (id: string, claimReviewed: string, rating = 'False') => ({
    '@type': 'ClaimReview',
    identifier: id,
    claimReviewed,
    reviewRating: { alternateName: rating },
    author: { name: 'Desk Example' },
    url: `https://desk.example.org/${id}`,
  }),
};

/** A claim submitted from the popup of the x.com home timeline, through the outbox to the intake service. */
export const SUBMISSION_CASE = {
  pageUrl: 'https://x.com/home',
  claim: 'Video shows a tank convoy crossing the Euphrates bridge at Raqqa this morning',
  category: 'Old footage shown as new',
  categoryValue: 'old-footage',
  note: 'The same convoy was filmed in 2017.',
};
