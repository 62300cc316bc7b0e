import type { MatchView } from '@/lib/wire/shapes';
import { t, uiLocale } from '@/lib/i18n/t';
import { ErrorBoundary } from './ErrorBoundary';
import { VerdictCard, verdictKey } from './VerdictCard';

/** The in-page details behind a badge: the same verdict card as the popup, and a close button. */
export function BadgePanel({ view, onClose }: { view: MatchView; onClose: () => void }) {
  return (
    <div class="sanad-panel" role="dialog" aria-label={t(verdictKey(view.debunk.verdict))} onClick={(event) => event.stopPropagation()}>
      <ErrorBoundary part="badge panel">
        <VerdictCard view={view} locale={uiLocale()} headingLevel={2} />
      </ErrorBoundary>
      <button type="button" class="sanad-close" aria-label={t('close')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
