/**
 * The intake service: receives submissions from extensions, lets reviewers triage them, and publishes the
 * verified ones in the desk's signed Sanad feed.
 */
import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { VERDICTS, type Verdict } from '../lib/debunk/types';
import { checkSubmission, SUBMISSION_LIMITS } from '../lib/intake/submission';
import { MAX_URL_LENGTH, readHttpUrl, readTrimmed } from '../lib/untrusted/read';
import { buildDeskFeed, deskKeys, type Desk } from './desk-feed';
import { RateLimiter } from './rate-limit';
import { REVIEW_CSP, reviewPage } from './review-page';
import type { IntakeStore } from './store';

export interface AppOptions {
  store: IntakeStore;
  desk: Desk;
  /** Submissions per minute per client, and the burst allowed. */
  rate?: { perMinute: number; burst: number };
}

const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[A-Za-z0-9._-]+$/;
const REVIEW_COOKIE = 'sanad_review';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function createApp({ store, desk, rate = { perMinute: 120, burst: 60 } }: AppOptions): Hono {
  const app = new Hono();
  const limiter = new RateLimiter(rate.perMinute, rate.burst);

  app.onError((error, c) => {
    console.error('intake error:', error);
    return c.json({ error: 'internal error' }, 500);
  });

  // Only extensions may call the intake from a browser; tools without an Origin (curl, the load test) may too.
  app.use('/v1/*', async (c, next) => {
    const origin = c.req.header('origin');
    if (origin && !EXTENSION_ORIGIN.test(origin)) return c.json({ error: `origin ${origin} is not an extension` }, 403);
    if (origin) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Vary', 'Origin');
    }
    if (c.req.method === 'OPTIONS') {
      c.header('Access-Control-Allow-Methods', 'POST, OPTIONS');
      c.header('Access-Control-Allow-Headers', 'content-type, x-sanad-client');
      c.header('Access-Control-Max-Age', '600');
      return c.body(null, 204);
    }
    await next();
  });

  app.post('/v1/submissions', async (c) => {
    const client = (c.req.header('x-sanad-client') ?? '').slice(0, 64) || clientAddress(c);
    const allowed = limiter.take(client);
    if (!allowed.ok) {
      c.header('Retry-After', String(allowed.retryAfter));
      return c.json({ error: `too many submissions from this client; retry in ${allowed.retryAfter} s` }, 429);
    }
    if (!(c.req.header('content-type') ?? '').startsWith('application/json'))
      return c.json({ error: 'send JSON (content-type: application/json)' }, 415);
    const declared = Number(c.req.header('content-length') ?? 0);
    if (declared > SUBMISSION_LIMITS.bodyBytes) return c.json({ error: `body larger than ${SUBMISSION_LIMITS.bodyBytes} bytes` }, 413);
    const body = await c.req.text();
    if (Buffer.byteLength(body) > SUBMISSION_LIMITS.bodyBytes)
      return c.json({ error: `body larger than ${SUBMISSION_LIMITS.bodyBytes} bytes` }, 413);
    let raw: unknown;
    try {
      raw = JSON.parse(body);
    } catch {
      return c.json({ error: 'body is not valid JSON' }, 400);
    }
    const checked = checkSubmission(raw);
    if (!checked.ok) return c.json({ error: `invalid submission: ${checked.errors.join('; ')}`, details: checked.errors }, 400);
    const { id, created } = await store.insert(checked.value, client);
    return c.json({ id, status: created ? 'received' : 'already received' }, created ? 201 : 200);
  });

  app.get('/feed.json', async (c) => {
    const address = new URL(c.req.url);
    address.search = '';
    const feed = await buildDeskFeed(store, desk, address.href, c.req.query('since'));
    const { generated: _generated, signature: _signature, ...content } = feed;
    const etag = `"${createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 32)}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'no-cache');
    c.header('Access-Control-Allow-Origin', '*');
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    return c.json(feed);
  });

  app.get('/feed-key', async (c) => c.text((await deskKeys(store)).publicKey));

  // Reviewers: a token (given once by `npm run server -- add-reviewer NAME`) opens a session cookie.
  const reviewer = (c: Context): Promise<string | undefined> => {
    const token = c.req.query('token') ?? getCookie(c, REVIEW_COOKIE);
    return token ? store.reviewerByTokenHash(hashToken(token)) : Promise.resolve(undefined);
  };
  app.use('/review/*', async (c, next) => {
    c.header('Content-Security-Policy', REVIEW_CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    await next();
  });
  app.get('/review', async (c) => {
    c.header('Content-Security-Policy', REVIEW_CSP);
    const name = await reviewer(c);
    if (!name) return c.text('Reviewers only: open the link with your token (?token=…).', 401);
    const token = c.req.query('token');
    if (token) {
      setCookie(c, REVIEW_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Strict',
        path: '/review',
        secure: new URL(c.req.url).protocol === 'https:',
      });
      return c.redirect('/review', 303);
    }
    return c.html(reviewPage(name, await store.list(undefined, 500)));
  });
  app.get('/review/:id/screenshot', async (c) => {
    if (!(await reviewer(c))) return c.text('Reviewers only', 401);
    const data = await store.screenshot(Number(c.req.param('id')));
    const match = data && /^data:(image\/(?:png|jpeg));base64,(.+)$/.exec(data);
    if (!match) return c.text('no screenshot', 404);
    return c.body(Buffer.from(match[2]!, 'base64'), 200, { 'Content-Type': match[1]! });
  });
  app.post('/review/:id', async (c) => {
    const name = await reviewer(c);
    if (!name) return c.text('Reviewers only', 401);
    // Same-site forms only (the cookie is SameSite=Strict; this refuses other origins outright).
    const origin = c.req.header('origin');
    if (origin && origin !== new URL(c.req.url).origin) return c.text('cross-site form refused', 403);
    const form = await c.req.parseBody();
    const id = Number(c.req.param('id'));
    const decision = form.decision === 'verify' ? 'verified' : form.decision === 'reject' ? 'rejected' : null;
    if (!decision || !Number.isInteger(id)) return c.text('decision must be verify or reject', 400);
    const verdict = typeof form.verdict === 'string' && VERDICTS.includes(form.verdict as Verdict) ? (form.verdict as Verdict) : undefined;
    if (decision === 'verified' && !verdict) return c.text('a verified claim needs a verdict', 400);
    const field = (v: unknown, max: number) => readTrimmed(v, max);
    const factCheckField = field(form.factCheckUrl, MAX_URL_LENGTH);
    const factCheckUrl = readHttpUrl(factCheckField);
    if (factCheckField && !factCheckUrl) return c.text('the fact-check URL must be http(s)', 400);
    const changed = await store.decide(id, decision, {
      reviewer: name,
      reviewedAt: new Date().toISOString(),
      ...(verdict && decision === 'verified' && { verdict }),
      ...(field(form.claim, 2000) && { claim: field(form.claim, 2000) }),
      ...(field(form.conclusion, 2000) && { conclusion: field(form.conclusion, 2000) }),
      ...(factCheckUrl && { factCheckUrl }),
    });
    if (!changed) return c.text('no pending submission with that id', 404);
    return c.redirect(`/review#s${id}`, 303);
  });

  return app;
}

function clientAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}
