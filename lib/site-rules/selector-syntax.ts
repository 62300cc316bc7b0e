/**
 * A strict check of CSS selector syntax for where no DOM is at hand to ask (Chrome's background is a service
 * worker: no `document.querySelector`). It accepts the selectors site rules use (types, ids, classes,
 * attribute tests, combinators, :not/:is/:where/:has and the structural pseudo-classes) and refuses anything
 * else, so it may refuse a selector a browser would take, never the other way round. Where a DOM exists, the
 * browser's own parser is asked as well (selectorParses).
 */

const PSEUDO_WITH_SELECTORS = new Set(['not', 'is', 'where', 'has']);
const PSEUDO_WITH_NTH = new Set(['nth-child', 'nth-last-child', 'nth-of-type', 'nth-last-of-type']);
const PSEUDO_PLAIN = new Set(['first-child', 'last-child', 'only-child', 'first-of-type', 'last-of-type', 'only-of-type', 'empty', 'root']);
const NTH = /^\s*(?:odd|even|[+-]?\d*n(?:\s*[+-]\s*\d+)?|[+-]?\d+)\s*$/;

class Cursor {
  constructor(
    readonly text: string,
    public at = 0,
  ) {}
  peek(offset = 0): string {
    return this.text[this.at + offset] ?? '';
  }
  eat(char: string): boolean {
    if (this.peek() !== char) return false;
    this.at++;
    return true;
  }
  spaces(): boolean {
    const start = this.at;
    while (/\s/.test(this.peek())) this.at++;
    return this.at > start;
  }
}

const IDENT_START = /[A-Za-z_\u0080-\uFFFF]/;
const IDENT_CHAR = /[A-Za-z0-9_\-\u0080-\uFFFF]/;

function ident(c: Cursor): boolean {
  const start = c.at;
  if (c.peek() === '-') c.at++;
  if (c.peek() === '-') c.at++; // custom-ident style --name
  const escape = () => c.peek() === '\\' && c.peek(1) !== '' && c.peek(1) !== '\n';
  if (escape()) c.at += 2;
  else if (IDENT_START.test(c.peek())) c.at++;
  else if (c.at - start === 2)
    return true; // "--"
  else return false;
  for (;;) {
    if (escape()) c.at += 2;
    else if (IDENT_CHAR.test(c.peek())) c.at++;
    else return true;
  }
}

function quoted(c: Cursor): boolean {
  const quote = c.peek();
  if (quote !== '"' && quote !== "'") return false;
  c.at++;
  for (;;) {
    const char = c.peek();
    if (char === '' || char === '\n') return false;
    c.at++;
    if (char === '\\') {
      if (c.peek() === '') return false;
      c.at++;
    } else if (char === quote) return true;
  }
}

function attribute(c: Cursor): boolean {
  c.spaces();
  if (!ident(c)) return false;
  c.spaces();
  if (c.eat(']')) return true;
  if ('~|^$*'.includes(c.peek()) && c.peek() !== '') c.at++;
  if (!c.eat('=')) return false;
  c.spaces();
  if (!quoted(c) && !ident(c)) return false;
  c.spaces();
  if (/[is]/i.test(c.peek()) && !IDENT_CHAR.test(c.peek(1))) {
    c.at++;
    c.spaces();
  }
  return c.eat(']');
}

function pseudo(c: Cursor): boolean {
  const start = c.at;
  if (!ident(c)) return false;
  const name = c.text.slice(start, c.at).toLowerCase();
  if (PSEUDO_PLAIN.has(name)) return true;
  if (!c.eat('(')) return false;
  if (PSEUDO_WITH_NTH.has(name)) {
    const close = c.text.indexOf(')', c.at);
    if (close < 0 || !NTH.test(c.text.slice(c.at, close))) return false;
    c.at = close + 1;
    return true;
  }
  if (!PSEUDO_WITH_SELECTORS.has(name)) return false;
  if (!selectorList(c, name === 'has')) return false;
  c.spaces();
  return c.eat(')');
}

function compound(c: Cursor): boolean {
  let parts = 0;
  if (c.eat('*') || ident(c)) parts++;
  for (;;) {
    const char = c.peek();
    if (char === '#' || char === '.') {
      c.at++;
      if (!ident(c)) return false;
    } else if (char === '[') {
      c.at++;
      if (!attribute(c)) return false;
    } else if (char === ':') {
      c.at++;
      if (c.peek() === ':') return false; // pseudo-elements match nothing a rule could use
      if (!pseudo(c)) return false;
    } else return parts > 0;
    parts++;
  }
}

/** A complex selector; `relative` (inside :has) may start with a combinator. */
function complex(c: Cursor, relative: boolean): boolean {
  c.spaces();
  if (relative && '>+~'.includes(c.peek()) && c.peek() !== '') {
    c.at++;
    c.spaces();
  }
  if (!compound(c)) return false;
  for (;;) {
    const spaced = c.spaces();
    const char = c.peek();
    if ('>+~'.includes(char) && char !== '') {
      c.at++;
      c.spaces();
      if (!compound(c)) return false;
    } else if (spaced && char !== ',' && char !== ')' && char !== '') {
      if (!compound(c)) return false;
    } else return true;
  }
}

function selectorList(c: Cursor, relative: boolean): boolean {
  do {
    if (!complex(c, relative)) return false;
    c.spaces();
  } while (c.eat(','));
  return true;
}

/** Whether `selector` is one this check understands as valid CSS. */
export function selectorSyntaxOk(selector: string): boolean {
  const c = new Cursor(selector);
  return selectorList(c, false) && c.at === selector.length;
}

/**
 * Whether `selector` parses: by the strict check above and, where a document exists (content scripts,
 * Firefox's background page, tests), by the browser's own `querySelector` as well.
 */
export function selectorParses(selector: string): boolean {
  if (!selectorSyntaxOk(selector)) return false;
  const doc = (globalThis as { document?: Document }).document;
  if (!doc) return true;
  try {
    doc.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}
