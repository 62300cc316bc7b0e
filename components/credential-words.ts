/**
 * The one line a person reads about an image's Content Credentials, in the popup and the badge panel alike.
 * It takes the plain page fields only, so the content script does not pull in the C2PA reader.
 */
import type { PageCredentials } from '@/lib/wire/shapes';
import { t } from '@/lib/i18n/t';

/** Valid names the signer and whether any trust list knows it; invalid says why and that nothing it claims holds. */
export function credentialsLine(c: PageCredentials): string {
  if (c.state === 'unreadable') return t('media_imageC2paUnreadable', c.error ?? t('media_unknownError'));
  if (c.state === 'invalid') {
    const why =
      c.reason === 'changed'
        ? t('media_c2paWhyChanged')
        : c.reason === 'signature'
          ? t('media_c2paWhySignature')
          : t('media_c2paWhyOther', c.failureCodes?.join(', ') || t('media_unknownError'));
    return t('media_imageC2paInvalid', why);
  }
  return t(
    'media_imageC2paValid',
    c.signer ?? t('media_notNamed'),
    c.signerTrusted ? t('media_c2paOnTrustList') : t('media_c2paOnNoTrustList'),
    aiPhrase(c),
  );
}

/** What valid credentials' actions say about AI (the page fields carry a source kind only for valid ones). */
export function aiPhrase(c: Pick<PageCredentials, 'sourceKind'>): string {
  return c.sourceKind === 'ai-generated'
    ? t('media_c2paAiGenerated')
    : c.sourceKind === 'ai-composite'
      ? t('media_c2paAiComposite')
      : c.sourceKind === 'algorithmic'
        ? t('media_c2paAlgorithmic')
        : t('media_c2paNoAi');
}
