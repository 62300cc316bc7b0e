/**
 * The intake service: receives submissions from extensions, lets reviewers triage them in the desk console,
 * and publishes the verified ones in the desk's signed Sanad feed.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { checkSubmission, SUBMISSION_LIMITS } from '../lib/intake/submission';
import { checkWrongMatchReport, WRONG_MATCH_LIMITS } from '../lib/intake/wrong-match-report';
import { readTrimmed } from '../lib/untrusted/read';
import { previewCard } from './card-preview';
import { readPublication, type FormFields } from './decision-form';
import { buildDeskFeed, deskKeys, type Desk } from './desk-feed';
import { DESK_MEDIA_LIMITS, readDeskMedia } from './desk-media';
import { DeskDebunks, SubmissionGrouper, type ImportedList } from './desk-matcher';
import { RateLimiter } from './rate-limit';
import { clientAddress, crossSiteRefusal, randomId, sameToken, SESSION_COOKIE, sha256 } from './review-auth';
import {
  auditPage,
  consoleLanguage,
  consolePage,
  loginPage,
  messagePage,
  PREVIEW_SCRIPT,
  previewFragment,
  REVIEW_CSP,
  type ConsoleLanguage,
  type ConsoleView,
} from './review-page';
import { SUBMISSION_STATUSES, type IntakeStore, type Session, type SubmissionStatus } from './store';
import { isReportSecret, isStatusSecret, reportSecret, STATUS_SECRET_HEADER, statusSecret, volunteerStatus } from './volunteer-status';

export { hashToken } from './review-auth';

export interface AppOptions {
  store: IntakeStore;
  desk: Desk;
  /** Submissions per minute per client address + client id, and the burst allowed. */
  rate?: { perMinute: number; burst: number };
  /** Submissions per minute per client address, whatever ids it sends. */
  addressRate?: { perMinute: number; burst: number };
  /** The origin reviewers' browsers see (`https://desk.example` behind a TLS proxy); default: the request's. */
  publicOrigin?: string;
  /** Behind a proxy: take the client address from the last X-Forwarded-For hop. */
  trustProxy?: boolean;
  sessionHours?: number;
  /** Time zone for dates in the console. */
  timeZone?: string;
  /** Lists of debunks the desk imports, to compare submissions with beside its own feed. */
  imports?: ImportedList[];
}

const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[A-Za-z0-9._-]+$/;
export const PAGE_SIZE = 50;
/** Other members of a submission's group shown on its card. */
const GROUP_SHOWN = 5;
const GROUPING_WAIT_MS = 100;
/** Ungrouped submissions few enough for a page to wait for their placement (a few ms each). */
const GROUPING_WAIT_ROWS = 10;
const FEED_CACHE_ENTRIES = 32;

type Env = { Variables: { session: Session & { idHash: string }; lang: ConsoleLanguage } };

