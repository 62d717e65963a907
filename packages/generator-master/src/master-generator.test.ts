import { createRandom, type ColumnBatch } from '@retail-datagen/generator-core';
import { InvalidArgumentError, dimensionTables, parseConfig } from '@retail-datagen/models';
import { describe, expect, it } from 'vitest';
import { createMasterGenerator, master } from './master-generator.js';
import { batchOf, generateMaster } from './test-support/generate-master.js';

const small = { geographies: 40, stores: 30, distributionCenters: 4, customers: 3_000, products: 600 };

describe('master generator plugin', () => {
  it('is a v1 plugin with id master that declares the six dimension tables', () => {
    expect(master.specificationVersion).toBe('v1');
    expect(master.id).toBe('master');
    expect(master.tables).toEqual([...dimensionTables]);
  });

  it('returns one batch per dimension table, in dimensionTables order', async () => {
    const config = parseConfig({ seed: 3, volumes: small });
    const batches = await master.generateMaster!({ config, random: (...path) => createRandom(config.seed, 'master', ...path), tables: new Map() });
    expect(batches.map((batch) => batch.table)).toEqual([...dimensionTables]);
  });

  it('honours every volume', async () => {
    const volumes = { geographies: 173, stores: 57, distributionCenters: 5, trucksPerDc: 7, poolTrucks: 3, customers: 4_321, products: 987 };
    const tables = await generateMaster({ seed: 11, volumes });
    expect(batchOf(tables, 'dim_geographies').length).toBe(173);
    expect(batchOf(tables, 'dim_stores').length).toBe(57);
    expect(batchOf(tables, 'dim_distribution_centers').length).toBe(5);
    expect(batchOf(tables, 'dim_trucks').length).toBe(5 * 7 + 3);
    expect(batchOf(tables, 'dim_customers').length).toBe(4_321);
    expect(batchOf(tables, 'dim_products').length).toBe(987);
  });

  it('handles the smallest configuration', async () => {
    const tables = await generateMaster({ volumes: { geographies: 1, stores: 1, distributionCenters: 1, trucksPerDc: 0, poolTrucks: 0, customers: 1, products: 1 } });
    expect([...tables.values()].map((batch) => batch.length)).toEqual([1, 1, 1, 0, 1, 1]);
  });
});

describe('determinism', () => {
  it('gives identical batches for the same configuration', async () => {
    const first = await generateMaster({ seed: 7, volumes: small });
    const second = await generateMaster({ seed: 7, volumes: small });
    expect(second).toEqual(first);
  });

  it('gives different stores, customers and products for another seed', async () => {
    const seven = await generateMaster({ seed: 7, volumes: small });
    const eight = await generateMaster({ seed: 8, volumes: small });
    for (const table of ['dim_stores', 'dim_trucks', 'dim_customers', 'dim_products']) {
      const columnsOf = (batch: ColumnBatch) => batch.columns;
      expect(columnsOf(batchOf(eight, table)), table).not.toEqual(columnsOf(batchOf(seven, table)));
    }
  });

  it('does not depend on generating other tables first (streams are per table)', async () => {
    const base = await generateMaster({ seed: 5, volumes: small });
    const moreCustomers = await generateMaster({ seed: 5, volumes: { ...small, customers: 9_000 } });
    expect(batchOf(moreCustomers, 'dim_products')).toEqual(batchOf(base, 'dim_products'));
    expect(batchOf(moreCustomers, 'dim_stores')).toEqual(batchOf(base, 'dim_stores'));
  });
});

describe('options', () => {
  it('rejects a share outside 0..1 with an error naming the option', () => {
    expect(() => createMasterGenerator({ newProductShare: 1.5 })).toThrow(InvalidArgumentError);
    expect(() => createMasterGenerator({ refrigeratedTruckShare: -0.1 })).toThrow(/refrigeratedTruckShare/);
  });
});
