import { pathToFileURL } from 'node:url';
import type { GeneratorPlugin } from '@retail-datagen/generator-core';
import { RetailDatagenError } from '@retail-datagen/models';

/**
 * Imports the module that lists a run's generator packages (its `generators`
 * export, or its default export): worker threads cannot receive functions, so
 * they load the packages by module, as the app does.
 *
 * @example
 * ```ts
 * const generators = await loadGenerators(new URL('./generators.js', import.meta.url).href);
 * ```
 */
export async function loadGenerators(module: string): Promise<Readonly<Record<string, GeneratorPlugin>>> {
  const specifier = /^[a-z][a-z0-9+.-]*:/i.test(module) ? module : pathToFileURL(module).href;
  const loaded = (await import(specifier)) as { generators?: unknown; default?: unknown };
  const generators = loaded.generators ?? loaded.default;
  if (generators === null || typeof generators !== 'object') {
    throw new RetailDatagenError({ code: 'USER_MISSING_GENERATOR', message: `${module} exports no \`generators\` record of generator packages` });
  }
  return generators as Readonly<Record<string, GeneratorPlugin>>;
}
