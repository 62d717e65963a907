import { expect, test } from 'vitest';
import { appendLine, appendSale, createSalesHistory, lineField, lineOffset, saleCount, saleField, saleOffset } from './sales-history.js';

function addSale(history: ReturnType<typeof createSalesHistory>, sequence: number, lines: number): void {
  appendSale(history, 20_000, 3600, sequence, -1, 0, 0, lines);
  for (let line = 0; line < lines; line++) appendLine(history, sequence * 10 + line, 2, 199, 0, 14, -1);
}

test('keeps the latest sales and forgets those whose lines were overwritten', () => {
  const history = createSalesHistory(4, 10);
  for (let sequence = 1; sequence <= 6; sequence++) addSale(history, sequence, 3);
  expect(saleCount(history)).toBe(4);
  const sequenceOf = (recent: number) => {
    const offset = saleOffset(history, recent);
    return offset < 0 ? null : history.sales[offset + saleField.sequence];
  };
  // 18 lines were written into room for 10: sales 6, 5 and 4 keep theirs (9 lines), sale 3 lost its first.
  expect([0, 1, 2, 3].map(sequenceOf)).toEqual([6, 5, 4, null]);
  const latest = saleOffset(history, 0);
  const firstLine = lineOffset(history, history.sales[latest + saleField.lineStart]!);
  expect(history.lines[firstLine + lineField.product]).toBe(60);
  expect(history.lines[firstLine + lineField.quantity]).toBe(2);
  expect(structuredClone(history)).toEqual(history);
});

test('refuses a sale with more lines than the ring holds', () => {
  const history = createSalesHistory(4, 10);
  expect(appendSale(history, 20_000, 0, 1, -1, 0, 0, 11)).toBe(false);
  expect(saleCount(history)).toBe(0);
});
