import { defineTable } from '@retail-datagen/models';
import { describe, expect, it } from 'vitest';
import { stringValues } from './column-access.js';
import { columnLength, createColumnBatch, isColumnOfType, stringAt, utf8ColumnOf } from './column-batch.js';

const notes = defineTable({
  name: 'FactNotes',
  kind: 'fact',
  description: 'test',
  primaryKey: ['NoteID'],
  fields: [
    { name: 'NoteID', type: 'int32' },
    { name: 'Text', type: 'string', nullable: true },
  ],
});

describe('utf8ColumnOf', () => {
  it('encodes ASCII text as one byte per character, with offsets per row and NULLs in the validity mask', () => {
    const column = utf8ColumnOf(['R-1', null, '', 'ABCDEFGHIJKLMNOP']);
    expect(Array.from(column.offsets)).toEqual([0, 3, 3, 3, 19]);
    expect(new TextDecoder().decode(column.bytes)).toBe('R-1ABCDEFGHIJKLMNOP');
    expect(Array.from(column.validity ?? [])).toEqual([1, 0, 1, 1]);
    expect(columnLength(column)).toBe(4);
    expect([0, 1, 2, 3].map((row) => stringAt(column, row))).toEqual(['R-1', null, '', 'ABCDEFGHIJKLMNOP']);
  });

  it('encodes any Unicode text as UTF-8 and reads every value back', () => {
    const values = ['Ünïcode', 'plain', '東京', null, '🛒 cart', 'x'];
    const column = utf8ColumnOf(values);
    expect(column.bytes.length).toBe(values.reduce((sum, value) => sum + new TextEncoder().encode(value ?? '').length, 0));
    expect(values.map((_, row) => stringAt(column, row))).toEqual(values);
  });

  it('has no validity mask when every row has a value, and owns its buffers (transferable)', () => {
    const column = utf8ColumnOf(['a', 'b']);
    expect(column.validity).toBeUndefined();
    expect(column.bytes.buffer.byteLength).toBe(2);
    expect(utf8ColumnOf([]).offsets.length).toBe(1);
  });

  it('is a string column of a batch, read back as plain values', () => {
    const batch = createColumnBatch(notes, 3, { NoteID: Int32Array.of(1, 2, 3), Text: utf8ColumnOf(['a', null, 'ç']) });
    expect(isColumnOfType(batch.columns['Text'] as never, 'string')).toBe(true);
    expect(isColumnOfType(batch.columns['Text'] as never, 'int32')).toBe(false);
    expect(stringValues(batch, 'Text')).toEqual(['a', null, 'ç']);
    expect(() => createColumnBatch(notes, 2, { NoteID: Int32Array.of(1, 2), Text: utf8ColumnOf(['a']) })).toThrow('field Text has 1 values, expected 2');
  });
});
