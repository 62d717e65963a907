import { describe, expect, it } from 'vitest';
import { builtInTables } from '../tables/table-catalog.js';
import { defineTable } from '../tables/table-definition.js';
import { toSnakeCase } from './to-snake-case.js';

describe('toSnakeCase', () => {
  it.each([
    ['StoreID', 'store_id'],
    ['EventTS', 'event_ts'],
    ['BLEId', 'ble_id'],
    ['DCNumber', 'dc_number'],
    ['DCID', 'dc_id'],
    ['BLEID', 'ble_id'],
    ['DCIDNumber', 'dc_id_number'],
    ['ID', 'id'],
    ['MSRP', 'msrp'],
    ['ProductName', 'product_name'],
    ['GeographyID', 'geography_id'],
    ['HomeStoreID', 'home_store_id'],
    ['DimDistributionCenters', 'dim_distribution_centers'],
    ['Line2Amount', 'line2_amount'],
  ])('%s -> %s', (input, expected) => {
    expect(toSnakeCase(input)).toBe(expected);
  });
});

describe('physical names come from one mapping plus declared overrides', () => {
  const table = defineTable({
    name: 'FactReceipts',
    kind: 'fact',
    description: 'test',
    primaryKey: ['ReceiptId'],
    fields: [
      { name: 'ReceiptId', type: 'string', column: 'receipt_id_ext' },
      { name: 'TenderType', type: 'string', column: 'payment_method' },
      { name: 'Tax', type: 'money', column: 'tax_amount' },
      { name: 'StoreID', type: 'int32' },
      { name: 'EventTS', type: 'timestamp' },
    ],
  });

  it('applies overrides declared beside the field', () => {
    expect(table.name).toBe('fact_receipts');
    expect(table.fields.map((field) => field.column)).toEqual(['receipt_id_ext', 'payment_method', 'tax_amount', 'store_id', 'event_ts']);
    expect(table.primaryKeyColumns).toEqual(['receipt_id_ext']);
  });

  it('refuses two fields mapping to one column', () => {
    expect(() =>
      defineTable({ name: 'X', kind: 'fact', description: '', primaryKey: [], fields: [{ name: 'StoreID', type: 'int32' }, { name: 'StoreId', type: 'int32' }] }),
    ).toThrow(/same column/);
  });

  it('every built-in table has snake_case physical names, matching the mapping unless overridden', () => {
    for (const definition of builtInTables) {
      expect(definition.name).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(definition.name).toBe(toSnakeCase(definition.logicalName));
      for (const field of definition.fields) expect(field.column).toMatch(/^[a-z][a-z0-9_]*$/);
    }
  });

  it('has the dimension column names users query', () => {
    const columns = Object.fromEntries(builtInTables.map((definition) => [definition.name, definition.fields.map((field) => field.column)]));
    expect(columns.dim_geographies).toEqual(expect.arrayContaining(['id', 'city', 'state', 'zip_code', 'district', 'region']));
    expect(columns.dim_stores).toEqual(
      expect.arrayContaining(['id', 'store_number', 'address', 'geography_id', 'tax_rate', 'volume_class', 'store_format', 'open_hour', 'close_hour', 'daily_traffic_multiplier']),
    );
    expect(columns.dim_distribution_centers).toEqual(expect.arrayContaining(['id', 'dc_number', 'address', 'geography_id']));
    expect(columns.dim_trucks).toEqual(expect.arrayContaining(['id', 'license_plate', 'refrigeration', 'dc_id']));
    expect(columns.dim_customers).toEqual(
      expect.arrayContaining(['id', 'first_name', 'last_name', 'address', 'geography_id', 'loyalty_card', 'phone', 'ble_id', 'ad_id', 'home_store_id']),
    );
    expect(columns.dim_products).toEqual(
      expect.arrayContaining(['id', 'product_name', 'brand', 'company', 'department', 'category', 'subcategory', 'cost', 'msrp', 'sale_price', 'requires_refrigeration', 'launch_date', 'taxability']),
    );
  });

  it('every foreign key points at a known table and column', () => {
    const known = new Map(builtInTables.map((definition) => [definition.name, new Set(definition.fields.map((field) => field.column))]));
    for (const definition of builtInTables) {
      for (const field of definition.fields) {
        if (!field.references) continue;
        const [tableName, columnName] = field.references.split('.');
        expect(known.get(tableName as string)?.has(columnName as string), `${definition.name}.${field.column} -> ${field.references}`).toBe(true);
      }
    }
  });
});
