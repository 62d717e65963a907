import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/**
 * The version of @retail-datagen/api, from its package.json (also in `/openapi.json`).
 *
 * @example
 * ```ts
 * console.log(`retail-datagen api ${version}`);
 * ```
 */
export const version: string = (require('../package.json') as { version: string }).version;
