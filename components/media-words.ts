/**
 * The media tools' sentences in the reader's language: what Content Credentials say, and what a reverse
 * search hand-off opens and sends. lib/media decides (pure, also used in Node); this says it.
 */
import { invalidReason, signerName } from '@/lib/media/c2pa-fetched';
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

/** What valid credentials' actions say about AI (only ever read from valid ones). */
function aiPhrase(c: VerifiedCredentials): string {
  return c.sourceKind === 'ai-generated'
    ? t('media_c2paAiGenerated')
    : c.sourceKind === 'ai-composite'
      ? t('media_c2paAiComposite')
      : c.sourceKind === 'algorithmic'
        ? t('media_c2paAlgorithmic')
        : t('media_c2paNoAi');
}

/**
 * The line beside a post for an image Sanad fetched: valid names the signer (and that it is on no trust list
 * Sanad knows), invalid says why and that nothing it claims holds, none shows nothing (`null`).
 */
export function imageCredentialsLine(c: VerifiedCredentials): string | null {
  switch (c.state) {
    case 'none':
      return null;
    case 'unreadable':
      return t('media_imageC2paUnreadable', c.error ?? t('media_unknownError'));
    case 'invalid': {
      const reason = invalidReason(c);
      const why =
        reason === 'changed'
          ? t('media_c2paWhyChanged')
          : reason === 'signature'
            ? t('media_c2paWhySignature')
            : t('media_c2paWhyOther', c.failures.map((f) => f.code).join(', ') || t('media_unknownError'));
      return t('media_imageC2paInvalid', why);
    }
    default:
      return t(
        'media_imageC2paValid',
        signerName(c) ?? t('media_notNamed'),
        c.signerTrusted ? t('media_c2paOnTrustList') : t('media_c2paOnNoTrustList'),
        aiPhrase(c),
      );
  }
}

/** The engine's button and what a click on it sends. */
export function handOffWords(engine: Engine, h: HandOff): { button: string; explain: string } {
  const name = ENGINE_NAMES[engine];
  return h.kind === 'url'
    ? { button: t('media_searchEngine', name), explain: t('media_sendsUrl', name, h.sends) }
    : { button: t('media_uploadEngine', name), explain: t('media_sendsNothing', name) };
}
