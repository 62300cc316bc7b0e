/**
 * The media tools' sentences in the reader's language: what Content Credentials say, and what a reverse
 * search hand-off opens and sends. lib/media decides (pure, also used in Node); this says it.
 */
import { pageCredentialsOf } from '@/lib/wire/page-credentials';
import { aiPhrase, credentialsLine } from './credential-words';
import type { VerifiedCredentials } from '@/lib/media/c2pa-verified';
import { ENGINE_NAMES, type Engine, type HandOff } from '@/lib/media/reverse-search';
import { t } from '@/lib/i18n/t';

/** One line for a person: never calls an invalid or missing manifest proof of anything. */
export function verdictLine(c: VerifiedCredentials): string {
  switch (c.state) {
    case 'none':
      return t('media_c2paNone');
    case 'unreadable':
      return t('media_c2paUnreadable', c.error ?? t('media_unknownError'));
    case 'invalid':
      return t('media_c2paInvalid');
    default:
      return t('media_c2paValid', c.signerTrusted ? t('media_c2paTrustedSigner') : t('media_c2paUntrustedSigner'), aiPhrase(c));
  }
}

/**
 * The line beside a post for an image Sanad fetched: valid names the signer (and that it is on no trust list
 * Sanad knows), invalid says why and that nothing it claims holds, none shows nothing (`null`).
 */
export function imageCredentialsLine(c: VerifiedCredentials): string | null {
  const fields = pageCredentialsOf(c);
  return fields && credentialsLine(fields);
}

/** The engine's button and what a click on it sends. */
export function handOffWords(engine: Engine, h: HandOff): { button: string; explain: string } {
  const name = ENGINE_NAMES[engine];
  return h.kind === 'url'
    ? { button: t('media_searchEngine', name), explain: t('media_sendsUrl', name, h.sends) }
    : { button: t('media_uploadEngine', name), explain: t('media_sendsNothing', name) };
}
