import { defineTable } from '@retail-datagen/models';
import { describe, expect, it } from 'vitest';
import { ColumnBatchBuilder } from './column-batch-builder.js';
import { createColumnBatch, stringAt } from './column-batch.js';

const events = defineTable({
  name: 'FactEvents',
  kind: 'fact',
  description: 'test',
  primaryKey: ['EventID'],
  fields: [
    { name: 'EventID', type: 'int32' },
    { name: 'EventTS', type: 'timestamp' },
    { name: 'Kind', type: 'string' },
    { name: 'Amount', type: 'money', nullable: true },
  ],
});

const tickets = defineTable({
  name: 'FactTickets',
  kind: 'fact',
  description: 'test',
  primaryKey: ['TicketId'],
  fields: [
    { name: 'TicketId', type: 'string' },
    { name: 'Kind', type: 'string' },
    { name: 'Note', type: 'string', nullable: true },
  ],
});

/** `rows` events through the field-name API: every third OPEN, every tenth amount NULL. */
function pushEventsByName(builder: ColumnBatchBuilder, rows: number): void {
  for (let row = 0; row < rows; row++) {
    builder.pushNumber('EventID', row);
    builder.pushNumber('EventTS', 1_700_000_000_000 + row);
    builder.pushString('Kind', row % 3 === 0 ? 'OPEN' : 'CLOSE');
    if (row % 10 === 0) builder.pushNull('Amount');
    else builder.pushNumber('Amount', row * 100);
    builder.endRow();
  }
}

describe('ColumnBatchBuilder', () => {
  it('keeps mostly distinct strings (ids) as plain arrays and repeated ones as dictionaries, across batches', () => {
    const builder = new ColumnBatchBuilder(tickets, 16);
    for (const size of [2000, 300]) {
      for (let row = 0; row < size; row++) {
        builder.pushString('TicketId', `T-${size}-${String(row).padStart(6, '0')}`);
        builder.pushString('Kind', row % 2 === 0 ? 'SALE' : 'RETURN');
        if (row % 7 === 0) builder.pushNull('Note');
        else builder.pushString('Note', `note ${row}`);
        builder.endRow();
      }
      const batch = builder.finish();
      expect(batch.length).toBe(size);
      expect(Array.isArray(batch.columns.TicketId)).toBe(true);
      expect(Array.isArray(batch.columns.Kind)).toBe(false);
      for (let row = 0; row < size; row++) {
        expect(stringAt(batch.columns.TicketId as never, row)).toBe(`T-${size}-${String(row).padStart(6, '0')}`);
        expect(stringAt(batch.columns.Kind as never, row)).toBe(row % 2 === 0 ? 'SALE' : 'RETURN');
        expect(stringAt(batch.columns.Note as never, row)).toBe(row % 7 === 0 ? null : `note ${row}`);
      }
    }
  });

  it('grows past its initial capacity and dictionary-encodes strings', () => {
    const builder = new ColumnBatchBuilder(events, 16);
    pushEventsByName(builder, 1000);
    const batch = builder.finish();
    expect(batch.length).toBe(1000);
    expect((batch.columns.EventID as Int32Array)[999]).toBe(999);
    expect(stringAt(batch.columns.Kind as never, 3)).toBe('OPEN');
    expect(stringAt(batch.columns.Kind as never, 4)).toBe('CLOSE');
    expect((batch.columns.Kind as unknown as { dictionary: string[] }).dictionary).toEqual(['OPEN', 'CLOSE']);
    expect(batch.validity.Amount?.[10]).toBe(0);
    expect(batch.validity.Amount?.[11]).toBe(1);
    expect(builder.length).toBe(0);
  });

  it('refuses fields the table does not have', () => {
    const builder = new ColumnBatchBuilder(events);
    expect(() => builder.pushNumber('Nope', 1)).toThrow(/no numeric field Nope/);
    expect(() => builder.pushNull('EventID')).toThrow(/not nullable/);
    expect(() => builder.numbers('Kind')).toThrow(/fact_events has no numeric field Kind/);
    expect(() => builder.strings('EventID')).toThrow(/fact_events has no string field EventID/);
    expect(() => builder.numbers('EventID').setNull()).toThrow(/fact_events.EventID is not nullable/);
  });

  it('fills the same batch through column writers as through field names, across growth and batches', () => {
    const pick = (builder: ColumnBatchBuilder) => ({ id: builder.numbers('EventID'), ts: builder.numbers('EventTS'), kind: builder.strings('Kind'), amount: builder.numbers('Amount') });
    const byWriter = new ColumnBatchBuilder(events, 16);
    const byName = new ColumnBatchBuilder(events, 16);
    expect(byWriter.writers(pick)).toBe(byWriter.writers(pick));
    for (const size of [1000, 37]) {
      for (let row = 0; row < size; row++) {
        const columns = byWriter.writers(pick);
        columns.id.set(row);
        columns.ts.set(1_700_000_000_000 + row);
        columns.kind.set(row % 3 === 0 ? 'OPEN' : 'CLOSE');
        if (row % 10 === 0) columns.amount.setNull();
        else columns.amount.set(row * 100);
        byWriter.endRow();
      }
      pushEventsByName(byName, size);
      const written = byWriter.finish();
      expect(written).toEqual(byName.finish());
      expect(written.length).toBe(size);
      expect((written.columns.EventID as Int32Array)[size - 1]).toBe(size - 1);
      expect(written.validity.Amount?.[10]).toBe(0);
      expect(written.validity.Amount?.[11]).toBe(1);
    }
  });
});

describe('createColumnBatch', () => {
  it('checks every field is present with the right array type and length', () => {
    const good = { EventID: Int32Array.of(1), EventTS: Float64Array.of(0), Kind: ['A'], Amount: Float64Array.of(5) };
    expect(createColumnBatch(events, 1, good).length).toBe(1);
    expect(() => createColumnBatch(events, 1, { ...good, EventID: Float64Array.of(1) })).toThrow(/EventID is not held as a int32 column/);
    expect(() => createColumnBatch(events, 2, good)).toThrow(/has 1 values, expected 2/);
    const { Kind: _kind, ...missing } = good;
    expect(() => createColumnBatch(events, 1, missing)).toThrow(/lacks field Kind/);
  });
});
