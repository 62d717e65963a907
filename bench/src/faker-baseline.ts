import { DuckDBInstance, DuckDBTimestampValue } from '@duckdb/node-api';
import { faker } from '@faker-js/faker';

/**
 * The straightforward generator we compare with: faker-js values, one object
 * per row, DuckDB's row appender; receipts and their lines only. This is how
 * a first version of such a tool is usually written.
 */
export async function runFakerBaseline(database: string, targetRows: number): Promise<{ rows: number; seconds: number }> {
  faker.seed(42);
  const instance = await DuckDBInstance.create(database);
  const connection = await instance.connect();
  try {
    await connection.run(
      'CREATE TABLE receipts (receipt_id VARCHAR, event_ts TIMESTAMP, store_id INTEGER, customer_id INTEGER, subtotal DOUBLE, tax DOUBLE, total DOUBLE, payment_method VARCHAR)',
    );
    await connection.run('CREATE TABLE receipt_lines (receipt_id VARCHAR, line_num INTEGER, product_id INTEGER, quantity INTEGER, unit_price DOUBLE, ext_price DOUBLE)');
    const started = performance.now();
    const receiptAppender = await connection.createAppender('receipts');
    const lineAppender = await connection.createAppender('receipt_lines');
    const from = new Date('2024-11-15T00:00:00Z');
    const to = new Date('2024-12-15T00:00:00Z');
    let rows = 0;
    while (rows < targetRows) {
      const lines = Array.from({ length: faker.number.int({ min: 1, max: 24 }) }, (_, index) => {
        const quantity = faker.number.int({ min: 1, max: 6 });
        const unitPrice = Number(faker.commerce.price({ min: 1, max: 200 }));
        return { lineNum: index + 1, productId: faker.number.int({ min: 1, max: 800 }), quantity, unitPrice, extPrice: quantity * unitPrice };
      });
      const subtotal = lines.reduce((sum, line) => sum + line.extPrice, 0);
      const receipt = {
        receiptId: faker.string.uuid(),
        eventTs: faker.date.between({ from, to }),
        storeId: faker.number.int({ min: 1, max: 24 }),
        customerId: faker.number.int({ min: 1, max: 20_000 }),
        subtotal,
        tax: subtotal * 0.07,
        total: subtotal * 1.07,
        paymentMethod: faker.helpers.arrayElement(['CREDIT', 'DEBIT', 'CASH', 'MOBILE']),
        lines,
      };
      receiptAppender.appendVarchar(receipt.receiptId);
      receiptAppender.appendTimestamp(new DuckDBTimestampValue(BigInt(receipt.eventTs.getTime()) * 1000n));
      receiptAppender.appendInteger(receipt.storeId);
      receiptAppender.appendInteger(receipt.customerId);
      receiptAppender.appendDouble(receipt.subtotal);
      receiptAppender.appendDouble(receipt.tax);
      receiptAppender.appendDouble(receipt.total);
      receiptAppender.appendVarchar(receipt.paymentMethod);
      receiptAppender.endRow();
      rows++;
      for (const line of receipt.lines) {
        lineAppender.appendVarchar(receipt.receiptId);
        lineAppender.appendInteger(line.lineNum);
        lineAppender.appendInteger(line.productId);
        lineAppender.appendInteger(line.quantity);
        lineAppender.appendDouble(line.unitPrice);
        lineAppender.appendDouble(line.extPrice);
        lineAppender.endRow();
        rows++;
      }
    }
    receiptAppender.closeSync();
    lineAppender.closeSync();
    return { rows, seconds: (performance.now() - started) / 1000 };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
