import { readFileSync } from 'node:fs';

/**
 * One file of the dashboard, served as it is from `public/` (no build step).
 *
 * @example
 * ```ts
 * const file: DashboardFile = { route: '/', contentType: 'text/html; charset=utf-8', content: '<!doctype html>...' };
 * ```
 */
export interface DashboardFile {
  readonly route: string;
  readonly contentType: string;
  readonly content: string;
}

/** The files, each with the route it is served at: a fixed list, so no path from a request ever reaches the file system. */
const files = [
  { route: '/', name: 'index.html', contentType: 'text/html; charset=utf-8' },
  { route: '/index.html', name: 'index.html', contentType: 'text/html; charset=utf-8' },
  { route: '/dashboard.css', name: 'dashboard.css', contentType: 'text/css; charset=utf-8' },
  { route: '/dashboard.js', name: 'dashboard.js', contentType: 'text/javascript; charset=utf-8' },
] as const;

/**
 * The dashboard's files, read once from `apps/api/public` (the folder beside
 * `src/` and `dist/`, shipped in the package).
 *
 * @example
 * ```ts
 * for (const file of dashboardFiles()) app.get(file.route, (context) => context.body(file.content, 200, { 'content-type': file.contentType }));
 * ```
 */
export function dashboardFiles(): DashboardFile[] {
  const folder = new URL('../public/', import.meta.url);
  return files.map((file) => ({ route: file.route, contentType: file.contentType, content: readFileSync(new URL(file.name, folder), 'utf8') }));
}
