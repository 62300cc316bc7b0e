import { useEffect, useState } from 'preact/hooks';
import { t, tn } from '@/lib/i18n/t';

export interface ListUsage {
  items: number;
  /** What the extension stores on the device, when the browser says. */
  bytes: number | null;
}

/**
 * How much the lists take, and a control to drop the oldest debunks (a small laptop keeps the newest that
 * fit). `onDrop` answers how many were dropped.
 */
export function ListStorage({ usage, locale, onDrop }: { usage: ListUsage; locale: string; onDrop: (keep: number) => Promise<number> }) {
  const [keep, setKeep] = useState(usage.items);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => setKeep(usage.items), [usage.items]);
  const megabytes = usage.bytes === null ? null : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(usage.bytes / 1e6);
  const drop = async () => {
    setBusy(true);
    try {
      setNotice(tn('droppedOldest', await onDrop(keep)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="list-storage">
      <p data-list-usage={usage.items}>
        {megabytes === null ? tn('listUsageItems', usage.items) : tn('listUsage', usage.items, megabytes)}
      </p>
      <label>
        {t('keepNewestLabel')}{' '}
        <input
          type="number"
          name="keep-newest"
          min={0}
          step={1}
          value={keep}
          onInput={(event) => setKeep(Math.max(0, Math.floor(Number((event.target as HTMLInputElement).value) || 0)))}
        />
      </label>{' '}
      <button type="button" class="secondary" disabled={busy || keep >= usage.items} onClick={() => void drop()}>
        {t('dropOldest')}
      </button>
      {notice && <p role="status">{notice}</p>}
    </div>
  );
}
