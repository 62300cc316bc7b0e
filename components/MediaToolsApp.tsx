/**
 * The fact-checker's media tools for one video or image: keyframes sampled from the video as it plays in its
 * tab, a reverse image search hand-off that opens only on a click and says what it sends, the Content
 * Credentials (C2PA) the official SDK reads from the image or a file the person picks, and "Flag for my desk"
 * with the keyframes' fingerprints. Page text is shown as text only.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage, sendToTab } from '@/lib/messaging/channel';
import type { VerifiedCredentials } from '@/lib/media/c2pa-verified';
import { ENGINES, handOff, type Engine } from '@/lib/media/reverse-search';
import { t, uiLocale, type MessageKey } from '@/lib/i18n/t';
import { hashFrame } from '@/lib/media/video';
import { fromBase64 } from '@/lib/text/base64';
import type { KeyframesDto } from '@/lib/wire/shapes';
import { handOffWords, verdictLine } from './media-words';
import { tx } from './message';

export interface MediaToolsProps {
  tabId: number | null;
  kind: 'video' | 'image';
  src: string | undefined;
  pageUrl: string | undefined;
  verify: (blob: Blob, name: string) => Promise<VerifiedCredentials>;
}

/** What the reverse search is for: the image itself, or a keyframe at `t` seconds. */
type Chosen = { keyframeAt?: number; url?: string; image: string };

const KEYFRAME_TEXT: Record<KeyframesDto['state'], MessageKey> = {
  'no-video': 'media_kf_no_video',
  waiting: 'media_kf_waiting',
  sampling: 'media_kf_sampling',
  full: 'media_kf_full',
  unreadable: 'media_kf_unreadable',
};

