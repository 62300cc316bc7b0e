import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// Paths from the project root (vitest's working directory); import.meta.url is not a file URL under happy-dom.
export const projectFile = (path: string) => readFileSync(resolve(process.cwd(), path), 'utf8');
export const sharedFile = (path: string) => readFileSync(resolve(process.cwd(), '../shared', path), 'utf8');

/** Loads a saved page into the test document (happy-dom). */
export function loadFixture(path: string): void {
  document.documentElement.innerHTML = projectFile(`tests/fixtures/${path}`).replace(/^<!DOCTYPE html>/i, '');
}
