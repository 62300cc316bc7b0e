/**
 * "Report a wrong match", the same in the badge's panel and the popup: a reason (none chosen for the
 * reader) and a confirming button. Acts on the reader's own input only: a synthetic click from a page is
 * ignored (`isTrusted`). Reports stay on this device; when the debunk's desk takes reports, an unticked
 * "Also tell <desk>" box offers to send it that report too, saying exactly what goes.
 */
import { useId, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n/t';
import { WRONG_MATCH_REASONS, type MatchView, type WrongMatchReason } from '@/lib/wire/shapes';

export const WRONG_REASON_KEYS: Record<WrongMatchReason, MessageKey> = {
  'not-repeated': 'wrongReason_not_repeated',
  refutes: 'wrongReason_refutes',
  'other-media': 'wrongReason_other_media',
  other: 'wrongReason_other',
};

export interface WrongMatchChoice {
  reason: WrongMatchReason;
  /** Ticked "Also tell <desk>" (present only then). */
  tellDesk?: true;
}

/** The desk to offer telling, when the debunk's list is a desk feed that takes reports. */
export const deskOf = (view: MatchView): string | undefined =>
  view.debunk.list.takesReports && view.debunk.list.name ? view.debunk.list.name : undefined;

/** The reader's own click or key press (pages cannot make these; tests' fakes mark theirs so). */
const byReader = (event: Event) => event.isTrusted;

export function WrongMatchForm({
  onReport,
  label = t('reportWrong'),
  startOpen = false,
  desk,
}: {
  /** Saves the report; a rejection is shown to the reader in its words. */
  onReport: (choice: WrongMatchChoice) => Promise<void>;
  /** The opening button's accessible name (the popup names the post). */
  label?: string;
  startOpen?: boolean;
  /** The desk that published the debunk, when its feed takes reports: the form offers to tell it. */
  desk?: string;
}) {
  const id = useId();
  const [open, setOpen] = useState(startOpen);
  const [reason, setReason] = useState<WrongMatchReason | null>(null);
  const [tellDesk, setTellDesk] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  if (!open)
    return (
      <button type="button" class="sanad-report-open link-button" aria-label={label} onClick={(e) => byReader(e) && setOpen(true)}>
        {t('reportWrong')}
      </button>
    );
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!reason || busy) return;
    setBusy(true);
    setError('');
    try {
      await onReport({ reason, ...(desk && tellDesk && { tellDesk: true as const }) });
    } catch (failure) {
      setError(t('reportFailed', failure instanceof Error ? failure.message : String(failure)));
      setBusy(false);
    }
  };
  return (
    <form class="sanad-report" onSubmit={(e) => void submit(e)}>
      <fieldset>
        <legend>{t('wrongReasonLegend')}</legend>
        {WRONG_MATCH_REASONS.map((value) => (
          <label key={value} class="sanad-report-reason">
            <input
              type="radio"
              name={`${id}-reason`}
              value={value}
              checked={reason === value}
              onChange={(e) => byReader(e) && setReason(value)}
            />{' '}
            {t(WRONG_REASON_KEYS[value])}
          </label>
        ))}
      </fieldset>
      {desk && (
        <div class="sanad-report-desk">
          <label>
            <input type="checkbox" checked={tellDesk} onChange={(e) => byReader(e) && setTellDesk(e.currentTarget.checked)} />{' '}
            <bdi>{t('tellDesk', desk)}</bdi>
          </label>
          <p class="sanad-report-desk-what hint">{t('tellDeskWhat', desk)}</p>
        </div>
      )}
      {error && (
        <p class="sanad-report-error" role="alert">
          {error}
        </p>
      )}
      <div class="sanad-report-actions">
        <button type="submit" class="sanad-report-confirm" disabled={!reason || busy} onClick={(e) => !byReader(e) && e.preventDefault()}>
          {t('reportConfirm')}
        </button>
        <button type="button" class="sanad-report-cancel link-button" onClick={(e) => byReader(e) && setOpen(false)}>
          {t('reportCancel')}
        </button>
      </div>
    </form>
  );
}
