import { useState } from 'preact/hooks';
import type { PageBadge, PageCredentials } from '@/lib/wire/shapes';
import { t, uiLocale } from '@/lib/i18n/t';
import { credentialsLine } from './credential-words';
import { ErrorBoundary } from './ErrorBoundary';
import { findingLabel } from './finding';
import { VerdictCard } from './VerdictCard';
import { deskOf, WrongMatchForm, type WrongMatchChoice } from './WrongMatchForm';

/**
 * The in-page details behind a badge: the verdict card for this post's match with "Report a wrong match" last
 * inside it (when the badge is on a post Sanad read, not the welcome page's sample), "Media tools" above it
 * in fact-checker mode on a post with media, and a close button. What the post's images' Content Credentials
 * say (when any carries some) sits under the card's match line, as the popup words it.
 */
export function BadgePanel({
  view,
  onClose,
  onReport,
  onMediaTools,
}: {
  view: PageBadge;
  onClose: () => void;
  onReport?: (choice: WrongMatchChoice) => Promise<void>;
  /** Fact-checker mode, on a post with a video or image: opens the media tools for it. */
  onMediaTools?: () => Promise<void>;
}) {
  const locale = uiLocale();
  const [toolsProblem, setToolsProblem] = useState('');
  const openTools = (event: MouseEvent) => {
    // The reader's own click only: a page cannot open tabs through the panel.
    if (!event.isTrusted || !onMediaTools) return;
    setToolsProblem('');
    onMediaTools().catch((error: unknown) =>
      setToolsProblem(t('panelMediaToolsFailed', error instanceof Error ? error.message : String(error))),
    );
  };
  return (
    <div class="sanad-panel" role="dialog" aria-label={findingLabel(view.debunk, locale)} onClick={(event) => event.stopPropagation()}>
      <ErrorBoundary part="badge panel">
        <VerdictCard view={view} locale={locale} headingLevel={2} match={view.candidate}>
          {view.credentials?.length ? <CredentialLines credentials={view.credentials} /> : null}
          {onMediaTools && (
            <div class="sanad-panel-tools">
              <button type="button" class="sanad-media-tools" aria-label={t('panelMediaToolsName')} onClick={openTools}>
                {t('panelMediaTools')}
              </button>
              {toolsProblem && (
                <p class="sanad-report-error" role="alert">
                  {toolsProblem}
                </p>
              )}
            </div>
          )}
          {onReport && (
            <div class="sanad-panel-report">
              <WrongMatchForm onReport={onReport} desk={deskOf(view)} />
            </div>
          )}
        </VerdictCard>
      </ErrorBoundary>
      <button type="button" class="sanad-close" aria-label={t('close')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}

/** The SDK's verdict on each of the post's images that carry credentials, as text (an invalid one proves nothing). */
function CredentialLines({ credentials }: { credentials: readonly PageCredentials[] }) {
  return (
    <div class="sanad-panel-credentials">
      <h3 class="sanad-label">{t('panelCredentialsHeading')}</h3>
      <ul class="sanad-image-credentials">
        {credentials.map((c, i) => (
          <li key={i} data-c2pa-state={c.state} data-c2pa-source={c.state === 'valid' ? c.sourceKind : ''} dir="auto">
            {credentialsLine(c)}
          </li>
        ))}
      </ul>
    </div>
  );
}
