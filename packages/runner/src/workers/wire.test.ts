import { createColumnBatch, stringValues, type UnitResult } from '@retail-datagen/generator-core';
import { defineTable, createTableCatalog } from '@retail-datagen/models';
import { describe, expect, it } from 'vitest';
import { fromWireUnitResult, toWireBatch, toWireUnitResult, transferablesOf } from './wire.js';

const visits = defineTable({
  name: 'FactVisits',
  kind: 'fact',
  description: 'test',
  primaryKey: ['VisitID'],
  fields: [
    { name: 'VisitID', type: 'int32' },
    { name: 'Customer', type: 'string', nullable: true },
    { name: 'Zone', type: 'string' },
  ],
});

function unitResult(): UnitResult {
  const batch = createColumnBatch(visits, 3, {
    VisitID: Int32Array.of(1, 2, 3),
    Customer: ['C-000000017-Ü', null, 'C-000000018'],
    Zone: { kind: 'dictionary', dictionary: ['entry', 'dairy'], codes: Int32Array.of(0, 1, 0) },
  });
  return { partition: 2, batches: [batch], summaries: new Map([['sensors', { visits: 3 }]]) };
}

describe('unit results crossing threads', () => {
  it('carry plain string columns as UTF-8 bytes whose buffers are in the transfer list, and read back the same values', () => {
    const wire = toWireUnitResult(unitResult(), { sensors: [] });
    const customer = wire.batches[0]?.columns['Customer'];
    expect(customer).toMatchObject({ kind: 'utf8' });
    const buffers = transferablesOf(wire);
    const utf8 = customer as { offsets: Int32Array; bytes: Uint8Array; validity: Uint8Array };
    for (const view of [utf8.offsets, utf8.bytes, utf8.validity]) expect(buffers).toContain(view.buffer);
    // A real thread hop: structuredClone with the transfer list moves the buffers (the originals are detached).
    const moved = structuredClone(wire, { transfer: buffers });
    expect(utf8.bytes.byteLength).toBe(0);
    const back = fromWireUnitResult(moved, createTableCatalog([visits]));
    const batch = back.batches[0];
    if (batch === undefined) throw new Error('no batch came back');
    expect(stringValues(batch, 'Customer')).toEqual(['C-000000017-Ü', null, 'C-000000018']);
    expect(stringValues(batch, 'Zone')).toEqual(['entry', 'dairy', 'entry']);
    expect(back.summaries.get('sensors')).toEqual({ visits: 3 });
  });

  it('send dimension batches as they are, for the generators that read them', () => {
    const batch = unitResult().batches[0];
    if (batch === undefined) throw new Error('no batch');
    expect(toWireBatch(batch).columns['Customer']).toBe(batch.columns['Customer']);
  });
});
