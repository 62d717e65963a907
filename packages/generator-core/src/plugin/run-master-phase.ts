import type { RetailConfig } from '@retail-datagen/models';
import type { ColumnBatch } from '../batch/column-batch.js';
import { createRandom } from '../random/random.js';
import type { GeneratorRegistry } from '../registry/generator-registry.js';

/**
 * Runs the master-data phase of every registered package in dependency order
 * and returns the batches by table name, in the order they were produced.
 *
 * @example
 * ```ts
 * const tables = await runMasterPhase(createGeneratorRegistry({ master }), parseConfig({ seed: 7 }));
 * tables.get('dim_stores')?.length; // 24
 * ```
 */
export async function runMasterPhase(registry: GeneratorRegistry, config: RetailConfig): Promise<Map<string, ColumnBatch>> {
  const tables = new Map<string, ColumnBatch>();
  for (const generator of registry.generators) {
    if (!generator.generateMaster) continue;
    const batches = await generator.generateMaster({
      config,
      random: (...path) => createRandom(config.seed, generator.id, ...path),
      tables,
    });
    for (const batch of batches) {
      if (!generator.tables.includes(batch.table)) {
        throw new Error(`generator ${generator.id} produced a batch for ${batch.table.name}, which it does not declare in tables`);
      }
      if (tables.has(batch.table.name)) throw new Error(`table ${batch.table.name} was produced twice`);
      tables.set(batch.table.name, batch);
    }
  }
  return tables;
}
