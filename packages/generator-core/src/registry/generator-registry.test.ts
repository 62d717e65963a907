import { defineTable, parseConfig } from '@retail-datagen/models';
import { describe, expect, it } from 'vitest';
import { createColumnBatch } from '../batch/column-batch.js';
import type { GeneratorPlugin } from '../plugin/generator-plugin.js';
import { runMasterPhase } from '../plugin/run-master-phase.js';
import { createGeneratorRegistry } from './generator-registry.js';
import { UnknownGeneratorError } from './unknown-generator-error.js';

const colors = defineTable({ name: 'DimColors', kind: 'dimension', description: 'test', primaryKey: ['ID'], fields: [{ name: 'ID', type: 'int32' }, { name: 'Value', type: 'float64' }] });

function plugin(id: string, requires: string[] = [], extra: Partial<GeneratorPlugin> = {}): GeneratorPlugin {
  return { specificationVersion: 'v1', id, description: id, requires, tables: [], ...extra };
}

describe('createGeneratorRegistry', () => {
  it('orders packages after what they require', () => {
    const registry = createGeneratorRegistry({ c: plugin('c', ['b']), b: plugin('b', ['a']), a: plugin('a') });
    expect(registry.generators.map((generator) => generator.id)).toEqual(['a', 'b', 'c']);
  });

  it('names a missing requirement and what is registered', () => {
    expect(() => createGeneratorRegistry({ receipts: plugin('receipts', ['master']) })).toThrow(
      'generator "receipts" requires "master", which is not registered; registered: receipts',
    );
    expect(() => createGeneratorRegistry({ a: plugin('a') }).get('zz')).toThrow(UnknownGeneratorError);
  });

  it('refuses cycles and unknown specification versions', () => {
    expect(() => createGeneratorRegistry({ a: plugin('a', ['b']), b: plugin('b', ['a']) })).toThrow(/cycle: a -> b -> a/);
    const future = { ...plugin('future'), specificationVersion: 'v2' } as unknown as GeneratorPlugin;
    expect(() => createGeneratorRegistry({ future })).toThrow(/specification "v2"; this engine supports "v1"/);
  });
});

describe('runMasterPhase', () => {
  it('gives each package its own derived random stream, the same for the same seed', async () => {
    const colorPlugin = plugin('colors', [], {
      tables: [colors],
      generateMaster: (context) => {
        const random = context.random('colors');
        return [createColumnBatch(colors, 3, { ID: Int32Array.of(1, 2, 3), Value: Float64Array.from([random.next(), random.next(), random.next()]) })];
      },
    });
    const first = await runMasterPhase(createGeneratorRegistry({ colorPlugin }), parseConfig({ seed: 1 }));
    const again = await runMasterPhase(createGeneratorRegistry({ colorPlugin }), parseConfig({ seed: 1 }));
    const other = await runMasterPhase(createGeneratorRegistry({ colorPlugin }), parseConfig({ seed: 2 }));
    expect(first.get('dim_colors')?.columns.Value).toEqual(again.get('dim_colors')?.columns.Value);
    expect(first.get('dim_colors')?.columns.Value).not.toEqual(other.get('dim_colors')?.columns.Value);
  });

  it('refuses a batch for a table the package did not declare', async () => {
    const sneaky = plugin('sneaky', [], { generateMaster: () => [createColumnBatch(colors, 0, { ID: new Int32Array(0), Value: new Float64Array(0) })] });
    await expect(runMasterPhase(createGeneratorRegistry({ sneaky }), parseConfig({}))).rejects.toThrow(/does not declare/);
  });
});
