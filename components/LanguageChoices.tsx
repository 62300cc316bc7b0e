import { t, type MessageKey } from '@/lib/i18n/t';
import { LANGUAGES, type LanguageChoice } from '@/lib/settings/settings';

/** The UI-language radio group, shared by the options and welcome pages; each labelled in its own language. */
export function LanguageChoices({
  headingId,
  current,
  onChoose,
}: {
  headingId: string;
  current: LanguageChoice;
  onChoose: (language: LanguageChoice) => void;
}) {
  return (
    <div role="radiogroup" aria-labelledby={headingId}>
      {LANGUAGES.map((language) => (
        <label key={language} class="row" lang={language === 'auto' ? undefined : language}>
          <input type="radio" name="language" value={language} checked={current === language} onChange={() => onChoose(language)} />
          {t(`language_${language}` as MessageKey)}
        </label>
      ))}
    </div>
  );
}
