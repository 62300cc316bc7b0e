/**
 * Messages with elements in them: a desk's name, a feed's address or a place goes into the sentence as a
 * <bdi>, so text of another direction cannot reorder the sentence ("1 :Desk Example"), and the message's
 * own word order stays the translator's. Values are text or elements, never HTML.
 */
import type { ComponentChild } from 'preact';
import { t, tn, type MessageKey, type PluralKey } from '@/lib/i18n/t';

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
