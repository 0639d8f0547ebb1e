// Says whether apps/web/.next was built from the current sources, so `npm start` rebuilds only
// when something changed. The web build writes the stamp (`node ../../scripts/web-build-stamp.ts write`);
// nx caches it along with .next. Content hashes, not mtimes: a fresh clone has new mtimes.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const INPUTS = [
  'apps/web',
  'packages/core/src',
  'packages/db/src',
  'packages/db/prisma',
  'package-lock.json',
];
const SKIP = new Set(['node_modules', '.next', 'generated', 'test-results']);
const STAMP = join(root, 'apps', 'web', '.next', 'tiksavr-build-stamp');

function* files(path: string): Generator<string> {
  if (!existsSync(path)) return;
  const entries = readdirSync(path, { withFileTypes: true });
  for (const entry of entries) {
    if (SKIP.has(entry.name) || entry.name.endsWith('.test.ts')) continue;
    const full = join(path, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.isFile()) yield full;
  }
}

export function webFingerprint(): string {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    const full = join(root, input);
    const list = input.endsWith('.json') ? [full] : [...files(full)].sort();
    for (const file of list) {
      hash.update(relative(root, file));
      hash.update(readFileSync(file));
    }
  }
  return hash.digest('hex');
}

export function webBuildIsCurrent(): boolean {
  return existsSync(STAMP) && readFileSync(STAMP, 'utf8') === webFingerprint();
}

if (import.meta.main && process.argv[2] === 'write') {
  writeFileSync(STAMP, webFingerprint());
}
