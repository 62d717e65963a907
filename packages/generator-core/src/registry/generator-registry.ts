import { RetailDatagenError, createTableCatalog, type TableCatalog } from '@retail-datagen/models';
import type { GeneratorPlugin } from '../plugin/generator-plugin.js';
import { UnknownGeneratorError } from './unknown-generator-error.js';

/**
 * The generator packages of a run, checked and ordered so every package comes
 * after the packages it requires.
 */
export interface GeneratorRegistry {
  /** Packages in dependency order (required first; ties keep registration order). */
  readonly generators: readonly GeneratorPlugin[];
  /** Every table the packages write: the allowlist for this run. */
  readonly catalog: TableCatalog;
  get(id: string): GeneratorPlugin;
}

/**
 * Builds a registry from a plain record of packages.
 *
 * @example
 * ```ts
 * const registry = createGeneratorRegistry({ master, receipts });
 * registry.generators.map((generator) => generator.id); // ['master', 'receipts']
 * registry.get('nope'); // throws UnknownGeneratorError listing 'master, receipts'
 * ```
 */
export function createGeneratorRegistry(record: Readonly<Record<string, GeneratorPlugin>>): GeneratorRegistry {
  const byId = new Map<string, GeneratorPlugin>();
  for (const [key, generator] of Object.entries(record)) {
    if (generator.specificationVersion !== 'v1') {
      throw new RetailDatagenError({
        code: 'USER_MISSING_GENERATOR',
        message: `generator ${JSON.stringify(generator.id)} implements specification ${JSON.stringify(generator.specificationVersion)}; this engine supports "v1"`,
      });
    }
    if (byId.has(generator.id)) throw new Error(`two generators have the id ${generator.id} (record key ${key})`);
    byId.set(generator.id, generator);
  }
  const ids = [...byId.keys()];
  const ordered: GeneratorPlugin[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (generator: GeneratorPlugin, path: string[]) => {
    const seen = state.get(generator.id);
    if (seen === 'done') return;
    if (seen === 'visiting') throw new Error(`generators require each other in a cycle: ${[...path, generator.id].join(' -> ')}`);
    state.set(generator.id, 'visiting');
    for (const requirement of generator.requires ?? []) {
      const required = byId.get(requirement);
      if (!required) throw new UnknownGeneratorError(requirement, ids, generator.id);
      visit(required, [...path, generator.id]);
    }
    state.set(generator.id, 'done');
    ordered.push(generator);
  };
  for (const generator of byId.values()) visit(generator, []);
  return {
    generators: ordered,
    catalog: createTableCatalog(ordered.flatMap((generator) => generator.tables)),
    get(id) {
      const generator = byId.get(id);
      if (!generator) throw new UnknownGeneratorError(id, ids);
      return generator;
    },
  };
}
