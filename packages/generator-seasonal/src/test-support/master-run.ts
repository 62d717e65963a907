import { dayNumberOf, runMasterPhase, createGeneratorRegistry, type FactRun } from '@retail-datagen/generator-core';
import { master } from '@retail-datagen/generator-master';
import { parseConfig, type RetailConfigInput } from '@retail-datagen/models';

/** A fact run over master data generated for `input` (small volumes by default). */
export async function masterRun(input: RetailConfigInput = {}): Promise<FactRun> {
  const config = parseConfig({ ...input, volumes: { geographies: 20, stores: 40, customers: 200, products: 3000, ...input.volumes } });
  const dims = await runMasterPhase(createGeneratorRegistry({ master }), config);
  return { config, dims, firstDay: dayNumberOf(config.start), lastDay: dayNumberOf(config.end), storeCount: dims.get('dim_stores')?.length ?? 0 };
}
