/**
 * Messages with elements in them: a desk's name, a feed's address or a place goes into the sentence as a
 * <bdi>, so text of another direction cannot reorder the sentence ("1 :Desk Example"), and the message's
 * own word order stays the translator's. Values are text or elements, never HTML.
 */
import type { ComponentChild } from 'preact';
import { quoteParts } from '@/lib/i18n/quote';
import { t, tn, uiLocale, type MessageKey, type PluralKey } from '@/lib/i18n/t';

// Private-use markers stand in for element values while the message is formatted, then split it.
const mark = (i: number) => `\uE000${i}\uE001`;
const MARKS = /\uE000(\d+)\uE001/;

function split(text: string, values: ComponentChild[]): ComponentChild[] {
  return text.split(MARKS).map((part, i) => (i % 2 ? values[Number(part)] : part));
}

const asSubstitutions = (values: ComponentChild[]) =>
  values.map((v, i) => (typeof v === 'string' || typeof v === 'number' ? String(v) : mark(i)));

/** `t` whose values may be elements. */
export function tx(key: MessageKey, ...values: ComponentChild[]): ComponentChild[] {
  return split(t(key, ...asSubstitutions(values)), values);
}

/** `tn` whose other values may be elements. */
export function tnx(key: PluralKey, count: number, ...values: ComponentChild[]): ComponentChild[] {
  return split(tn(key, count, ...asSubstitutions(values)), values);
}

/** Text of unknown direction, isolated. */
export function Isolated({ text, lang }: { text: string; lang?: string }) {
  return <bdi lang={lang}>{text}</bdi>;
}

/**
 * Someone's words quoted in a UI sentence: the UI language's marks (“ ” or « ») in the sentence's direction,
 * the words isolated in their own (lib/i18n/quote.ts), so an Arabic quote in an English card reads right.
 */
export function Quote({ text, lang, class: className }: { text: string; lang?: string; class?: string }) {
  const q = quoteParts(text, uiLocale());
  return (
    <q class={className ? `sanad-q ${className}` : 'sanad-q'} data-foreign={q.foreign || undefined}>
      {q.open}
      <bdi lang={lang} dir={q.dir ?? undefined}>
        {q.text}
      </bdi>
      {q.close}
    </q>
  );
}
