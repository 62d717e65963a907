import type { ColumnBatchBuilder } from '@retail-datagen/generator-core';
import { paymentIdOf } from './receipt-ids.js';
import { tenderTypes, tripTypes } from './receipt-shapes.js';
import type { BasketScratch, ReceiptsWorld } from './receipts-world.js';

/** The builders a store-hour writes receipts into. */
export interface ReceiptTables {
  readonly receipts: ColumnBatchBuilder;
  readonly lines: ColumnBatchBuilder;
  readonly payments: ColumnBatchBuilder;
  readonly promotions: ColumnBatchBuilder;
}

/** Money totals of the receipt in the scratch, integer cents. */
export interface ReceiptTotals {
  subtotal: number;
  discount: number;
  tax: number;
  total: number;
}

/**
 * Writes the `lineCount` lines in the scratch as fact_receipt_lines rows
 * (line numbers from 1), accumulates the per-promotion discounts for
 * {@link writePromotions}, and returns the header totals:
 * subtotal = sum ext_price, discount = sum line discounts, tax = sum line
 * taxes, total = subtotal - discount + tax. Quantities and amounts are
 * negative on a return.
 */
export function writeLines(tables: ReceiptTables, world: ReceiptsWorld, lineCount: number, receiptId: string, timestamp: number): Readonly<ReceiptTotals> {
  const scratch = world.scratch;
  const builder = tables.lines;
  const columns = builder.writers(lineColumns);
  let subtotal = 0;
  let discount = 0;
  let tax = 0;
  scratch.promotionsUsedCount = 0;
  for (let line = 0; line < lineCount; line++) {
    const quantity = scratch.quantity[line] as number;
    const unitPrice = scratch.unitPrice[line] as number;
    const extendedPrice = quantity * unitPrice;
    const lineDiscount = scratch.discount[line] as number;
    const promotion = scratch.promotion[line] as number;
    columns.receiptId.set(receiptId);
    columns.lineNum.set(line + 1);
    columns.eventTs.set(timestamp);
    columns.productId.set(world.productIds[scratch.product[line] as number] as number);
    columns.quantity.set(quantity);
    columns.unitPrice.set(unitPrice);
    columns.extPrice.set(extendedPrice);
    columns.discount.set(lineDiscount);
    columns.promoCode.set(promotion < 0 ? null : (world.promotions[promotion]?.code ?? null));
    builder.endRow();
    subtotal += extendedPrice;
    discount += lineDiscount;
    tax += scratch.tax[line] as number;
    if (promotion >= 0) addPromotionDiscount(scratch, promotion, lineDiscount);
  }
  // One totals object per thread, overwritten by the next receipt: no object per row.
  const totals = scratch.totals;
  totals.subtotal = subtotal;
  totals.discount = discount;
  totals.tax = tax;
  totals.total = subtotal - discount + tax;
  return totals;
}

/** fact_receipt_lines' column writers (3.8M rows in the 10M-row bench: no lookup by name per value). */
function lineColumns(builder: ColumnBatchBuilder) {
  return {
    receiptId: builder.strings('ReceiptId'),
    lineNum: builder.numbers('LineNum'),
    eventTs: builder.numbers('EventTS'),
    productId: builder.numbers('ProductID'),
    quantity: builder.numbers('Quantity'),
    unitPrice: builder.numbers('UnitPrice'),
    extPrice: builder.numbers('ExtPrice'),
    discount: builder.numbers('Discount'),
    promoCode: builder.strings('PromoCode'),
  };
}

function addPromotionDiscount(scratch: BasketScratch, promotion: number, amount: number): void {
  for (let used = 0; used < scratch.promotionsUsedCount; used++) {
    if (scratch.promotionsUsed[used] === promotion) {
      scratch.promotionTotal[promotion] = (scratch.promotionTotal[promotion] as number) + amount;
      return;
    }
  }
  scratch.promotionsUsed[scratch.promotionsUsedCount++] = promotion;
  scratch.promotionTotal[promotion] = amount;
}

/** One fact_promotions row per promotion used by the lines just written, with its summed line discounts. */
export function writePromotions(tables: ReceiptTables, world: ReceiptsWorld, receiptId: string, timestamp: number): void {
  const scratch = world.scratch;
  const builder = tables.promotions;
  for (let used = 0; used < scratch.promotionsUsedCount; used++) {
    const index = scratch.promotionsUsed[used] as number;
    const promotion = world.promotions[index];
    if (!promotion) continue;
    builder.pushString('ReceiptId', receiptId);
    builder.pushNumber('EventTS', timestamp);
    builder.pushString('PromoCode', promotion.code);
    builder.pushNumber('Discount', scratch.promotionTotal[index] as number);
    builder.pushString('DiscountType', promotion.discountType);
    builder.endRow();
  }
  scratch.promotionsUsedCount = 0;
}

/** One fact_receipts row. `customerId` -1 is an anonymous shopper (NULL). */
export function writeReceipt(
  tables: ReceiptTables,
  receiptId: string,
  timestamp: number,
  storeId: number,
  customerId: number,
  returnForReceiptId: string | null,
  trip: number,
  totals: Readonly<ReceiptTotals>,
  tender: number,
): void {
  const builder = tables.receipts;
  builder.pushString('ReceiptId', receiptId);
  builder.pushNumber('EventTS', timestamp);
  builder.pushNumber('StoreID', storeId);
  if (customerId < 0) builder.pushNull('CustomerID');
  else builder.pushNumber('CustomerID', customerId);
  builder.pushString('ReceiptType', returnForReceiptId === null ? 'SALE' : 'RETURN');
  builder.pushString('ReturnForReceiptId', returnForReceiptId);
  builder.pushString('TripType', tripTypes[trip] as string);
  builder.pushNumber('Subtotal', totals.subtotal);
  builder.pushNumber('Discount', totals.discount);
  builder.pushNumber('Tax', totals.tax);
  builder.pushNumber('Total', totals.total);
  builder.pushString('TenderType', tenderTypes[tender] as string);
  builder.endRow();
}

/** One fact_payments row for attempt `attempt` (1-based) of a receipt; `declineReason` null when APPROVED. */
export function writePayment(
  tables: ReceiptTables,
  receiptId: string,
  attempt: number,
  timestamp: number,
  tender: number,
  amount: number,
  declineReason: string | null,
): void {
  const builder = tables.payments;
  builder.pushString('PaymentID', paymentIdOf(receiptId, attempt));
  builder.pushString('ReceiptId', receiptId);
  builder.pushString('OrderId', null);
  builder.pushNumber('EventTS', timestamp);
  builder.pushString('TenderType', tenderTypes[tender] as string);
  builder.pushNumber('Amount', amount);
  builder.pushString('Status', declineReason === null ? 'APPROVED' : 'DECLINED');
  builder.pushString('DeclineReason', declineReason);
  builder.endRow();
}
