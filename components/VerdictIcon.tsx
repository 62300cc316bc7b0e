import type { Verdict } from '@/lib/debunk/types';

// One shape per verdict family, so the verdict never rests on colour alone.
export const VERDICT_ICON_PATHS: Record<Verdict, string> = {
  false: 'M6 6l12 12M18 6L6 18', // a cross
  misleading: 'M12 3l10 18H2z M12 10v5 M12 17.5v.5', // a warning triangle
  altered: 'M4 20l4-1 11-11-3-3L5 16z M14 6l3 3', // a pencil: edited or fabricated
  satire: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18 M8 14s1.5 2 4 2 4-2 4-2 M9 9.5v.5 M15 9.5v.5', // a face
  unproven: 'M9 9a3 3 0 1 1 4 2.8c-.6.3-1 .9-1 1.6V15 M12 18v.5', // a question mark
  true: 'M5 12l5 5 9-10', // a tick
  unrated: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18 M12 8v.5 M12 11v6', // an info mark
};

export function VerdictIcon({ verdict }: { verdict: Verdict }) {
  return (
    <svg class="sanad-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        d={VERDICT_ICON_PATHS[verdict]}
        fill="none"
        stroke="currentColor"
        stroke-width="2.4"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}