export function createApp({
  store,
  desk,
  rate = { perMinute: 120, burst: 60 },
  addressRate = { perMinute: 300, burst: 120 },
  publicOrigin,
  trustProxy = false,
  sessionHours = 12,
  timeZone = 'UTC',
  imports = [],
}: AppOptions): Hono<Env> & { stop(): Promise<void> } {
  const app = new Hono<Env>();
  const debunks = new DeskDebunks(store, desk, imports);
  const grouper = new SubmissionGrouper(store);
  // The key volunteers' status secrets are derived from: made once per database, the same for every instance.
  let statusKey: Promise<string> | undefined;
  const statusKeyOf = () => (statusKey ??= store.metaOrInit('statusKey', randomId()));
  const perClient = new RateLimiter(rate.perMinute, rate.burst);
  const perAddress = new RateLimiter(addressRate.perMinute, addressRate.burst);
  const originOf = (c: Context) => publicOrigin ?? new URL(c.req.url).origin;
  const secure = (c: Context) => originOf(c).startsWith('https:');
  const addressOf = (c: Context) => {
    const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
    return clientAddress(incoming?.socket?.remoteAddress, c.req.header('x-forwarded-for'), trustProxy);
  };
  // Idempotency keys and reports are scoped to the client that sent them: its id, or its address when it sends none.
  const clientScope = (c: Context) => (c.req.header('x-sanad-client') ?? '').slice(0, 64) || addressOf(c);
  /** The request's JSON body, or undefined when it is not JSON (the caller answers 400). */
  const jsonBody = async (c: Context): Promise<{ raw: unknown } | undefined> => {
    try {
      return { raw: JSON.parse(await c.req.text()) as unknown };
    } catch {
      return undefined;
    }
  };

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
      c.header('Access-Control-Allow-Methods', 'GET, POST, DELETE, OPTIONS');
      c.header('Access-Control-Allow-Headers', `content-type, x-sanad-client, ${STATUS_SECRET_HEADER}`);
      c.header('Access-Control-Max-Age', '600');
      return c.body(null, 204);
    }
    await next();
  });

  const tooLarge = (c: Context) => c.json({ error: `body larger than ${SUBMISSION_LIMITS.bodyBytes} bytes` }, 413);
  // Submissions and wrong-match reports share the limits: one client, one budget.
  const limited = async (c: Context, next: () => Promise<void>) => {
    // The address is what a client cannot choose; its own id only narrows the bucket within that address.
    const address = addressOf(c);
    const id = (c.req.header('x-sanad-client') ?? '').slice(0, 64);
    for (const [limiter, key] of [
      [perAddress, address],
      [perClient, `${address} ${id}`],
    ] as const) {
      const allowed = limiter.take(key);
      if (!allowed.ok) {
        c.header('Retry-After', String(allowed.retryAfter));
        return c.json({ error: `too many submissions from this client; retry in ${allowed.retryAfter} s` }, 429);
      }
    }
    if (!(c.req.header('content-type') ?? '').startsWith('application/json'))
      return c.json({ error: 'send JSON (content-type: application/json)' }, 415);
    await next();
  };
  app.post(
    '/v1/submissions',
    limited,
    // Counted while it streams in (chunked bodies too): an oversized body is refused without being held.
    bodyLimit({ maxSize: SUBMISSION_LIMITS.bodyBytes, onError: tooLarge }),
    async (c) => {
      const body = await jsonBody(c);
      if (!body) return c.json({ error: 'body is not valid JSON' }, 400);
      const checked = checkSubmission(body.raw);
      if (!checked.ok) return c.json({ error: `invalid submission: ${checked.errors.join('; ')}`, details: checked.errors }, 400);
      const scope = clientScope(c);
      const outcome = await store.insert(checked.value, scope);
      if ('conflict' in outcome)
        return c.json({ error: 'this idempotency key was already used for another submission: send it with a new key' }, 409);
      // Grouped in the background: the answer does not wait for the matcher.
      if (outcome.created) {
        grouper.arrived();
        void grouper.place(outcome.id).catch(() => {});
      }
      const secret = statusSecret(await statusKeyOf(), outcome.id);
      return c.json(
        { id: outcome.id, status: outcome.created ? 'received' : 'already received', statusSecret: secret },
        outcome.created ? 201 : 200,
      );
    },
  );

  // A reader's "wrong match" report about one of this desk's debunks, sent only when they ticked "Also tell
  // the desk". It names the feed item, a reason and the post; the answer's secret lets the reader undo it.
  app.post(
    '/v1/wrong-matches',
    limited,
    bodyLimit({
      maxSize: WRONG_MATCH_LIMITS.bodyBytes,
      onError: (c) => c.json({ error: `body larger than ${WRONG_MATCH_LIMITS.bodyBytes} bytes` }, 413),
    }),
    async (c) => {
      const body = await jsonBody(c);
      if (!body) return c.json({ error: 'body is not valid JSON' }, 400);
      const checked = checkWrongMatchReport(body.raw);
      if (!checked.ok) return c.json({ error: `invalid report: ${checked.errors.join('; ')}`, details: checked.errors }, 400);
      const published = /^intake-(\d{1,15})$/.exec(checked.value.debunkId);
      const submission = published ? await store.get(Number(published[1])) : undefined;
      if (!submission || submission.status !== 'verified') return c.json({ error: 'this desk publishes no debunk with that id' }, 404);
      const scope = clientScope(c);
      const { id, created } = await store.addWrongMatch(checked.value, scope, submission.id, new Date().toISOString());
      return c.json({ id, withdrawSecret: reportSecret(await statusKeyOf(), id) }, created ? 201 : 200);
    },
  );
  // Undo in the extension: the report is deleted, given its id and secret.
  app.delete('/v1/wrong-matches/:id', async (c) => {
    const id = Number(c.req.param('id'));
    const ok = Number.isSafeInteger(id) && id > 0 && isReportSecret(await statusKeyOf(), id, c.req.header(STATUS_SECRET_HEADER));
    if (!ok || !(await store.withdrawWrongMatch(id))) return c.json({ error: 'no report with that id and secret' }, 404);
    return c.body(null, 204);
  });

  // A volunteer asking what became of their submission: its id and secret, nothing else about them. An unknown
  // id and a wrong secret get the same answer, so the endpoint does not tell which ids exist.
  app.get('/v1/submissions/:id/status', async (c) => {
    const id = Number(c.req.param('id'));
    const known = Number.isSafeInteger(id) && id > 0 && isStatusSecret(await statusKeyOf(), id, c.req.header(STATUS_SECRET_HEADER));
    const submission = known ? await store.get(id) : undefined;
    c.header('Cache-Control', 'no-store');
    if (!submission) return c.json({ error: 'no submission with that id and secret' }, 404);
    return c.json(volunteerStatus(submission, desk.url));
  });

  // The feed changes only when the publication counter moves: it is built and signed once per counter value
  // (and address and cursor), and a conditional request is answered from the counter alone.
  const feedCache = new Map<string, { etag: string; body: string }>();
  app.get('/feed.json', async (c) => {
    const address = new URL(c.req.url);
    address.search = '';
    const since = c.req.query('since');
    const seq = await store.publicationSeq();
    const key = `${address.href}\n${since ?? ''}`;
    const etag = `"${seq}-${sha256(key).slice(0, 16)}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'no-cache');
    c.header('Access-Control-Allow-Origin', '*');
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    let cached = feedCache.get(key);
    if (cached?.etag !== etag) {
      const feed = await buildDeskFeed(store, desk, address.href, since);
      // Built from the counter read above or a later one: label it with what it holds.
      const built = `"${String(feed.sequence)}-${sha256(key).slice(0, 16)}"`;
      cached = { etag: built, body: JSON.stringify(feed) };
      feedCache.delete(key);
      feedCache.set(key, cached);
      if (feedCache.size > FEED_CACHE_ENTRIES) feedCache.delete(feedCache.keys().next().value!);
      c.header('ETag', built);
    }
    return c.body(cached.body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });

  app.get('/feed-key', async (c) => c.text((await deskKeys(store)).publicKey));

  // The console: pages under a CSP with no script, never framed, never leaking their address to links.
  app.use('/review', consoleHeaders);
  app.use('/review/*', consoleHeaders);
  async function consoleHeaders(c: Context<Env>, next: () => Promise<void>) {
    c.header('Content-Security-Policy', REVIEW_CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    // Same-origin requests keep their Origin (a form post's `Origin: null` under no-referrer was refused).
    c.header('Referrer-Policy', 'same-origin');
    c.header('Cache-Control', 'no-store');
    c.set('lang', consoleLanguage(c.req.query('lang'), c.req.header('accept-language')));
    await next();
  }

  const sessionOf = async (c: Context<Env>) => {
    const id = getCookie(c, SESSION_COOKIE);
    if (!id) return undefined;
    const idHash = sha256(id);
    const session = await store.session(idHash, new Date().toISOString());
    return session && { ...session, idHash };
  };
  // Every post to the console: from its own origin only, with a form of bounded size.
  const formPost = async (c: Context<Env>, next: () => Promise<void>) => {
    const refusal = crossSiteRefusal({ secFetchSite: c.req.header('sec-fetch-site'), origin: c.req.header('origin') }, originOf(c));
    if (refusal) return c.text(refusal, 403);
    await next();
  };
  const formLimit = bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.text('form too large', 413) });

  const consoleView = async (c: Context<Env>, draft?: ConsoleView['draft']) => {
    const lang = c.get('lang');
    const session = await sessionOf(c);
    // A token in the address does not log in (a cross-site link could otherwise log a browser in).
    if (!session) return c.html(loginPage(lang, c.req.query('token') ? 'token-in-link' : undefined), 401);
    const status = (SUBMISSION_STATUSES as readonly string[]).includes(c.req.query('status') ?? '')
      ? (c.req.query('status') as SubmissionStatus)
      : undefined;
    const search = readTrimmed(c.req.query('q'), 200);
    // A no-script preview shows the page from that submission on, as a decision does.
    const beforeParam = draft ? draft.id + 1 : Number(c.req.query('before'));
    const before = Number.isInteger(beforeParam) && beforeParam > 0 ? beforeParam : undefined;
    const grouped = c.req.query('status') === 'duplicates';
    // Submissions are placed in their groups in the background. With only a few left to place the page waits
    // for them a little, never longer; with a backlog it does not wait (those rows show "grouping…").
    await grouper.settle(await store.maxId(), GROUPING_WAIT_ROWS, GROUPING_WAIT_MS);
    const [page, counts] = await Promise.all([
      store.list({ status, search, grouped, before, limit: PAGE_SIZE + 1 }),
      store.countByStatus(search),
    ]);
    const submissions = page.slice(0, PAGE_SIZE);
    const [closest, groups] = await Promise.all([
      debunks.closest(submissions),
      store.groupMembers(
        submissions.flatMap((s) => (s.group ? [s.group.id] : [])),
        GROUP_SHOWN + 1,
      ),
    ]);
    // Listed to a reviewer: its volunteer now sees "in review".
    await store.markOpened(
      submissions.filter((s) => s.status === 'pending' && !s.openedAt).map((s) => s.id),
      new Date().toISOString(),
    );
    const [audits, wrongMatches] = await Promise.all([
      store.auditOf(submissions.filter((s) => s.review).map((s) => s.id)),
      store.wrongMatchesOf(submissions.filter((s) => s.status === 'verified' || s.status === 'withdrawn').map((s) => s.id)),
    ]);
    return c.html(
      consolePage({
        lang,
        timeZone,
        reviewer: session.reviewer,
        csrf: session.csrf,
        desk,
        submissions,
        audits,
        wrongMatches,
        counts,
        closest,
        groups,
        filter: { status: grouped ? 'duplicates' : status, search, before },
        next: page.length > PAGE_SIZE ? submissions.at(-1)!.id : undefined,
        ...(draft && { draft }),
      }),
    );
  };
  // Grouping holds back while a page is served.
  app.get('/review', (c) => grouper.serving(() => consoleView(c)));

  app.post('/review/login', formPost, formLimit, async (c) => {
    const lang = c.get('lang');
    const form = await c.req.parseBody({ all: true });
    const token = typeof form.token === 'string' ? form.token.trim() : '';
    const reviewer = token ? await store.reviewerByTokenHash(sha256(token)) : undefined;
    if (!reviewer) return c.html(loginPage(lang, 'wrong-token'), 401);
    const id = randomId();
    const expiresAt = new Date(Date.now() + sessionHours * 3_600_000).toISOString();
    await store.createSession(sha256(id), { reviewer, csrf: randomId(), expiresAt });
    await store.record({ at: new Date().toISOString(), reviewer, action: 'login' });
    setCookie(c, SESSION_COOKIE, id, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/review',
      secure: secure(c),
      maxAge: sessionHours * 3600,
    });
    return c.redirect('/review', 303);
  });

  // Below: a live session is needed, and posts carry its token.
  const reviewerOnly = async (c: Context<Env>, next: () => Promise<void>) => {
    const session = await sessionOf(c);
    if (!session) return c.html(loginPage(c.get('lang')), 401);
    c.set('session', session);
    if (c.req.method === 'POST') {
      const form = await c.req.parseBody({ all: true });
      if (!sameToken(form.csrf, session.csrf)) return c.text('the form is stale or not from this console: reload the page', 403);
    }
    await next();
  };

  app.get('/review/preview.js', (c) =>
    c.body(PREVIEW_SCRIPT, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' }),
  );

  // The reader's card for a decision being filled in: a fragment for the page's script, or without script the
  // whole page again, that form keeping what was typed.
  app.post('/review/:id/preview', formPost, formLimit, reviewerOnly, async (c) => {
    const form = (await c.req.parseBody({ all: true })) as FormFields;
    const id = Number(c.req.param('id'));
    const submission = Number.isInteger(id) ? await store.get(id) : undefined;
    if (!submission) return refuse(c, 'no such submission', 404);
    const preview = previewCard(submission, form, desk, c.get('lang'));
    if (form.fragment === '1') return c.html(previewFragment(preview, c.get('lang')));
    return grouper.serving(() => consoleView(c, { id, fields: form, preview }));
  });

  app.post('/review/logout', formPost, formLimit, reviewerOnly, async (c) => {
    const session = c.get('session');
    await store.endSession(session.idHash);
    await store.record({ at: new Date().toISOString(), reviewer: session.reviewer, action: 'logout' });
    deleteCookie(c, SESSION_COOKIE, { path: '/review', secure: secure(c) });
    return c.redirect('/review', 303);
  });

  app.get('/review/audit', reviewerOnly, async (c) => c.html(auditPage(c.get('lang'), timeZone, await store.audit({ limit: 500 }))));

  app.get('/review/:id/screenshot', reviewerOnly, async (c) => {
    const data = await store.screenshot(Number(c.req.param('id')));
    const match = data && /^data:(image\/(?:png|jpeg));base64,(.+)$/.exec(data);
    if (!match) return c.text('no screenshot', 404);
    return c.body(Buffer.from(match[2]!, 'base64'), 200, { 'Content-Type': match[1]! });
  });

  // After a decision: the list from that submission on, so the reviewer sees what it became.
  const back = (c: Context<Env>, id: number) => c.redirect(`/review?lang=${c.get('lang')}&before=${id + 1}#s${id}`, 303);
  const refuse = (c: Context<Env>, message: string, status: 400 | 404 = 400) => c.html(messagePage(c.get('lang'), message), status);

  app.post('/review/:id', formPost, formLimit, reviewerOnly, async (c) => {
    const form = (await c.req.parseBody({ all: true })) as FormFields;
    const id = Number(c.req.param('id'));
    if (!Number.isInteger(id)) return refuse(c, 'no such submission', 404);
    const reviewer = c.get('session').reviewer;
    const reviewedAt = new Date().toISOString();
    if (form.decision === 'reject') {
      const rejection = typeof form.rejection === 'string' ? readTrimmed(form.rejection, 500) : undefined;
      const changed = await store.decide(id, 'rejected', { reviewer, reviewedAt, ...(rejection && { rejection }) });
      return changed ? back(c, id) : refuse(c, 'no pending submission with that id', 404);
    }
    if (form.decision !== 'verify') return refuse(c, 'decision must be verify or reject');
    const publication = readPublication(form, desk.url);
    if (!publication.ok) return refuse(c, publication.error);
    const changed = await store.decide(id, 'verified', { reviewer, reviewedAt, ...publication.value });
    return changed ? back(c, id) : refuse(c, 'no pending submission with that id', 404);
  });

  // "Add as another appearance of debunk X": the published item X gains this submission's post and media.
  app.post('/review/:id/appearance', formPost, formLimit, reviewerOnly, async (c) => {
    const form = (await c.req.parseBody({ all: true })) as FormFields;
    const id = Number(c.req.param('id'));
    const target = Number(typeof form.debunk === 'string' ? form.debunk : NaN);
    if (!Number.isInteger(id) || !Number.isInteger(target)) return refuse(c, 'debunk: the published submission to add this to', 400);
    const added = await store.addAppearance(id, target, c.get('session').reviewer, new Date().toISOString());
    return added ? back(c, id) : refuse(c, 'no pending submission with that id, or no published item with that debunk id', 404);
  });

  // Frame hashes of a file the desk holds (`npm run media -- hash` output, pasted or as a file): the console then
  // finds debunks of that footage, and the published item carries them.
  const mediaLimit = bodyLimit({ maxSize: DESK_MEDIA_LIMITS.bodyBytes, onError: (c) => c.text('fingerprint too large', 413) });
  app.post('/review/:id/media', formPost, mediaLimit, reviewerOnly, async (c) => {
    const form = await c.req.parseBody({ all: true });
    const id = Number(c.req.param('id'));
    if (!Number.isInteger(id)) return refuse(c, 'no such submission', 404);
    const file = form.file instanceof File && form.file.size ? form.file : undefined;
    const pasted = typeof form.fingerprint === 'string' ? form.fingerprint : '';
    const read = readDeskMedia(pasted.trim() ? pasted : file ? await file.text() : '', file?.name);
    if (!read.ok) return refuse(c, read.errors.join('; '));
    const attached = await store.attachMedia(id, read.value, c.get('session').reviewer, new Date().toISOString(), SUBMISSION_LIMITS.media);
    if (!attached) return refuse(c, `no pending or published submission with that id and fewer than ${SUBMISSION_LIMITS.media} media`, 404);
    debunks.forget(id);
    // Placed when it arrived, without these hashes: placed again with them (in the background, like arrivals).
    void grouper.regroup(id).catch(() => {});
    return back(c, id);
  });

  // A published item corrected (new content, published again) or withdrawn (a tombstone from then on).
  app.post('/review/:id/amend', formPost, formLimit, reviewerOnly, async (c) => {
    const form = (await c.req.parseBody({ all: true })) as FormFields;
    const id = Number(c.req.param('id'));
    const current = Number.isInteger(id) ? await store.get(id) : undefined;
    if (!current || current.status !== 'verified' || !current.review) return refuse(c, 'no published submission with that id', 404);
    const by = c.get('session').reviewer;
    const at = new Date().toISOString();
    const note = typeof form.note === 'string' ? readTrimmed(form.note, 500) : undefined;
    if (form.action === 'withdraw') {
      if (!note) return refuse(c, 'note: say why it is withdrawn');
      const review = { ...current.review, changed: { by, at, action: 'withdrawn' as const, note } };
      return (await store.amend(id, 'withdrawn', review)) ? back(c, id) : refuse(c, 'no published submission with that id', 404);
    }
    if (form.action !== 'correct') return refuse(c, 'action must be correct or withdraw');
    const publication = readPublication(form, desk.url);
    if (!publication.ok) return refuse(c, publication.error);
    const review = {
      reviewer: current.review.reviewer,
      reviewedAt: current.review.reviewedAt,
      ...publication.value,
      changed: { by, at, action: 'corrected' as const, ...(note && { note }) },
    };
    return (await store.amend(id, 'corrected', review)) ? back(c, id) : refuse(c, 'no published submission with that id', 404);
  });

  // Before the store closes: grouping must not run queries on a closed connection.
  return Object.assign(app, { stop: () => grouper.stop() });
}
