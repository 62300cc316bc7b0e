/**
 * The built-in directory of fact-checking sources: data, versioned, Arabic desks first, then English and
 * others. A person subscribes to an entry with one click (one permission prompt for that site); nothing is
 * subscribed without that click. Entries carry no keys: a desk's public key appears only if the desk
 * itself publishes a signed Sanad feed, and the Google entry needs the user's own API key.
 *
 * Each desk's site is its public home page, the address Sanad harvests (lib/harvest): its RSS/Atom feed or
 * news sitemap is found there at subscribe time, not recorded here, so a desk that moves its feed needs no
 * release. The addresses are the desks' public home pages.
 */

export const DIRECTORY_VERSION = 1;

export type DirectoryEntry =
  | {
      id: string;
      kind: 'site';
      /** The desk's name in its own language, and in English. */
      name: { own: string; en: string };
      site: string;
      /** BCP 47 codes of the languages it publishes in, the main one first. */
      languages: string[];
      /** ISO 3166 country code of where it works, or `international`. */
      country: string;
    }
  | {
      id: string;
      kind: 'sanad';
      name: { own: string; en: string };
      site: string;
      languages: string[];
      country: string;
      feedUrl: string;
      /** The desk's published Ed25519 key (base64), pinned at subscribe time. */
      publicKey: string;
    }
  | {
      id: string;
      kind: 'google';
      name: { own: string; en: string };
      site: string;
      languages: string[];
      country: string;
    };

// prettier-ignore
export const DIRECTORY: readonly DirectoryEntry[] = [
  { id: 'misbar', kind: 'site', name: { own: 'مسبار', en: 'Misbar' }, site: 'https://misbar.com/', languages: ['ar', 'en'], country: 'international' },
  { id: 'fatabyyano', kind: 'site', name: { own: 'فتبينوا', en: 'Fatabyyano' }, site: 'https://fatabyyano.net/', languages: ['ar'], country: 'JO' },
  { id: 'verify-sy', kind: 'site', name: { own: 'تأكد', en: 'Verify-Sy' }, site: 'https://verify-sy.com/', languages: ['ar', 'en'], country: 'SY' },
  { id: 'akeed', kind: 'site', name: { own: 'أكيد', en: 'Akeed' }, site: 'https://akeed.jo/', languages: ['ar'], country: 'JO' },
  { id: 'matsda2sh', kind: 'site', name: { own: 'متصدقش', en: 'Matsda2sh' }, site: 'https://matsda2sh.com/', languages: ['ar'], country: 'EG' },
  { id: 'afp-factcheck', kind: 'site', name: { own: 'AFP Fact Check', en: 'AFP Fact Check' }, site: 'https://factcheck.afp.com/', languages: ['en'], country: 'international' },
  { id: 'full-fact', kind: 'site', name: { own: 'Full Fact', en: 'Full Fact' }, site: 'https://fullfact.org/', languages: ['en'], country: 'GB' },
  { id: 'africa-check', kind: 'site', name: { own: 'Africa Check', en: 'Africa Check' }, site: 'https://africacheck.org/', languages: ['en', 'fr'], country: 'ZA' },
  { id: 'snopes', kind: 'site', name: { own: 'Snopes', en: 'Snopes' }, site: 'https://www.snopes.com/', languages: ['en'], country: 'US' },
  { id: 'politifact', kind: 'site', name: { own: 'PolitiFact', en: 'PolitiFact' }, site: 'https://www.politifact.com/', languages: ['en'], country: 'US' },
  { id: 'factcheck-org', kind: 'site', name: { own: 'FactCheck.org', en: 'FactCheck.org' }, site: 'https://www.factcheck.org/', languages: ['en'], country: 'US' },
  { id: 'boom', kind: 'site', name: { own: 'BOOM', en: 'BOOM' }, site: 'https://www.boomlive.in/', languages: ['en', 'hi', 'bn'], country: 'IN' },
  { id: 'vishvas-news', kind: 'site', name: { own: 'विश्वास न्यूज़', en: 'Vishvas News' }, site: 'https://www.vishvasnews.com/', languages: ['hi', 'en'], country: 'IN' },
  { id: 'thip', kind: 'site', name: { own: 'THIP Media', en: 'THIP Media' }, site: 'https://www.thip.media/', languages: ['en', 'hi'], country: 'IN' },
  { id: 'google-fact-check', kind: 'google', name: { own: 'Google Fact Check Tools', en: 'Google Fact Check Tools' }, site: 'https://toolbox.google.com/factcheck/explorer', languages: ['ar', 'en'], country: 'international' },
];

/** Whether `feedUrls` (the current subscriptions' addresses) include the entry. */
export function isSubscribed(entry: DirectoryEntry, feedUrls: readonly string[]): boolean {
  const target = entry.kind === 'sanad' ? entry.feedUrl : entry.site;
  if (entry.kind === 'google') return feedUrls.some((u) => u.startsWith('https://factchecktools.googleapis.com/'));
  const bare = (u: string) => {
    try {
      const url = new URL(u);
      return `${url.hostname.replace(/^www\./, '')}${url.pathname.replace(/\/+$/, '')}`;
    } catch {
      return u;
    }
  };
  return feedUrls.some((u) => bare(u) === bare(target));
}

/**
 * The desks a welcome page ticks for a reader of `language` (Arabic desks for an Arabic browser): those whose
 * main language it is. Ticked is not subscribed: the reader's click confirms.
 */
export function preselectedFor(language: string): string[] {
  const primary = language.toLowerCase().split('-')[0];
  return DIRECTORY.filter((e) => e.kind === 'site' && e.languages[0] === primary).map((e) => e.id);
}
