// ESLint (flat config): what the house bans, checked on every `npm test` and in CI.
// Formatting (line length 140 included) is Prettier's job (.prettierrc.json); eslint-config-prettier turns off
// the stylistic rules that would fight it. Import cycles are madge's (`npm run cycles`).
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const TS_FILES = ['**/*.ts', '**/*.tsx'];
const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx', 'tests/**', 'server/test-support/**'];

/** Modules that reach the extension APIs, which the pure core may not import (WXT's own, `wxt/browser` too, by pattern). */
const BROWSER_MODULES = ['webextension-polyfill', '#imports'].map((name) => ({
  name,
  message: 'The pure core runs in Node, workers and pages alike: take browser APIs as parameters from the caller.',
}));
const IDB_MODULE = { name: 'idb', message: 'IndexedDB belongs to the background (lib/store); not here.' };

/** innerHTML-family writes: build nodes with createElement/textContent (or Preact), never parse strings as HTML. */
const NO_HTML_WRITES = [
  {
    selector:
      'AssignmentExpression > MemberExpression.left:matches([property.name=/^(inner|outer)HTML$/], [property.value=/^(inner|outer)HTML$/])',
    message: 'No innerHTML/outerHTML writes: build nodes with createElement/textContent or Preact.',
  },
  {
    selector: 'CallExpression > MemberExpression.callee[property.name=/^(insertAdjacentHTML|createContextualFragment)$/]',
    message: 'No insertAdjacentHTML/createContextualFragment: build nodes with createElement/textContent or Preact.',
  },
  {
    selector: "CallExpression > MemberExpression.callee[object.name='document'][property.name=/^(write|writeln)$/]",
    message: 'No document.write: build nodes with createElement/textContent or Preact.',
  },
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'No dangerouslySetInnerHTML: render text and elements with Preact.',
  },
];

/** The pure core: matching, text, URLs, debunk records, feed parsing/signatures, media fingerprints, intake shapes. */
const PURE_CORE = [
  'lib/match/**',
  'lib/text/**',
  'lib/urls/**',
  'lib/debunk/**',
  'lib/media/**',
  'lib/scheduling/**',
  'lib/feeds/canonical-json.ts',
  'lib/feeds/google-fact-check.ts',
  'lib/feeds/sanad-feed.ts',
  'lib/feeds/signature.ts',
  'lib/intake/**',
  'lib/untrusted/**',
  'lib/feeds/freshness.ts',
];
/** Code that runs in the sites' pages (content scripts). */
const CONTENT_SCRIPTS = ['entrypoints/*.content.ts', 'entrypoints/*.content/**', 'lib/page/**', 'lib/sites/**'];

export default defineConfig(
  {
    ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'demo-output/**', 'test-output/**', 'eval-output/**'],
  },
  js.configs.recommended,
  {
    files: TS_FILES,
    extends: [tseslint.configs.recommended],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A promise nobody awaits loses its error: await it, or `void` it with a comment saying why.
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      // TypeScript checks names; ESLint's no-undef does not know the DOM/Node/WebExtension types.
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs'],
    ignores: [...TEST_FILES, 'scripts/**'],
    rules: { 'no-restricted-syntax': ['error', ...NO_HTML_WRITES] },
  },
  {
    files: PURE_CORE,
    ignores: TEST_FILES,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [...BROWSER_MODULES, IDB_MODULE],
          patterns: [{ group: ['wxt/*', '@wxt-dev/*'], message: BROWSER_MODULES[0].message }],
        },
      ],
      'no-restricted-globals': [
        'error',
        // WXT auto-imports `browser`, `storage` and `fakeBrowser` into every file it builds: not into these.
        ...['browser', 'chrome', 'storage', 'fakeBrowser'].map((name) => ({ name, message: BROWSER_MODULES[0].message })),
        { name: 'indexedDB', message: IDB_MODULE.message },
      ],
    },
  },
  {
    // The wire contract imports neither end: only its own shapes and the pure domain types they carry.
    files: ['lib/wire/**'],
    ignores: TEST_FILES,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [...BROWSER_MODULES, IDB_MODULE],
          patterns: [
            { group: ['wxt/*', '@wxt-dev/*'], message: BROWSER_MODULES[0].message },
            {
              regex: '^(\\.\\./|@/lib/)(background|store|page|sites|messaging|settings|feeds|i18n)(/|$)|^@/components',
              message: 'lib/wire is the contract between the ends: it imports neither the services, the store nor page code.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['browser', 'chrome', 'storage', 'fakeBrowser', 'indexedDB'].map((name) => ({ name, message: 'lib/wire holds shapes only.' })),
      ],
    },
  },
  {
    files: CONTENT_SCRIPTS,
    ignores: TEST_FILES,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [IDB_MODULE],
          patterns: [
            {
              regex: '(^|/)lib/store(/|$)|^(\\.\\./)+store(/|$)',
              allowTypeImports: true,
              message: 'Content scripts do not open IndexedDB: ask the background by message.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'indexedDB', message: 'Content scripts do not open IndexedDB: ask the background.' }],
      'no-restricted-properties': [
        'error',
        ...['window', 'self', 'globalThis'].map((object) => ({
          object,
          property: 'indexedDB',
          message: 'Content scripts do not open IndexedDB: ask the background.',
        })),
      ],
    },
  },
  prettier,
);
