/**
 * The "copy a diagnostic" summary of a page Sanad cannot read: its shape only, for a person to share if they
 * choose. Tag names, roles and `data-*` attribute names with their counts, and the path's shape; never text,
 * attribute values, link targets or the address itself. A name that does not look like markup (a site could
 * put anything in an attribute name) is counted under OTHER rather than copied.
 */
import type { StructureSummary } from '../wire/shapes';

export const OTHER = '(other)';
/** Path words the supported sites use for their page kinds; any other segment is shown only by its shape. */
const PATH_WORDS = new Set([
  'groups',
  'posts',
  'permalink',
  'permalink.php',
  'story.php',
  'photo',
  'photos',
  'videos',
  'video',
  'watch',
  'reel',
  'reels',
  'p',
  'tv',
  'stories',
  'explore',
  'search',
  'results',
  'shorts',
  'status',
  'home',
  'hashtag',
  'tag',
  'tags',
  'channel',
  'c',
  'user',
  'live',
  'foryou',
  'discover',
  'i',
  'a',
  'k',
  'feed',
  'playlist',
  'notifications',
  'messages',
]);
/** WAI-ARIA 1.2 roles (plus `presentation`): a role attribute holding anything else is counted, not copied. */
const ARIA_ROLES = new Set(
  (
    'alert alertdialog application article banner blockquote button caption cell checkbox code columnheader combobox ' +
    'complementary contentinfo definition deletion dialog directory document emphasis feed figure form generic grid ' +
    'gridcell group heading img insertion link list listbox listitem log main marquee math menu menubar menuitem ' +
    'menuitemcheckbox menuitemradio meter navigation none note option paragraph presentation progressbar radio ' +
    'radiogroup region row rowgroup rowheader scrollbar search searchbox separator slider spinbutton status strong ' +
    'subscript superscript switch tab table tablist tabpanel term textbox time timer toolbar tooltip tree treegrid treeitem'
  ).split(' '),
);
const MAX_KEYS = 300;
const TOKEN = /^[a-z][a-z0-9._:-]{0,59}$/;

/** A path segment by its kind: sites' page words kept, names and ids never. */
function segmentShape(segment: string): string {
  if (PATH_WORDS.has(segment.toLowerCase())) return segment.toLowerCase();
  if (/^\d+$/.test(segment)) return ':num';
  if (/^@/.test(segment)) return ':handle';
  return ':id';
}

export function pathShape(address: URL): string {
  const segments = address.pathname.split('/').filter(Boolean);
  return '/' + segments.map(segmentShape).join('/') + (address.search ? '?…' : '');
}

function count(into: Record<string, number>, name: string): void {
  let key = TOKEN.test(name) ? name : OTHER;
  // Past the cap, new names are counted together: the summary stays small however odd the page.
  if (!Object.hasOwn(into, key) && Object.keys(into).length >= MAX_KEYS) key = OTHER;
  into[key] = (into[key] ?? 0) + 1;
}

/** Sorted by count, most first, so the summary reads top-down and two copies of a page compare line by line. */
function sorted(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)));
}

export function summariseStructure(root: Element, address: URL): StructureSummary {
  const tags: Record<string, number> = {};
  const roles: Record<string, number> = {};
  const dataAttributes: Record<string, number> = {};
  let elements = 0;
  for (const element of [root, ...root.querySelectorAll('*')]) {
    elements++;
    count(tags, element.localName);
    const role = element.getAttribute('role');
    if (role !== null) for (const token of role.trim().toLowerCase().split(/\s+/)) count(roles, ARIA_ROLES.has(token) ? token : OTHER);
    for (const { name } of element.attributes) if (name.startsWith('data-')) count(dataAttributes, name);
  }
  return { pathShape: pathShape(address), elements, tags: sorted(tags), roles: sorted(roles), dataAttributes: sorted(dataAttributes) };
}
