/**
 * A desk attaching frame hashes of a file it holds to a submission, from the console: the JSON `npm run media
 * -- hash` prints, pasted or uploaded as a file (multipart), checked, size-capped and CSRF-protected like the
 * console's other forms. The console then finds debunks of that footage, and a published item carries it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reviewerSession } from '../scripts/support/intake';
import { createApp } from './app';
import { DESK_MEDIA_LIMITS, readDeskMedia } from './desk-media';
import { openSqliteStore } from './open-store';
import type { IntakeStore } from './store';

const CLIP = '9f3c61d2a4b87e05c1d2f3a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8';
const frame = (t: number, hash = CLIP) => ({ t, hash, quality: 88, pdq: hash, pdqQuality: 90, upright: hash, centre: hash });
/** What `npm run media -- hash` prints for a clip (one JSON line). */
const printed = (frames = [frame(0), frame(0.1)]) =>
  JSON.stringify({ file: '/home/desk/clips/convoy.mp4', kind: 'video', frames, frameRate: 25 });

describe('readDeskMedia', () => {
  it('reads what `npm run media -- hash` prints, keeping the file name but not its path', () => {
    const read = readDeskMedia(printed());
    expect(read).toEqual({
      ok: true,
      value: {
        kind: 'video',
        deskFile: 'convoy.mp4',
        frames: [
          { t: 0, hash: CLIP, quality: 88, pdq: CLIP, pdqQuality: 90 },
          { t: 0.1, hash: CLIP, quality: 88, pdq: CLIP, pdqQuality: 90 },
        ],
      },
    });
    const noName = JSON.stringify({ kind: 'image', frames: [frame(0)] });
    expect(readDeskMedia(noName, 'C:\\desk\\photo.json').ok && readDeskMedia(noName, 'C:\\desk\\photo.json')).toMatchObject({
      value: { deskFile: 'photo.json' },
    });
  });

  it.each([
    ['nothing', '', /paste the JSON/],
    ['not JSON', '{"kind": "video", frames', /not JSON/],
    ['a list', '[]', /expected \{"file", "kind", "frames"\}/],
    ['another kind', JSON.stringify({ kind: 'audio', frames: [frame(0)] }), /^kind: video or image$/],
    ['a bad hash', JSON.stringify({ kind: 'video', frames: [{ hash: 'zz', quality: 80 }] }), /^frames\[0\]: \{hash/],
    ['no frames', JSON.stringify({ kind: 'video', frames: [] }), /^frames: at least one frame$/],
    [
      'too many frames',
      JSON.stringify({ kind: 'video', frames: Array.from({ length: DESK_MEDIA_LIMITS.frames + 1 }, (_, i) => frame(i)) }),
      /^frames: a list of at most 1000 frames$/,
    ],
  ])('refuses %s, naming the field', (_, text, error) => {
    const read = readDeskMedia(text);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.errors.join('; ')).toMatch(error);
  });
});

