import type { MatchView } from '@/lib/wire/shapes';
import { t, uiLocale } from '@/lib/i18n/t';
import { ErrorBoundary } from './ErrorBoundary';
import { findingLabel } from './finding';
import { VerdictCard } from './VerdictCard';
import { deskOf, WrongMatchForm, type WrongMatchChoice } from './WrongMatchForm';

/**
 * The in-page details behind a badge: the verdict card for this post's match, "Report a wrong match" last
 * (when the badge is on a post Sanad read, not the welcome page's sample), and a close button.
 */
export function BadgePanel({
  view,
  onClose,
  onReport,
}: {
  view: MatchView;
  onClose: () => void;
  onReport?: (choice: WrongMatchChoice) => Promise<void>;
}) {
  const locale = uiLocale();
  return (
    <div class="sanad-panel" role="dialog" aria-label={findingLabel(view.debunk, locale)} onClick={(event) => event.stopPropagation()}>
      <ErrorBoundary part="badge panel">
        <VerdictCard view={view} locale={locale} headingLevel={2} match={view.candidate} />
        {onReport && (
          <div class="sanad-panel-report">
            <WrongMatchForm onReport={onReport} desk={deskOf(view)} />
          </div>
        )}
      </ErrorBoundary>
      <button type="button" class="sanad-close" aria-label={t('close')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
