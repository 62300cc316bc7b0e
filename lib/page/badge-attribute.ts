/**
 * The attribute on every badge host Sanad puts into a page (`data-sanad-badge="<verdict>"`): how the scanner
 * tells its own DOM changes from the page's, and what tests and tools look for. A module of its own with no
 * imports, so code that only needs the name does not pull in the badge's rendering.
 */
export const BADGE_ATTRIBUTE = 'data-sanad-badge';