/** Seconds into the video, in the reader's digits ("12.5"). */
const seconds = (t: number) => new Intl.NumberFormat(uiLocale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(t);

export function MediaToolsApp({ tabId, kind, src, pageUrl, verify }: MediaToolsProps) {
  const [frames, setFrames] = useState<KeyframesDto | null>(null);
  const [tabGone, setTabGone] = useState(false);
  const [chosen, setChosen] = useState<Chosen | null>(kind === 'image' && src ? { url: src, image: src } : null);
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
        if (!r.ok) throw new Error(t('media_hostAnswered', r.status));
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
      <h1>{t('media_title')}</h1>
      <p class="hint">
        {/* Addresses are left-to-right whatever the page's direction: isolated in the sentence. */}
        {tx(kind === 'video' ? 'media_whatVideo' : 'media_whatImage', src ? <Address text={src} /> : t('media_noAddress'))}
        {pageUrl && <> {tx('media_onPage', <Address text={pageUrl} />)}</>}
      </p>

      {kind === 'video' && (
        <section aria-labelledby="kf-h">
          <h2 id="kf-h">{t('media_keyframesHeading')}</h2>
          <p class="keyframes-state" data-state={tabGone ? 'gone' : (frames?.state ?? 'waiting')}>
            {tabGone ? t('media_kf_gone') : t(KEYFRAME_TEXT[frames?.state ?? 'waiting'])}
          </p>
          <ol class="keyframes">
            {(frames?.keyframes ?? []).map((k) => (
              <li key={k.t} class="keyframe">
                <img src={k.image} alt={t('media_keyframeAlt', seconds(k.t))} width={160} />
                <span>{t('media_seconds', seconds(k.t))}</span>
                <a href={k.image} download={`keyframe-${k.t.toFixed(1)}s.jpg`}>
                  {t('media_save')}
                </a>
                <button type="button" onClick={() => setChosen({ keyframeAt: k.t, image: k.image })}>
                  {t('media_reverseThis')}
                </button>
              </li>
            ))}
          </ol>
        </section>
      )}

      <section aria-labelledby="rs-h" class="reverse-search">
        <h2 id="rs-h">{t('media_reverseHeading')}</h2>
        {!chosen ? (
          <p>{t('media_chooseKeyframe')}</p>
        ) : (
          <>
            <p>{chosen.keyframeAt === undefined ? t('media_searchingImage') : t('media_searchingKeyframe', seconds(chosen.keyframeAt))}</p>
            <ul class="engines">
              {ENGINES.map((engine: Engine) => {
                const h = handOff(engine, chosen.url);
                const words = handOffWords(engine, h);
                return (
                  <li key={engine} data-engine={engine}>
                    <button type="button" onClick={() => void browser.tabs.create({ url: h.open })}>
                      {words.button}
                    </button>{' '}
                    <span class="sends" dir="auto">
                      {words.explain}
                    </span>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="cc-h">
        <h2 id="cc-h">{t('media_c2paHeading')}</h2>
        <p id="c2pa-pick">{t('media_c2paPick')}</p>
        {/* The browser words its own file button in its own language, not the page's: ours is the label, and
            the input stays focusable (visually hidden, not display: none) so keyboards and readers still reach it. */}
        <div class="file-pick">
          <input
            type="file"
            id="c2pa-file"
            name="c2pa-file"
            class="visually-hidden"
            accept="image/*,video/mp4,video/quicktime"
            multiple
            aria-describedby="c2pa-pick"
            onChange={(e) => {
              for (const file of Array.from((e.currentTarget as HTMLInputElement).files ?? [])) void check(file.name, async () => file);
            }}
          />
          <label for="c2pa-file" class="file-button">
            {t('media_c2paChoose')}
          </label>
        </div>
        <ul class="credentials">
          {credentials.map(({ name, c }) => (
            <li
              key={name}
              data-c2pa-state={c?.state ?? 'checking'}
              data-c2pa-source={c?.sourceKind ?? ''}
              class={`c2pa c2pa-${c?.state ?? 'checking'}`}
            >
              <bdi>
                <strong>{name.split('/').pop()}</strong>
              </bdi>
              : {c ? verdictLine(c) : t('media_reading')}
              {c && c.state !== 'none' && c.state !== 'unreadable' && (
                <dl>
                  <dt>{t('media_claimGenerator')}</dt>
                  <dd>{c.claimGenerator ? <bdi>{c.claimGenerator}</bdi> : t('media_notNamed')}</dd>
                  <dt>{t('media_signer')}</dt>
                  <dd>
                    {[c.signer?.commonName, c.signer?.issuer].filter(Boolean).length ? (
                      <bdi>{[c.signer?.commonName, c.signer?.issuer].filter(Boolean).join(', ')}</bdi>
                    ) : (
                      t('media_notNamed')
                    )}{' '}
                    {c.signerTrusted ? t('media_signerTrusted') : t('media_signerUntrusted')}
                  </dd>
                  <dt>{t('media_signature')}</dt>
                  <dd>{c.signatureValid ? t('media_validates') : t('media_doesNotValidate')}</dd>
                  <dt>{t('media_hashes')}</dt>
                  <dd>
                    {c.hashesValid === null ? t('media_notChecked') : c.hashesValid ? t('media_hashesMatch') : t('media_hashesMismatch')}
                  </dd>
                  <dt>{t('media_actions')}</dt>
                  <dd>
                    {/* The manifest's own codes (c2pa.created, trainedAlgorithmicMedia): the standard's words, left to right. */}
                    {c.actions.length ? (
                      <bdi dir="ltr">
                        {c.actions
                          .map((a) => `${a.action}${a.digitalSourceType ? ` (${a.digitalSourceType.split('/').pop()})` : ''}`)
                          .join('; ')}
                      </bdi>
                    ) : (
                      t('media_noActions')
                    )}
                  </dd>
                  {c.failures.length > 0 && (
                    <>
                      <dt>{t('media_failures')}</dt>
                      <dd>
                        <bdi dir="ltr">{c.failures.map((f) => f.code).join(', ')}</bdi>
                      </dd>
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
          {t('media_flag')}
        </button>
        {problem && <p role="alert">{problem}</p>}
      </section>
    </main>
  );
}

/** An address in a sentence: code, left to right, isolated from the sentence's direction. */
function Address({ text }: { text: string }) {
  return (
    <bdi dir="ltr">
      <code>{text}</code>
    </bdi>
  );
}
