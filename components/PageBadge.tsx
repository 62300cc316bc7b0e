import { useEffect, useRef, useState } from 'preact/hooks';
import type { MatchView } from '@/lib/messaging/protocol';
import { t, uiDirection, uiLocale } from '@/lib/i18n/t';
import { VerdictCard, verdictKey } from './VerdictCard';
import { VerdictIcon } from './VerdictIcon';

/** The badge next to a matched post; activating it opens the same verdict card as the popup. */
export function PageBadge({ view }: { view: MatchView }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const verdict = view.debunk.verdict;
  const label = t(verdictKey(verdict));

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <span dir={uiDirection()} lang={uiLocale()}>
      <button
        ref={button}
        type="button"
        class="sanad-badge"
        data-verdict={verdict}
        aria-expanded={open}
        aria-label={t('badgeName', label)}
        onClick={(event) => {
          // The post around the badge is usually a link: the click is ours only.
          event.preventDefault();
          event.stopPropagation();
          setOpen(!open);
        }}
      >
        <VerdictIcon verdict={verdict} />
        <span>{t('badgeText', label)}</span>
      </button>
      {open && (
        <div class="sanad-panel" role="dialog" aria-label={label} onClick={(event) => event.stopPropagation()}>
          <VerdictCard view={view} locale={uiLocale()} headingLevel={2} />
          <button type="button" class="sanad-close" aria-label={t('close')} onClick={() => { setOpen(false); button.current?.focus(); }}>
            ×
          </button>
        </div>
      )}
    </span>
  );
}
