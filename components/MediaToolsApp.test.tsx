// @vitest-environment happy-dom
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLocale } from '@/tests/unit/support/i18n';
import type { VerifiedCredentials } from '@/lib/media/c2pa-verified';
import { ENGINE_NAMES } from '@/lib/media/reverse-search';
import type { KeyframesDto } from '@/lib/wire/shapes';

const channel = vi.hoisted(() => ({ sendMessage: vi.fn(), sendToTab: vi.fn() }));
vi.mock('@/lib/messaging/channel', async (original) => ({ ...(await original<object>()), ...channel }));
const { MediaToolsApp } = await import('./MediaToolsApp');

const SRC = 'https://video.twimg.com/ext_tw_video/1/clip.mp4';
const PAGE = 'https://x.com/a/status/1';
const frame = { t: 0, width: 2, height: 2, luma: 'AAAAAA==' };
const KEYFRAMES: KeyframesDto = {
  state: 'sampling',
  src: SRC,
  keyframes: [
    { t: 0.5, image: 'data:image/jpeg;base64,AAAA', pdq: '0'.repeat(64), frame },
    { t: 12.5, image: 'data:image/jpeg;base64,BBBB', pdq: 'f'.repeat(64), frame },
  ],
};
const credentials = (state: VerifiedCredentials['state'], extra: Partial<VerifiedCredentials> = {}): VerifiedCredentials => ({
  state,
  claimGenerator: 'Sanad test fixture 1.0',
  signer: { commonName: 'C2PA Signer', issuer: 'C2PA Test Signing Cert' },
  signatureValid: state !== 'invalid',
  hashesValid: state === 'invalid' ? false : true,
  signerTrusted: false,
  actions: [{ action: 'c2pa.created', digitalSourceType: 'http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia' }],
  sourceKind: 'ai-generated',
  failures: state === 'invalid' ? [{ code: 'assertion.dataHash.mismatch' }] : [],
  ...extra,
});
const ANSWERS: Record<string, VerifiedCredentials> = {
  'ai.jpg': credentials('valid'),
  'tampered.jpg': credentials('invalid'),
  'plain.jpg': credentials('none', { actions: [], sourceKind: 'none' }),
  'broken.jpg': credentials('unreadable', { error: 'C2pa(InvalidAsset)' }),
};

/**
 * What the page shows that is not the reader's language by design: addresses, file names, the engines'
 * and the standard's names, the manifest's own codes and names. Everything else must be Arabic.
 */
const ALLOWED = [
  SRC,
  PAGE,
  ...Object.keys(ANSWERS),
  ...Object.values(ENGINE_NAMES),
  'C2PA Signer, C2PA Test Signing Cert',
  'Sanad test fixture 1.0',
  'c2pa.created (trainedAlgorithmicMedia)',
  'assertion.dataHash.mismatch',
  'C2pa(InvalidAsset)',
  'C2PA',
];
const latinLeft = (text: string) => {
  let rest = text;
  for (const allowed of [...ALLOWED].sort((a, b) => b.length - a.length)) rest = rest.split(allowed).join(' ');
  return rest.match(/[A-Za-z]{2,}[^\n]{0,30}/g) ?? [];
};
/** Text a reader meets: the page's text plus image descriptions, names and titles. */
const everything = (root: Element) =>
  [
    (root as HTMLElement).textContent ?? '',
    ...[...root.querySelectorAll('[alt], [aria-label], [title]')].flatMap((e) =>
      ['alt', 'aria-label', 'title'].map((a) => e.getAttribute(a) ?? ''),
    ),
  ].join('\n');

beforeEach(() => {
  channel.sendToTab.mockResolvedValue(KEYFRAMES);
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('MediaToolsApp in Arabic', () => {
  it('leaves no English-only string: keyframes, reverse search and every Content Credentials state', async () => {
    useLocale('ar');
    const verify = vi.fn(async (_blob: Blob, name: string) => ANSWERS[name]!);
    const view = render(<MediaToolsApp tabId={3} kind="video" src={SRC} pageUrl={PAGE} verify={verify} />);
    await waitFor(() => expect(view.container.querySelectorAll('.keyframe')).toHaveLength(2));
    expect(view.getByRole('heading', { level: 1 }).textContent).toBe('أدوات الوسائط');
    expect(view.container.querySelector('.keyframes-state')!.textContent).toBe(
      'تُؤخذ العيّنات أثناء التشغيل؛ كل مشهد جديد يضيف لقطة مفتاحية.',
    );
    expect(latinLeft(everything(view.container))).toEqual([]);

    // A keyframe chosen for reverse search: the engines' upload pages, said in Arabic.
    fireEvent.click(view.getAllByRole('button', { name: 'ابحث عكسيًا عن هذه اللقطة' })[1]!);
    expect(view.container.querySelectorAll('.engines li')).toHaveLength(4);
    expect(view.container.querySelector('.reverse-search p')!.textContent).toMatch(
      /^البحث عن اللقطة المفتاحية عند الثانية (12[.,٫]5|١٢٫٥)\.$/,
    );
    expect(view.getByRole('button', { name: 'افتح Google Lens لرفعها' })).toBeTruthy();

    // The file picker is our own label in Arabic (the browser's button would be in its own language); the
    // input is only visually hidden: focusable, named by the label, described by the prompt.
    const input = view.container.querySelector('input[name="c2pa-file"]') as HTMLInputElement;
    expect(view.getByLabelText('اختر صورًا أو مقاطع فيديو…')).toBe(input);
    expect(view.container.querySelector('label.file-button')!.textContent).toBe('اختر صورًا أو مقاطع فيديو…');
    expect(input.classList.contains('visually-hidden')).toBe(true);
    expect(input.hidden || input.disabled || input.tabIndex < 0).toBe(false);
    expect(view.container.querySelector(`#${input.getAttribute('aria-describedby')}`)!.textContent).toBe(
      'افحص بيانات اعتماد المحتوى في ملف',
    );
    const files = Object.keys(ANSWERS).map((name) => new File(['x'], name, { type: 'image/jpeg' }));
    Object.defineProperty(input, 'files', { value: files });
    fireEvent.change(input);
    await waitFor(() => expect(view.container.querySelectorAll('.c2pa:not([data-c2pa-state="checking"])')).toHaveLength(4));
    const item = (name: string) =>
      [...view.container.querySelectorAll('.c2pa')].find((li) => li.querySelector('strong')!.textContent === name)!;
    expect(item('tampered.jpg').textContent).toContain('غير صالحة');
    expect(item('tampered.jpg').textContent).toContain('غير متطابقة: عُدّل بعد التوقيع');
    expect(item('ai.jpg').textContent).toContain('مولَّد بالذكاء الاصطناعي');
    expect(latinLeft(everything(view.container))).toEqual([]);
  });

  it('the same page in English still reads as before (the E2E checks these words)', async () => {
    useLocale('en');
    const view = render(<MediaToolsApp tabId={3} kind="video" src={SRC} pageUrl={PAGE} verify={async () => ANSWERS['ai.jpg']!} />);
    await waitFor(() => expect(view.container.querySelectorAll('.keyframe')).toHaveLength(2));
    expect(view.container.querySelector('.hint')!.textContent).toBe(`Video: ${SRC} on ${PAGE}`);
    fireEvent.click(view.getAllByRole('button', { name: 'Reverse search this frame' })[0]!);
    expect(view.getByRole('button', { name: 'Open TinEye to upload' })).toBeTruthy();
    expect(view.container.querySelector('.engines .sends')!.textContent).toMatch(/not at a public address/);
  });
});
