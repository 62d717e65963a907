import { describe, expect, it } from 'vitest';
import { defineTable } from '@retail-datagen/models';
import { createColumnBatch } from '../batch/column-batch.js';
import { batchProblems } from './batch-conformance.js';

const visits = defineTable({
  name: 'TestVisits',
  kind: 'fact',
  description: 'A closed-set field.',
  primaryKey: ['ID'],
  fields: [
    { name: 'ID', type: 'int32' },
    { name: 'Zone', type: 'string', nullable: true, values: ['ENTRANCE', 'CHECKOUT'] },
  ],
});

describe('batchProblems', () => {
  it('accepts the values of a closed set and NULL where the field is nullable', () => {
    expect(batchProblems(createColumnBatch(visits, 3, { ID: Int32Array.of(1, 2, 3), Zone: { kind: 'dictionary', dictionary: ['CHECKOUT', 'ENTRANCE'], codes: Int32Array.of(0, -1, 1) } }))).toEqual([]);
  });

  it('reports a string outside its field closed set with the row and the values', () => {
    expect(batchProblems(createColumnBatch(visits, 3, { ID: Int32Array.of(1, 2, 3), Zone: ['ENTRANCE', 'checkout', 'ATTIC'] }))).toEqual([
      'test_visits: field Zone holds "checkout" in row 1, not one of its values (ENTRANCE, CHECKOUT)',
    ]);
  });
});