describe('POST /review/:id/media', () => {
  let dir: string;
  let store: IntakeStore;
  let server: ServerType;
  let base: string;
  let session: { cookie: string; csrf: string };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sanad-desk-media-'));
    store = await openSqliteStore(join(dir, 'intake.sqlite'));
    const partner = join(dir, 'partner.json');
    writeFileSync(
      partner,
      JSON.stringify([
        {
          '@type': 'ClaimReview',
          identifier: 'partner-convoy',
          url: 'https://partner.example/fc/convoy',
          claimReviewed: 'Footage shows a tank convoy entering the city last night',
          author: { '@type': 'Organization', name: 'Partner Checks' },
          reviewRating: { '@type': 'Rating', alternateName: 'False' },
          fingerprints: [{ kind: 'video', frames: [{ t: 0, hash: CLIP, quality: 90 }] }],
        },
      ]),
    );
    const app = createApp({
      store,
      desk: { name: 'Test desk', url: 'https://desk.example' },
      imports: [{ name: 'partner', location: partner }],
    });
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await store.addReviewer('Lina', 'x'.repeat(64));
    session = await reviewerSession(store, 'Lina');
  });
  afterEach(async () => {
    (server as unknown as { closeAllConnections(): void }).closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A volunteer's submission with no frames: a post whose video the extension could not hash. */
  const submit = async () => {
    const outcome = await store.insert(
      {
        idempotencyKey: 'k1',
        kind: 'claim',
        category: 'old-footage',
        post: {
          pageUrl: 'https://x.com/home',
          permalink: 'https://x.com/a/status/1',
          text: 'Convoy in the city right now',
          links: [],
          media: [],
        },
      },
      'volunteer',
    );
    return (outcome as { id: number }).id;
  };
  const upload = (id: number, fields: Record<string, string | Blob>, headers: Record<string, string> = {}) => {
    const body = new FormData();
    for (const [name, value] of Object.entries({ csrf: session.csrf, ...fields })) body.append(name, value);
    return fetch(`${base}/review/${id}/media?lang=en`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: session.cookie, origin: base, 'sec-fetch-site': 'same-origin', ...headers },
      body,
    });
  };
  const page = async () => (await fetch(`${base}/review?lang=en`, { headers: { cookie: session.cookie } })).text();

  it('attaches an uploaded fingerprint file: the card shows it, with the debunk of that footage, and the audit log records it', async () => {
    const id = await submit();
    expect(await page()).not.toContain('Partner Checks');
    const response = await upload(id, { fingerprint: '', file: new File([printed()], 'convoy.json', { type: 'application/json' }) });
    expect(response.status).toBe(303);
    expect((await store.get(id))!.post.media).toEqual([
      expect.objectContaining({ kind: 'video', deskFile: 'convoy.mp4', frames: expect.any(Array) }),
    ]);
    const html = await page();
    expect(html).toContain('Frame hashes: 2 · the desk’s file <bdi>convoy.mp4</bdi>');
    expect(html).toMatch(/Closest existing debunks.*tank convoy entering the city.*Partner Checks · same footage/s);
    expect((await store.audit({ submissionId: id }))[0]).toMatchObject({
      reviewer: 'Lina',
      action: 'media',
      detail: '2 frames · convoy.mp4',
    });
  });

  it('attaches pasted hashes to a published item: the feed carries them under a new sequence number', async () => {
    const id = await submit();
    await store.decide(id, 'verified', { reviewer: 'Lina', reviewedAt: new Date().toISOString(), verdict: 'false', claim: 'Convoy' });
    const before = await store.publicationSeq();
    expect((await upload(id, { fingerprint: printed([frame(0)]) })).status).toBe(303);
    expect(await store.publicationSeq()).toBe(before + 1);
    const feed = (await (await fetch(`${base}/feed.json`)).json()) as { items: { fingerprints?: unknown }[] };
    expect(feed.items[0]!.fingerprints).toEqual([{ kind: 'video', frames: [expect.objectContaining({ hash: CLIP })] }]);
  });

  it('refuses a bad fingerprint naming the field, and a submission that was rejected', async () => {
    const id = await submit();
    const bad = await upload(id, { fingerprint: JSON.stringify({ kind: 'video', frames: [{ hash: 'nope', quality: 1 }] }) });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('frames[0]: {hash: 64 lower-case hex digits, quality: 0–100}');
    await store.decide(id, 'rejected', { reviewer: 'Lina', reviewedAt: new Date().toISOString() });
    expect((await upload(id, { fingerprint: printed() })).status).toBe(404);
    expect((await store.get(id))!.post.media).toEqual([]);
  });

  it('refuses a cross-site post, a post without the form token, and a body over the cap', async () => {
    const id = await submit();
    expect((await upload(id, { fingerprint: printed() }, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).status).toBe(
      403,
    );
    expect((await upload(id, { fingerprint: printed(), csrf: 'forged' })).status).toBe(403);
    const huge = 'x'.repeat(DESK_MEDIA_LIMITS.bodyBytes + 1);
    expect((await upload(id, { fingerprint: huge })).status).toBe(413);
    expect((await store.get(id))!.post.media).toEqual([]);
  });
});
