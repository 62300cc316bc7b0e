// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AI_VIDEO_ID, bundledDebunks, summaryOf } from '@/tests/unit/support/debunks';
import { useLocale } from '@/tests/unit/support/i18n';
import type { MatchView } from '@/lib/wire/shapes';
import { BadgePanel } from './BadgePanel';
import { ErrorBoundary } from './ErrorBoundary';
import { VerdictCard } from './VerdictCard';

const good = bundledDebunks().find((d) => d.id === AI_VIDEO_ID)!;
const view = (debunk: MatchView['debunk']): MatchView => ({
  debunk,
  candidate: { debunkId: debunk.id, listId: debunk.source, verdict: debunk.verdict, how: 'same-media', score: 1, badge: true },
});

afterEach(cleanup);

describe('UI surfaces with a hostile or broken item', () => {
  it('a card leaves out reasons it cannot explain (null, an Object method’s name) and shows the rest', () => {
    useLocale('en');
    const stored = { ...summaryOf(good), reasons: [null, { kind: 'toString' }, { kind: 'constructor' }, ...good.reasons] };
    const { container } = render(<VerdictCard view={view(stored as unknown as MatchView['debunk'])} locale="en" />);
    expect([...container.querySelectorAll('.sanad-reason')].map((r) => r.getAttribute('data-reason'))).toEqual(['ai-generated']);
    expect(container.textContent).toContain('Fact-check by Misbar');
  });

  it('one card that cannot be drawn is replaced by a notice; the cards around it stay', () => {
    useLocale('en');
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken = { ...summaryOf(good), id: 'broken', publisher: null } as unknown as MatchView['debunk'];
    const { container } = render(
      <ul>
        {[view(broken), view(summaryOf(good))].map((v) => (
          <li key={v.debunk.id}>
            <ErrorBoundary part="verdict card">
              <VerdictCard view={v} locale="en" />
            </ErrorBoundary>
          </li>
        ))}
      </ul>,
    );
    const items = [...container.querySelectorAll('li')].filter((li) => li.parentElement === container.firstElementChild);
    expect(items[0]!.querySelector('[data-unshowable]')?.textContent).toBe('This item could not be shown.');
    expect(items[1]!.querySelector('.sanad-card')?.getAttribute('data-debunk')).toBe(AI_VIDEO_ID);
  });

  it('the badge panel keeps its close button when its card cannot be drawn', () => {
    useLocale('en');
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const onClose = vi.fn();
    const broken = { ...summaryOf(good), publisher: null } as unknown as MatchView['debunk'];
    const { container, getByRole } = render(<BadgePanel view={view(broken)} onClose={onClose} />);
    expect(container.querySelector('[data-unshowable="badge panel"]')).not.toBeNull();
    getByRole('button', { name: 'Close' }).click();
    expect(onClose).toHaveBeenCalled();
  });
});
