/**
 * Property-based tests (fast-check) of everything that reads outside input: the Sanad feed parser and its
 * signature check, ClaimReview import, the intake submission schema, the site rules pack check and the posts
 * content scripts send. The
 * same properties run twice: a few hundred cases each with a fixed seed in the unit suite
 * (tests/unit/fuzz-properties.test.ts), and ≥ 100,000 cases in total with `npm run fuzz` (tests/fuzz/run.ts).
 */
import fc from 'fast-check';
import { claimReviewToDebunk, importClaimReviews } from '@/lib/debunk/claimreview';
import { REASON_KINDS, type Debunk } from '@/lib/debunk/types';
import { canonicalJson } from '@/lib/feeds/canonical-json';
import { parseFeedJson, parseSanadFeed } from '@/lib/feeds/sanad-feed';
import { generateFeedKeys, signFeed, verifyFeed } from '@/lib/feeds/signature';
import { checkSubmission, SUBMISSION_LIMITS } from '@/lib/intake/submission';
import { POST_LIMITS, sanitisePosts } from '@/lib/messaging/sanitise-posts';
import { BUNDLED_RULES } from '@/lib/site-rules/bundled';
import { checkRulesPack, checkSiteRules, parseRulesPack, RULES_PACK_FORMAT } from '@/lib/site-rules/check';
import { CONTROL_CHARACTERS, isObject } from '@/lib/untrusted/read';
import { feed, item } from '@/tests/unit/support/feeds';

/** The seed of the unit suite: the same cases on every run and machine. */
export const FIXED_SEED = 16_016;

export interface FuzzProperty {
  name: string;
  /** Cases in the unit suite (keeps `npm run test:unit` quick). */
  unitRuns: number;
  /** Cases under `npm run fuzz`. */
  fuzzRuns: number;
  /** Built lazily: some properties need a key pair or a signed feed first. */
  build: () => Promise<fc.IRawProperty<[unknown, ...unknown[]]>>;
}

// Keys that turn a careless lookup (`obj[key]`, `in`, a prototype walk) into a function or a polluted prototype.
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'then', 'toJSON'];
const CLAIMREVIEW_KEYS = [
  '@type',
  'identifier',
  'claimReviewed',
  'reviewRating',
  'author',
  'publisher',
  'url',
  'description',
  'reviewBody',
  'headline',
  'inLanguage',
  'reasons',
  'mediaAuthenticityCategory',
  'itemReviewed',
  'datePublished',
  'keywords',
  'image',
  'fingerprints',
];

/** Links a feed or a page may carry that must never become clickable. */
const BAD_LINKS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:x',
  'data:text/html,<b>x</b>',
  'file:///etc/passwd',
  '//x.example',
  '',
];
/** Mostly a good value, sometimes a hostile one: the mix that finds a check that lets one field through. */
const mostly = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<unknown>) =>
  fc.oneof({ arbitrary: good, weight: 5 }, { arbitrary: bad, weight: 1 });
const link = (bad: fc.Arbitrary<unknown>) => mostly(fc.webUrl(), fc.oneof(fc.constantFrom(...BAD_LINKS), bad));

const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...HOSTILE_KEYS, ...REASON_KINDS, 'ClaimReview', 'javascript:alert(1)', 'https://x.example/\u0000', ''),
    fc.jsonValue({ maxDepth: 2 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...HOSTILE_KEYS, ...CLAIMREVIEW_KEYS, 'kind', 'note', 'name', 'alternateName', 'code'), tie('value'), {
      maxKeys: 5,
    }),
  ),
})).value;

/** A ClaimReview-shaped item whose fields are hostile values, or any value at all. */
const hostileItem: fc.Arbitrary<unknown> = fc.oneof(
  fc.dictionary(fc.constantFrom(...CLAIMREVIEW_KEYS, ...HOSTILE_KEYS), hostileValue, { maxKeys: 8 }),
  fc
    .record(
      {
        reasons: hostileValue,
        mediaAuthenticityCategory: hostileValue,
        '@type': hostileValue,
        url: link(hostileValue),
        image: link(hostileValue),
        author: fc.record({ name: fc.string(), url: link(hostileValue) }),
        itemReviewed: fc.record({ appearance: fc.array(fc.record({ url: link(hostileValue) }), { maxLength: 3 }) }),
      },
      { requiredKeys: [] },
    )
    .map((fields) => ({ ...item('x'), ...fields })),
  hostileValue,
);

