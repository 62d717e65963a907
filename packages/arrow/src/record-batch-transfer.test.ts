import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { createTableCatalog } from '@retail-datagen/models';
import { describe, expect, it } from 'vitest';
import { fromRecordBatch, toRecordBatch } from './record-batch.js';
import { fromTransferable, toTransferable, transferListOf, type TransferableRecordBatch } from './record-batch-transfer.js';
import { everyTypeBatch, everyTypeTable, generatedRows, rowsOf, smallTable } from './test-support/every-type-table.js';

/** Posts a message across a real MessagePort, as a worker does, and takes it on the other side. */
function postAndReceive(message: TransferableRecordBatch, transferList: ArrayBuffer[]): TransferableRecordBatch {
  const { port1, port2 } = new MessageChannel();
  port1.postMessage(message, transferList);
  const received = receiveMessageOnPort(port2)?.message as TransferableRecordBatch;
  port1.close();
  return received;
}

describe('record batch transfer', () => {
  it('moves a record batch to another port without copying and rebuilds the same rows', () => {
    const expected = rowsOf(everyTypeBatch(generatedRows(300)));
    const recordBatch = toRecordBatch(everyTypeBatch(generatedRows(300)));
    const transferList = transferListOf(recordBatch);
    const idBuffer = (recordBatch.getChild('id')?.data[0]?.values as Int32Array).buffer;
    expect(transferList).toContain(idBuffer);
    const received = postAndReceive(toTransferable(recordBatch), transferList);
    // Moved, not copied: the sender's buffers are detached.
    expect(idBuffer.byteLength).toBe(0);
    const catalog = createTableCatalog([everyTypeTable, smallTable]);
    const rebuilt = fromTransferable(received, catalog);
    expect(rowsOf(fromRecordBatch(rebuilt, everyTypeTable))).toEqual(expected);
    expect(String(rebuilt.schema.fields[7]?.type)).toBe('Dictionary<Int32, Utf8>');
  });

  it('lists each buffer once, and only ArrayBuffers', () => {
    const recordBatch = toRecordBatch(everyTypeBatch(generatedRows(50)));
    const list = transferListOf(recordBatch);
    expect(new Set(list).size).toBe(list.length);
    expect(list.every((buffer) => buffer instanceof ArrayBuffer)).toBe(true);
    expect(transferListOf(toTransferable(recordBatch))).toEqual(list);
  });

  it('rebuilds sliced batches at their offset', () => {
    const rows = generatedRows(100);
    const slice = toRecordBatch(everyTypeBatch(rows)).slice(10, 60);
    const rebuilt = fromTransferable(structuredClone(toTransferable(slice)), everyTypeTable);
    expect(rowsOf(fromRecordBatch(rebuilt, everyTypeTable))).toEqual(rowsOf(everyTypeBatch(rows.slice(10, 60))));
  });

  it('refuses a message for another table or with other columns', () => {
    const message = toTransferable(toRecordBatch(everyTypeBatch(generatedRows(3))));
    expect(() => fromTransferable(message, smallTable)).toThrow('the message holds rows of test_every_type, not test_small');
    expect(() => fromTransferable(message, createTableCatalog([smallTable]))).toThrow('unknown table "test_every_type"');
    expect(() => toTransferable(toRecordBatch(everyTypeBatch(generatedRows(3))), smallTable)).toThrow('but test_small has (id, name)');
  });
});
