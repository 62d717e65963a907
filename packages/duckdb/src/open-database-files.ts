import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

// DuckDB's file lock is per process, so a second DuckDBInstance on the same
// file in this process would open it without complaint and the two would
// overwrite each other's blocks. This set refuses that instead. It lives on
// globalThis so duplicate installs of this package share it.
const registryKey = Symbol.for('retail-datagen.duckdb.open-files');
const globalRegistry = globalThis as typeof globalThis & { [registryKey]?: Set<string> };
const openFiles: Set<string> = (globalRegistry[registryKey] ??= new Set<string>());

/** The absolute path a database file is known by; its directory must exist. */
export function canonicalDatabasePath(path: string): string {
  const absolute = resolve(path);
  return join(realpathSync(dirname(absolute)), basename(absolute));
}

/** Marks a file open in this process; false when it already is. */
export function claimDatabaseFile(canonicalPath: string): boolean {
  if (openFiles.has(canonicalPath)) return false;
  openFiles.add(canonicalPath);
  return true;
}

/** Marks a file closed in this process. */
export function releaseDatabaseFile(canonicalPath: string): void {
  openFiles.delete(canonicalPath);
}
