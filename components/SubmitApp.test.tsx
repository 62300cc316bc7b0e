// @vitest-environment happy-dom
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AI_VIDEO_ID, bundledDebunks, summaryOf } from '@/tests/unit/support/debunks';
import { useLocale } from '@/tests/unit/support/i18n';
import type { ExtractedPost } from '@/lib/match/types';
import type { TabResults } from '@/lib/wire/shapes';

const channel = vi.hoisted(() => ({ sendMessage: vi.fn(), sendToTab: vi.fn() }));
vi.mock('@/lib/messaging/channel', async (original) => ({ ...(await original<object>()), ...channel }));
const { SubmitApp } = await import('./SubmitApp');
const { PopupApp } = await import('./PopupApp');

const debunk = summaryOf(bundledDebunks().find((d) => d.id === AI_VIDEO_ID)!);
const READ: ExtractedPost[] = [
  { key: 'x:1', permalink: 'https://x.com/a/status/1', author: 'a', text: 'A plain post about the weather', links: [], media: [] },
  { key: 'x:2', permalink: 'https://x.com/b/status/2', text: 'Captured soldiers in Aleppo, video', links: [], media: [{ kind: 'video' }] },
];
const RESULTS: TabResults = {
  posts: [
    {
      key: 'x:2',
      excerpt: '',
      related: [],
      badge: {
        debunk,
        candidate: { debunkId: debunk.id, listId: debunk.source, verdict: debunk.verdict, how: 'same-media', score: 1, badge: true },
      },
    },
  ],
  checked: 2,
};

let intakeUrl: string | undefined;
beforeEach(() => {
  useLocale('en');
  intakeUrl = 'https://desk.example/';
  vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: 7, url: 'https://x.com/home' } as never);
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7, url: 'https://x.com/home' }] as never);
  channel.sendToTab.mockImplementation(async (_tab: number, type: string) => (type === 'readPosts' ? READ : null));
  channel.sendMessage.mockImplementation(async (type: string) => {
    if (type === 'settings') return { intakeUrl };
    if (type === 'tabResults') return RESULTS;
    if (type === 'listStatus') return [{ id: 'bundled', count: 2 }];
    if (type === 'submitClaim') return 'queued-id';
    if (type === 'wrongMatches') return [];
    throw new Error(`unexpected ${type}`);
  });
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const sent = () => channel.sendMessage.mock.calls.filter(([type]) => type === 'submitClaim').map(([, data]) => data);

describe('SubmitApp from the popup', () => {
  it('offers the posts read on the page with nothing picked; picking one fills its text, and a matched one says so with its link', async () => {
    const view = render(<SubmitApp draftId={null} tabId={7} />);
    await waitFor(() => expect(view.getAllByRole('radio', { name: /weather|Aleppo|paste its link/ })).toHaveLength(3));
    expect(view.getAllByRole('radio').filter((r) => (r as HTMLInputElement).checked)).toHaveLength(0);
    expect(view.container.querySelector('.already-checked')).toBeNull();

    fireEvent.click(view.getByRole('radio', { name: /weather/ }));
    expect((view.container.querySelector('#claim-text') as HTMLTextAreaElement).value).toBe('A plain post about the weather');
    expect(view.container.querySelector('.already-checked')).toBeNull();

    fireEvent.click(view.getByRole('radio', { name: /Aleppo/ }));
    const note = view.container.querySelector('.already-checked')!;
    expect(note.textContent).toContain('Already fact-checked by');
    // The fact-check's Arabic claim quoted in the form's English marks, its words isolated right to left.
    expect(note.querySelector('q.sanad-q')!.textContent).toMatch(/^“[\u0600-\u06ff][^“”]+”$/);
    expect(note.querySelector('q.sanad-q bdi')!.getAttribute('dir')).toBe('rtl');
    expect(note.querySelector('a')!.getAttribute('href')).toBe(debunk.reviewUrl);

    fireEvent.input(view.container.querySelector('#claim-text')!, { target: { value: 'Soldiers captured, in my words' } });
    fireEvent.click(view.getByRole('radio', { name: 'False claim' }));
    fireEvent.submit(view.container.querySelector('form')!);
    await waitFor(() => expect(sent()).toHaveLength(1));
    expect(sent()[0]).toMatchObject({
      kind: 'claim',
      category: 'false-claim',
      post: {
        pageUrl: 'https://x.com/home',
        permalink: 'https://x.com/b/status/2',
        text: 'Soldiers captured, in my words',
        media: [{ kind: 'video' }],
      },
    });
  });

  it('sends a pasted link as the post, and refuses one that is not a web address', async () => {
    const view = render(<SubmitApp draftId={null} tabId={7} />);
    await waitFor(() => view.getByRole('radio', { name: /paste its link/ }));
    fireEvent.click(view.getByRole('radio', { name: /paste its link/ }));
    const link = view.container.querySelector('#page-url') as HTMLInputElement;
    fireEvent.input(link, { target: { value: 'javascript:alert(1)' } });
    fireEvent.click(view.getByRole('radio', { name: 'Something else' }));
    fireEvent.submit(view.container.querySelector('form')!);
    await waitFor(() => expect(view.getByRole('alert').textContent).toContain('https://'));
    expect(sent()).toHaveLength(0);

    fireEvent.input(link, { target: { value: 'https://www.tiktok.com/@someone/video/7001' } });
    fireEvent.submit(view.container.querySelector('form')!);
    await waitFor(() => expect(sent()).toHaveLength(1));
    expect(sent()[0]).toMatchObject({
      post: { pageUrl: 'https://www.tiktok.com/@someone/video/7001', permalink: 'https://www.tiktok.com/@someone/video/7001' },
    });
  });

  it('sends nothing until a post is picked', async () => {
    const view = render(<SubmitApp draftId={null} tabId={7} />);
    await waitFor(() => view.getByRole('radio', { name: /weather/ }));
    fireEvent.click(view.getByRole('radio', { name: 'False claim' }));
    fireEvent.submit(view.container.querySelector('form')!);
    await new Promise((r) => setTimeout(r, 20));
    expect(sent()).toHaveLength(0);
  });

  it('says a missing intake address as the form opens', async () => {
    intakeUrl = undefined;
    const view = render(<SubmitApp draftId={null} tabId={7} />);
    await waitFor(() => view.getByRole('radio', { name: /weather/ }));
    expect(view.getByRole('note').textContent).toContain('No intake service is set yet');
  });
});

describe('PopupApp, submitting', () => {
  it('opens the form only when a desk’s intake address is set, and otherwise says how to add one', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    const withIntake = render(<PopupApp />);
    fireEvent.click(await withIntake.findByRole('button', { name: 'Submit a claim from this page' }));
    expect(create).toHaveBeenCalledTimes(1);
    cleanup();

    intakeUrl = undefined;
    const without = render(<PopupApp />);
    await without.findByRole('button', { name: 'Add the address' });
    expect(without.queryByRole('button', { name: 'Submit a claim from this page' })).toBeNull();
    expect(without.container.textContent).toContain('first add your desk’s intake address');
  });
});
