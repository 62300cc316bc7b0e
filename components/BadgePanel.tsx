import type { MatchView } from '@/lib/wire/shapes';
import { t, uiLocale } from '@/lib/i18n/t';
import { ErrorBoundary } from './ErrorBoundary';
import { findingLabel } from './finding';
import { VerdictCard } from './VerdictCard';

/** The in-page details behind a badge: the verdict card for this post's match, and a close button. */
export function BadgePanel({ view, onClose }: { view: MatchView; onClose: () => void }) {
  const locale = uiLocale();
  return (
    <div class="sanad-panel" role="dialog" aria-label={findingLabel(view.debunk, locale)} onClick={(event) => event.stopPropagation()}>
      <ErrorBoundary part="badge panel">
        <VerdictCard view={view} locale={locale} headingLevel={2} match={view.candidate} />
      </ErrorBoundary>
      <button type="button" class="sanad-close" aria-label={t('close')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