/** JSON text as JSON.parse reads it: `"__proto__"` keys become own properties, as from a real feed. */
const asParsedJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value) ?? 'null');

/** What the popup, the badge panel and IndexedDB rely on in every debunk that comes out of a list. */
function assertShownSafely(debunk: Debunk): void {
  structuredClone(debunk);
  if (typeof debunk.id !== 'string' || !debunk.id) throw new Error('debunk without an id');
  if (typeof debunk.claim !== 'string' || !debunk.claim) throw new Error('debunk without a claim');
  if (typeof debunk.publisher?.name !== 'string') throw new Error('publisher name is not text');
  for (const reason of debunk.reasons) {
    if (!isObject(reason) || !REASON_KINDS.includes(reason.kind)) throw new Error(`reason not shown: ${JSON.stringify(reason)}`);
    if ('note' in reason && reason.note !== undefined && typeof reason.note !== 'string') throw new Error('reason note is not text');
  }
  for (const link of [debunk.reviewUrl, debunk.image, debunk.publisher.url, ...debunk.appearances]) {
    if (link !== undefined && !/^https?:\/\//.test(link)) throw new Error(`link not http(s): ${link}`);
  }
  for (const [key, value] of Object.entries(debunk)) {
    if (typeof value === 'function') throw new Error(`function in ${key}`);
  }
}

/** Object.prototype stays as it was: no input may add to it. */
export function assertPrototypeClean(): void {
  const probe: Record<string, unknown> = {};
  for (const key of [...HOSTILE_KEYS, 'polluted', 'kind', 'id', 'claim']) {
    if (key in probe && !Object.prototype.hasOwnProperty.call(Object.prototype, key)) throw new Error(`Object.prototype gained ${key}`);
  }
  if (Object.keys(Object.prototype).length) throw new Error('Object.prototype gained enumerable keys');
}

export interface SignedFixture {
  publicKey: string;
  body: string;
  bytes: Uint8Array;
  canonical: string;
}

let signedFixture: Promise<SignedFixture> | undefined;
/** One key pair and one signed feed, shared by the signature properties. */
export function signed(): Promise<SignedFixture> {
  signedFixture ??= (async () => {
    const keys = await generateFeedKeys();
    const doc = await signFeed(
      feed({ items: [item('a'), item('b', 'ادعاء كاذب'), item('c')], tombstones: [{ id: 'old', withdrawn: '2026-11-01' }], sequence: 7 }),
      keys.privateKeyPkcs8,
      keys.publicKey,
    );
    const { signature: _signature, ...rest } = doc;
    const body = JSON.stringify(doc);
    return { publicKey: keys.publicKey, body, bytes: new TextEncoder().encode(body), canonical: canonicalJson(rest) };
  })();
  return signedFixture;
}

/** Parses and verifies a feed body as the sync does; the content it would accept, or undefined. */
export async function acceptedContent(body: string, publicKey: string): Promise<string | undefined> {
  const json = parseFeedJson(body);
  if (!json.ok || !isObject(json.doc)) return undefined;
  const check = parseSanadFeed(body, 'feed:fuzz');
  const signature = await verifyFeed(json.doc, publicKey, async () => {});
  if (!check.ok || !signature.ok) return undefined;
  const { signature: _signature, ...rest } = json.doc;
  return canonicalJson(rest);
}

/** Nested arrays or objects `depth` deep, as JSON text (built as text: a value that deep would overflow a stack). */
export const nestedJson = (depth: number, kind: 'array' | 'object'): string =>
  kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

export const FUZZ_PROPERTIES: FuzzProperty[] = [
  {
    name: 'feed parser: any text is a feed or a reason, never a throw',
    unitRuns: 300,
    fuzzRuns: 15_000,
    build: async () =>
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.json({ maxDepth: 4 }),
          fc.jsonValue({ maxDepth: 3 }).map((extra) => JSON.stringify(feed({ items: [item('a'), extra] }))),
        ),
        (body) => {
          const result = parseSanadFeed(body, 'feed:fuzz');
          if (!result.ok && !(typeof result.reason === 'string' && result.reason)) throw new Error('refused without a reason');
          if (result.ok) result.debunks.forEach(assertShownSafely);
        },
      ),
  },
  {
    name: 'feed parser: structurally fuzzed feeds keep their good items or are refused with a reason',
    unitRuns: 200,
    fuzzRuns: 15_000,
    build: async () =>
      fc.property(
        fc.record(
          { publisher: hostileValue, generated: hostileValue, tombstones: hostileValue, cursor: hostileValue, sequence: hostileValue },
          { requiredKeys: [] },
        ),
        (overrides) => {
          const result = parseSanadFeed(JSON.stringify(asParsedJson(feed(overrides))), 'feed:fuzz');
          if (!result.ok && !result.reason) throw new Error('refused without a reason');
          if (result.ok) result.debunks.forEach(assertShownSafely);
          assertPrototypeClean();
        },
      ),
  },
  {
    name: 'feed verifier: a byte-mutated signed feed is never accepted with changed content',
    unitRuns: 300,
    fuzzRuns: 25_000,
    build: async () => {
      const fixture = await signed();
      return fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat(fixture.bytes.length - 1), byte: fc.integer({ min: 0, max: 255 }) }), {
          minLength: 1,
          maxLength: 3,
        }),
        async (mutations) => {
          const bytes = fixture.bytes.slice();
          for (const { at, byte } of mutations) bytes[at] = byte;
          const accepted = await acceptedContent(new TextDecoder().decode(bytes), fixture.publicKey);
          if (accepted !== undefined && accepted !== fixture.canonical) throw new Error('a changed feed passed its signature check');
        },
      );
    },
  },
  {
    name: 'feed verifier: every truncation of a signed feed is refused',
    unitRuns: 200,
    fuzzRuns: 10_000,
    build: async () => {
      const fixture = await signed();
      return fc.asyncProperty(fc.nat(fixture.body.length - 1), async (length) => {
        if ((await acceptedContent(fixture.body.slice(0, length), fixture.publicKey)) !== undefined)
          throw new Error(`a feed cut at ${length} was accepted`);
      });
    },
  },
  {
    name: 'feed verifier: __proto__ and hostile keys added to a signed feed are refused cleanly',
    unitRuns: 200,
    fuzzRuns: 10_000,
    build: async () => {
      const fixture = await signed();
      return fc.asyncProperty(
        fc.constantFrom(...HOSTILE_KEYS),
        fc.jsonValue({ maxDepth: 2 }),
        fc.constantFrom('top', 'publisher', 'item', 'signature'),
        async (key, value, where) => {
          const doc = JSON.parse(fixture.body) as Record<string, unknown> & { items: Record<string, unknown>[] };
          const target = where === 'top' ? doc : where === 'item' ? doc.items[1] : (doc[where] as Record<string, unknown>);
          Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
          const accepted = await acceptedContent(JSON.stringify(doc), fixture.publicKey);
          if (accepted !== undefined && accepted !== fixture.canonical) throw new Error(`"${key}" in ${where} passed the signature check`);
          assertPrototypeClean();
        },
      );
    },
  },
  {
    name: 'feed verifier: deep nesting is refused cleanly',
    unitRuns: 30,
    fuzzRuns: 1_000,
    build: async () => {
      const fixture = await signed();
      const maxDepth = process.env.SANAD_FUZZ_DEEP ? 1_000_000 : 20_000;
      return fc.asyncProperty(
        fc.integer({ min: 1, max: maxDepth }),
        fc.constantFrom<'array' | 'object'>('array', 'object'),
        fc.constantFrom('"items":[', '"publisher":', '"tombstones":[', '"signature":'),
        async (depth, kind, at) => {
          const body = fixture.body.replace(at, `${at}${nestedJson(depth, kind)},`);
          const accepted = await acceptedContent(body, fixture.publicKey);
          if (accepted !== undefined && accepted !== fixture.canonical) throw new Error(`nesting ${depth} deep passed the signature check`);
          // Unsigned, the same bodies are parsed or refused, but never throw.
          parseSanadFeed(body, 'feed:fuzz');
          importClaimReviews(`[${nestedJson(depth, kind)}]`, 'file:fuzz');
        },
      );
    },
  },
  {
    name: 'ClaimReview import: hostile items are skipped with a reason, good ones survive',
    unitRuns: 200,
    fuzzRuns: 15_000,
    build: async () =>
      fc.property(
        fc.array(hostileItem, { maxLength: 6 }),
        fc.integer({ min: 1, max: 8 }),
        fc.nat(),
        fc.constantFrom<'array' | 'lines' | 'graph' | 'feed'>('array', 'lines', 'graph', 'feed'),
        (hostile, goodCount, shuffle, layout) => {
          const good = Array.from({ length: goodCount }, (_, i) => item(`sanad-fuzz-good-${i}`));
          const items = [...good];
          hostile.forEach((h, i) => items.splice((shuffle + i * 7) % (items.length + 1), 0, h as never));
          const parsed = asParsedJson(items) as unknown[];
          const ids = (debunks: Debunk[]) => new Set(debunks.map((d) => d.id));
          let debunks: Debunk[];
          if (layout === 'feed') {
            // A signed feed is all-or-nothing above 10 % bad items: give it enough good ones to stay below.
            const padded = [...parsed, ...Array.from({ length: 10 * hostile.length }, (_, i) => item(`sanad-fuzz-pad-${i}`))];
            const result = parseSanadFeed(JSON.stringify(feed({ items: padded })), 'feed:fuzz');
            if (!result.ok) throw new Error(`feed refused for few bad items: ${result.reason}`);
            if (result.skipped.some((s) => !s.reason)) throw new Error('skipped without a reason');
            debunks = result.debunks;
          } else {
            const body =
              layout === 'array'
                ? JSON.stringify(parsed)
                : layout === 'graph'
                  ? JSON.stringify({ '@context': 'https://schema.org', '@graph': parsed })
                  : parsed.map((p) => JSON.stringify(p) ?? 'null').join('\n');
            const report = importClaimReviews(body, 'file:fuzz');
            if (report.skipped.some((s) => typeof s.reason !== 'string' || !s.reason)) throw new Error('skipped without a reason');
            if (report.debunks.length + report.skipped.length > report.total + good.length) throw new Error('counts do not add up');
            debunks = report.debunks;
          }
          debunks.forEach(assertShownSafely);
          const kept = ids(debunks);
          for (const g of good) if (!kept.has(g.identifier)) throw new Error(`good item ${g.identifier} lost`);
          for (const h of hostile) {
            const one = claimReviewToDebunk(asParsedJson(h), 'file:fuzz');
            if (!one.ok && !one.reason) throw new Error('an item skipped without a reason');
          }
          assertPrototypeClean();
        },
      ),
  },
  {
    name: 'ClaimReview import: any text is imported or reported, never a throw',
    unitRuns: 300,
    fuzzRuns: 10_000,
    build: async () =>
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.json({ maxDepth: 4 })), (body) => {
        const report = importClaimReviews(body, 'file:fuzz');
        report.debunks.forEach(assertShownSafely);
        if (report.debunks.length === 0 && report.total > 0 && report.skipped.length === 0) throw new Error('items vanished unreported');
      }),
  },
  {
    name: 'submission schema: any body is accepted within bounds or refused with reasons',
    unitRuns: 300,
    fuzzRuns: 15_000,
    build: async () => {
      const text = mostly(fc.string({ unit: 'binary', maxLength: 60 }), hostileValue);
      return fc.property(
        mostly(
          fc.record(
            {
              idempotencyKey: mostly(fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/), text),
              kind: mostly(fc.constantFrom('claim', 'flag'), text),
              category: mostly(fc.constantFrom('ai-generated', 'old-footage', 'false-claim', 'other'), text),
              note: text,
              post: mostly(
                fc.record(
                  {
                    pageUrl: link(hostileValue),
                    permalink: link(hostileValue),
                    text,
                    author: text,
                    time: mostly(
                      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
                      text,
                    ),
                    links: mostly(fc.array(link(hostileValue), { maxLength: 25 }), hostileValue),
                    media: mostly(
                      fc.array(
                        fc.record(
                          { kind: mostly(fc.constantFrom('video', 'image'), text), url: link(hostileValue), poster: link(hostileValue) },
                          { requiredKeys: ['kind'] },
                        ),
                        { maxLength: 12 },
                      ),
                      hostileValue,
                    ),
                  },
                  { requiredKeys: ['pageUrl'] },
                ),
                hostileValue,
              ),
            },
            { requiredKeys: ['idempotencyKey', 'kind', 'category', 'post'] },
          ),
          hostileValue,
        ),
        (body) => {
          const result = checkSubmission(asParsedJson(body));
          if (!result.ok) {
            if (!result.errors.length || result.errors.some((e) => typeof e !== 'string' || !e)) throw new Error('refused without reasons');
            return;
          }
          const { value } = result;
          structuredClone(value);
          const texts = [value.note, value.post.text, value.post.author].filter((t): t is string => t !== undefined);
          if (texts.some((t) => new RegExp(CONTROL_CHARACTERS.source).test(t))) throw new Error('control character accepted');
          if (value.post.text.length > SUBMISSION_LIMITS.text || (value.note?.length ?? 0) > SUBMISSION_LIMITS.note)
            throw new Error('text over limit');
          const urls = [
            value.post.pageUrl,
            value.post.permalink,
            ...value.post.links,
            ...value.post.media.flatMap((m) => [m.url, m.poster]),
          ];
          for (const u of urls) if (u !== undefined && !/^https?:\/\//.test(u)) throw new Error(`non-http(s) URL accepted: ${u}`);
          if (value.post.links.length > SUBMISSION_LIMITS.links || value.post.media.length > SUBMISSION_LIMITS.media)
            throw new Error('list over limit');
        },
      );
    },
  },
  {
    name: 'site rules pack check: any pack or mutated bundled pack is accepted whole or refused with a reason, never a throw',
    unitRuns: 300,
    fuzzRuns: 15_000,
    build: async () => {
      const good = { format: RULES_PACK_FORMAT, version: 2, generated: '2026-12-01T00:00:00.000Z', sites: Object.values(BUNDLED_RULES) };
      const goodText = JSON.stringify(good);
      const hostileRule = fc.oneof(
        hostileValue,
        // Objects that break a careless String(value) or template literal when named in a refusal.
        fc.constantFrom<unknown>({ toString: 1 }, { valueOf: {}, toString: [] }, [{ toString: 'x' }], { constructor: 'x' }),
        fc.constantFrom('(a+)+$', '(a|a)*b', '\\1(x)', '[', ':has(', 'a'.repeat(600), '*', '', '  ', 'div >', '::-webkit-x', 'x{}'),
        fc.string({ unit: 'binary', maxLength: 80 }),
      );
      // A path into the bundled pack (site, section, field, entry) and what replaces the value there.
      const mutation = fc.record({
        site: fc.nat({ max: 7 }),
        section: mostly(
          fc.constantFrom('selectors', 'attributes', 'patterns', 'notes'),
          fc.constantFrom('version', 'site', ...HOSTILE_KEYS),
        ),
        field: fc.nat({ max: 12 }),
        entry: fc.nat({ max: 3 }),
        value: hostileRule,
        whole: fc.boolean(),
      });
      return fc.property(
        fc.oneof(
          { arbitrary: fc.array(mutation, { minLength: 1, maxLength: 4 }), weight: 4 },
          { arbitrary: hostileValue, weight: 1 },
          { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }).map((cut) => goodText.slice(0, cut.length * 80) + cut), weight: 1 },
        ),
        (input) => {
          let doc: unknown;
          if (typeof input === 'string') {
            const parsed = parseRulesPack(input);
            if (!parsed.ok) return;
            doc = parsed.doc;
          } else if (Array.isArray(input) && input.every((m) => isObject(m) && 'section' in m && 'whole' in m)) {
            const pack = JSON.parse(goodText) as { sites: Record<string, unknown>[] } & Record<string, unknown>;
            // Copies of the values go in: fast-check shares constants between cases, and the pack is mutated in place.
            for (const m of input as { site: number; section: string; field: number; entry: number; value: unknown; whole: boolean }[]) {
              const site = pack.sites[m.site % pack.sites.length]!;
              const section = site[m.section];
              if (!isObject(section) || m.whole) site[m.section] = asParsedJson(m.value);
              else {
                const names = Object.keys(section);
                const name = names[m.field % names.length]!;
                const field = section[name];
                if (Array.isArray(field) && !m.whole) field[m.entry % (field.length + 1)] = asParsedJson(m.value);
                else section[name] = asParsedJson(m.value);
              }
            }
            doc = asParsedJson(pack);
          } else doc = asParsedJson(input);
          const checked = checkRulesPack(doc);
          if (!checked.ok) {
            if (typeof checked.reason !== 'string' || !checked.reason) throw new Error('refused without a reason');
            return;
          }
          // Accepted: every site's rules pass the content script's second check and survive storage.
          structuredClone(checked.pack);
          for (const rules of checked.pack.sites) {
            const again = checkSiteRules(asParsedJson(rules));
            if (!again.ok) throw new Error(`accepted pack's ${rules.site} rules refused on the second check: ${again.reason}`);
          }
        },
      );
    },
  },
  {
    name: 'posts from content scripts: anything is bounded to plain http(s) posts, or refused as not a list',
    unitRuns: 300,
    fuzzRuns: 15_000,
    build: async () =>
      fc.property(
        fc.oneof(
          hostileValue,
          fc.array(
            fc.oneof(
              hostileValue,
              fc.record(
                {
                  key: fc.oneof(fc.string({ maxLength: 400 }), hostileValue),
                  text: fc.oneof(fc.string({ unit: 'binary', maxLength: 100 }), hostileValue),
                  links: fc.oneof(
                    fc.array(fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'data:,x')), { maxLength: 45 }),
                    hostileValue,
                  ),
                  media: fc.oneof(
                    fc.array(fc.record({ kind: fc.constantFrom('video', 'image', '__proto__'), url: fc.webUrl() }), { maxLength: 22 }),
                    hostileValue,
                  ),
                  permalink: fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'JaVaScRiPt:x', ' javascript:x'), hostileValue),
                  author: hostileValue,
                  time: hostileValue,
                },
                { requiredKeys: [] },
              ),
            ),
            { maxLength: 8 },
          ),
        ),
        (input) => {
          const parsed = asParsedJson(input);
          let posts;
          try {
            posts = sanitisePosts(parsed);
          } catch (error) {
            if (!Array.isArray(parsed) && error instanceof Error && error.message === 'posts must be an array') return;
            throw error;
          }
          structuredClone(posts);
          if (posts.length > POST_LIMITS.posts) throw new Error('too many posts');
          for (const post of posts) {
            if (typeof post.key !== 'string' || !post.key || post.key.length > POST_LIMITS.key) throw new Error('bad key');
            if (typeof post.text !== 'string' || post.text.length > POST_LIMITS.text) throw new Error('bad text');
            if (post.links.length > POST_LIMITS.links || post.media.length > POST_LIMITS.media) throw new Error('list over limit');
            const urls = [post.permalink, ...post.links, ...post.media.flatMap((m) => [m.url, m.poster])];
            for (const u of urls) if (u !== undefined && !/^https?:\/\//.test(u)) throw new Error(`non-http(s) link passed: ${u}`);
            for (const m of post.media) if (m.kind !== 'video' && m.kind !== 'image') throw new Error('bad media kind');
          }
        },
      ),
  },
];

/** Runs one property; the numbers it tried, and the failure in fast-check's words when there is one. */
export async function runFuzzProperty(
  property: FuzzProperty,
  numRuns: number,
  seed: number,
): Promise<{ numRuns: number; seed: number; failure?: string }> {
  const details = await fc.check(await property.build(), { numRuns, seed });
  return { numRuns: details.numRuns, seed: details.seed, ...(details.failed && { failure: fc.defaultReportMessage(details) ?? 'failed' }) };
}
