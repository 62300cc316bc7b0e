/**
 * The fact-checker's media tools for one video or image: keyframes sampled from the video as it plays in its
 * tab, a reverse image search hand-off that opens only on a click and says what it sends, the Content
 * Credentials (C2PA) the official SDK reads from the image or a file the person picks, and "Flag for my desk"
 * with the keyframes' fingerprints. Page text is shown as text only.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage, sendToTab } from '@/lib/messaging/channel';
import { verdictLine, type VerifiedCredentials } from '@/lib/media/c2pa-verified';
import { ENGINE_NAMES, ENGINES, handOff, type Engine } from '@/lib/media/reverse-search';
import { hashFrame } from '@/lib/media/video';
import { fromBase64 } from '@/lib/text/base64';
import type { KeyframesDto } from '@/lib/wire/shapes';

export interface MediaToolsProps {
  tabId: number | null;
  kind: 'video' | 'image';
  src: string | undefined;
  pageUrl: string | undefined;
  verify: (blob: Blob, name: string) => Promise<VerifiedCredentials>;
}

type Chosen = { label: string; url?: string; image: string };

const KEYFRAME_TEXT: Record<KeyframesDto['state'], string> = {
  'no-video': 'No video was found under the right-click in that tab.',
  waiting: 'Play the video in its tab: Sanad samples its frames as it plays (nothing is downloaded) and keeps one per scene.',
  sampling: 'Sampling as the video plays; a new scene adds a keyframe.',
  full: 'The strip is full.',
  unreadable:
    'This video’s frames cannot be read: the site serves it from another origin without allowing its pixels to be read (cross-origin), so the browser blocks drawing them. Sanad does not download the file; take a screenshot instead.',
};

export function MediaToolsApp({ tabId, kind, src, pageUrl, verify }: MediaToolsProps) {
  const [frames, setFrames] = useState<KeyframesDto | null>(null);
  const [tabGone, setTabGone] = useState(false);
  const [chosen, setChosen] = useState<Chosen | null>(kind === 'image' && src ? { label: 'the image', url: src, image: src } : null);
  const [credentials, setCredentials] = useState<{ name: string; c: VerifiedCredentials | null }[]>([]);
  const [problem, setProblem] = useState('');

  useEffect(() => {
    if (kind !== 'video' || tabId === null) return;
    let stop = false;
    const poll = async () => {
      try {
        const answer = await sendToTab(tabId, 'keyframes', {});
        if (!stop) setFrames(answer);
        if (answer.state === 'unreadable' || answer.state === 'full' || answer.state === 'no-video') return;
      } catch {
        if (!stop) setTabGone(true);
        return;
      }
      if (!stop) setTimeout(() => void poll(), 1000);
    };
    void poll();
    return () => void (stop = true);
  }, [tabId, kind]);

  const check = async (name: string, blob: () => Promise<Blob>) => {
    setCredentials((list) => [...list.filter((x) => x.name !== name), { name, c: null }]);
    const c = await verify(await blob(), name);
    setCredentials((list) => list.map((x) => (x.name === name ? { name, c } : x)));
  };
  useEffect(() => {
    // The image the person opened the tools on: fetched once from where the page loaded it.
    if (kind === 'image' && src)
      void check(src, async () => {
        const r = await fetch(src, { credentials: 'omit' });
        if (!r.ok) throw new Error(`the image’s host answered ${r.status}`);
        return r.blob();
      }).catch((e: unknown) => setProblem(String(e)));
  }, [kind, src]);

  const flag = async () => {
    const kept = frames?.keyframes ?? [];
    const hashed = kept.map((k) => hashFrame(Float32Array.from(fromBase64(k.frame.luma)), k.frame.width, k.frame.height, k.t));
    const media = [{ kind, ...(src && { url: src }), ...(hashed.length && { frames: hashed }) }];
    const screenshot = chosen?.image.startsWith('data:') ? chosen.image : kept[0]?.image;
    try {
      const { id } = await sendMessage('mediaDraft', {
        kind: 'flag',
        post: { pageUrl: pageUrl ?? '', text: '', links: [], media },
        ...(screenshot && { screenshot }),
      });
      location.href = browser.runtime.getURL(`/submit.html?draft=${id}` as '/');
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <main class="media-tools">
      <h1>Media tools</h1>
      <p class="hint">
        {kind === 'video' ? 'Video' : 'Image'} {src ? <code>{src}</code> : '(no public address)'}{' '}
        {pageUrl && (
          <>
            on <code>{pageUrl}</code>
          </>
        )}
      </p>

      {kind === 'video' && (
        <section aria-labelledby="kf-h">
          <h2 id="kf-h">Keyframes</h2>
          <p class="keyframes-state" data-state={tabGone ? 'gone' : (frames?.state ?? 'waiting')}>
            {tabGone
              ? 'The video’s tab was closed or reloaded: open the tools again from the video.'
              : KEYFRAME_TEXT[frames?.state ?? 'waiting']}
          </p>
          <ol class="keyframes">
            {(frames?.keyframes ?? []).map((k) => (
              <li key={k.t} class="keyframe">
                <img src={k.image} alt={`Keyframe at ${k.t.toFixed(1)} s`} width={160} />
                <span>{k.t.toFixed(1)} s</span>
                <a href={k.image} download={`keyframe-${k.t.toFixed(1)}s.jpg`}>
                  Save
                </a>
                <button type="button" onClick={() => setChosen({ label: `the keyframe at ${k.t.toFixed(1)} s`, image: k.image })}>
                  Reverse search this frame
                </button>
              </li>
            ))}
          </ol>
        </section>
      )}

      <section aria-labelledby="rs-h" class="reverse-search">
        <h2 id="rs-h">Reverse image search</h2>
        {!chosen ? (
          <p>Choose a keyframe to search for.</p>
        ) : (
          <>
            <p>Searching for {chosen.label}.</p>
            <ul class="engines">
              {ENGINES.map((engine: Engine) => {
                const h = handOff(engine, chosen.url);
                return (
                  <li key={engine} data-engine={engine}>
                    <button type="button" onClick={() => void browser.tabs.create({ url: h.open })}>
                      {h.kind === 'url' ? `Search ${ENGINE_NAMES[engine]}` : `Open ${ENGINE_NAMES[engine]} to upload`}
                    </button>{' '}
                    <span class="sends">{h.explain}</span>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="cc-h">
        <h2 id="cc-h">Content Credentials (C2PA)</h2>
        <label>
          Check a file’s Content Credentials{' '}
          <input
            type="file"
            name="c2pa-file"
            accept="image/*,video/mp4,video/quicktime"
            multiple
            onChange={(e) => {
              for (const file of Array.from((e.currentTarget as HTMLInputElement).files ?? [])) void check(file.name, async () => file);
            }}
          />
        </label>
        <ul class="credentials">
          {credentials.map(({ name, c }) => (
            <li
              key={name}
              data-c2pa-state={c?.state ?? 'checking'}
              data-c2pa-source={c?.sourceKind ?? ''}
              class={`c2pa c2pa-${c?.state ?? 'checking'}`}
            >
              <strong>{name.split('/').pop()}</strong>: {c ? verdictLine(c) : 'reading…'}
              {c && c.state !== 'none' && c.state !== 'unreadable' && (
                <dl>
                  <dt>Claim generator</dt>
                  <dd>{c.claimGenerator ?? 'not named'}</dd>
                  <dt>Signer</dt>
                  <dd>
                    {[c.signer?.commonName, c.signer?.issuer].filter(Boolean).join(', ') || 'not named'}
                    {c.signerTrusted ? ' (trusted)' : ' (not on a trust list)'}
                  </dd>
                  <dt>Signature</dt>
                  <dd>{c.signatureValid ? 'validates' : 'does not validate'}</dd>
                  <dt>Hashes of the content</dt>
                  <dd>{c.hashesValid === null ? 'not checked' : c.hashesValid ? 'match' : 'do not match: changed after signing'}</dd>
                  <dt>Actions</dt>
                  <dd>
                    {c.actions
                      .map((a) => `${a.action}${a.digitalSourceType ? ` (${a.digitalSourceType.split('/').pop()})` : ''}`)
                      .join('; ') || 'none'}
                  </dd>
                  {c.failures.length > 0 && (
                    <>
                      <dt>Failures</dt>
                      <dd>{c.failures.map((f) => f.code).join(', ')}</dd>
                    </>
                  )}
                </dl>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section>
        <button type="button" class="primary" onClick={() => void flag()}>
          Flag for my desk with this media’s fingerprint
        </button>
        {problem && <p role="alert">{problem}</p>}
      </section>
    </main>
  );
}
