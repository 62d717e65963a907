import { describe, expect, it } from 'vitest';
import { factStoreInventoryTxn, inventoryTxnTypes } from './store-facts.js';
import { factBlePings, factCustomerZoneChanges, factFootTraffic, sensorZones } from './sensor-tables.js';
import { defineTable, maxFieldValues, type FieldInput } from './table-definition.js';

const tableWith = (field: FieldInput) =>
  defineTable({ name: 'TestClosedSet', kind: 'fact', description: 'A closed-set field.', primaryKey: ['ID'], fields: [{ name: 'ID', type: 'int32' }, field] });

describe('closed sets of values', () => {
  it('keeps the values of a string field in their declared order', () => {
    expect(tableWith({ name: 'Zone', type: 'string', values: ['B', 'A'] }).field('Zone').values).toEqual(['B', 'A']);
    expect(factStoreInventoryTxn.field('TxnType').values).toBe(inventoryTxnTypes);
    for (const field of [factBlePings.field('Zone'), factFootTraffic.field('Zone'), factCustomerZoneChanges.field('FromZone'), factCustomerZoneChanges.field('ToZone')]) {
      expect(field.values).toBe(sensorZones);
    }
  });

  it('refuses a closed set on a non-string field, an empty or oversized one, a repeated value and the empty string', () => {
    expect(() => tableWith({ name: 'Count', type: 'int32', values: ['1'] })).toThrow('table TestClosedSet: field Count: only a string field takes a closed set of values, not a int32 one');
    expect(() => tableWith({ name: 'Zone', type: 'string', values: [] })).toThrow(`field Zone: a closed set has 1 to ${maxFieldValues} values, not 0`);
    const tooMany = Array.from({ length: maxFieldValues + 1 }, (_, index) => `V${index}`);
    expect(() => tableWith({ name: 'Zone', type: 'string', values: tooMany })).toThrow(`not ${maxFieldValues + 1}`);
    expect(() => tableWith({ name: 'Zone', type: 'string', values: ['A', 'B', 'A'] })).toThrow('field Zone: a value is listed twice in its closed set');
    expect(() => tableWith({ name: 'Zone', type: 'string', values: ['A', ''] })).toThrow('field Zone: the empty string is not a value of a closed set');
  });
});
