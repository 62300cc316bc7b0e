import type { FindingKind } from './finding';

// One shape per kind of finding, so the badge never rests on colour alone and each says what was found.
export const FINDING_ICON_PATHS: Record<FindingKind, string> = {
  'ai-generated': 'M11 3l1.8 4.7 4.7 1.8-4.7 1.8L11 16l-1.8-4.7L4.5 9.5l4.7-1.8z M18 14l.9 2.1 2.1.9-2.1.9L18 20l-.9-2.1-2.1-.9 2.1-.9z', // sparkles
  'old-footage': 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18 M12 7v5l3.5 2', // a clock: filmed earlier
  edited: 'M6 3a3 3 0 1 0 0 6 3 3 0 0 0 0-6 M6 15a3 3 0 1 0 0 6 3 3 0 0 0 0-6 M8.6 7.5L20 18 M8.6 16.5L20 6', // scissors: cut
  staged: 'M3 10h18v10H3z M3 10l1.5-5 16-1 .5 6 M9 4.6L7.5 10 M15 4.2l-1.5 5.8', // a clapperboard
  altered: 'M3 5h18v14H3z M12 5l-2 5 3 3-2 6', // a cracked picture: fabricated or altered media
  satire: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18 M8 14s1.5 2 4 2 4-2 4-2 M9 9.5v.5 M15 9.5v.5', // a face
  'false-claim': 'M6 6l12 12M18 6L6 18', // a cross
  misleading: 'M12 3l10 18H2z M12 10v5 M12 17.5v.5', // a warning triangle
  unproven: 'M9 9a3 3 0 1 1 4 2.8c-.6.3-1 .9-1 1.6V15 M12 18v.5', // a question mark
  'fact-checked': 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18 M12 8v.5 M12 11v6', // an info mark
};

export function VerdictIcon({ kind }: { kind: FindingKind }) {
  return (
    <svg class="sanad-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        d={FINDING_ICON_PATHS[kind]}
        fill="none"
        stroke="currentColor"
        stroke-width="2.2"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}
