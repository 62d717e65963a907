import { refundReturn } from './payment-attempts.js';
import { receiptIdOf } from './receipt-ids.js';
import { writeLines, writePromotions, writeReceipt } from './receipt-rows.js';
import { recordVisit } from './store-hour-visits.js';
import { lineField, lineOffset, saleCount, saleField, saleOffset } from './sales-history.js';
import { sessionReceiptId, type StoreHourSession } from './store-hour-session.js';

/** Random picks in the history before a return visit is given up (nothing returnable found). */
const maximumSalePicks = 8;
/** Chance that a returnable line of the sale comes back (one line always does). */
const lineReturnChance = 0.35;
/** Chance that a returned line brings back every unit still returnable (else a uniform part of them). */
const wholeLineChance = 0.75;

/**
 * One return visit at `secondOfHour`: picks a sale from the store's history
 * made strictly earlier (an earlier day or earlier today) with units not yet
 * returned, returns a subset of its lines (negative quantities; never more
 * than sold minus already returned), puts the units back on the shelf
 * through the ledger, and refunds the negative total to the original tender.
 * Discount and tax are refunded in proportion to the units, computed on the
 * cumulative returned quantity so that a line returned in several visits
 * refunds exactly its discount and tax. Nothing is written when no
 * returnable sale is found.
 */
export function simulateReturn(session: StoreHourSession, secondOfHour: number): void {
  const { world, random, state } = session;
  const history = state.history;
  const available = saleCount(history);
  if (available === 0) return;
  const nowSecond = session.hour * 3600 + secondOfHour;

  let sale = -1;
  for (let pick = 0; pick < maximumSalePicks && sale < 0; pick++) {
    const offset = saleOffset(history, random.int(0, available - 1));
    if (offset < 0) continue;
    const saleDay = history.sales[offset + saleField.day] as number;
    const saleSecond = history.sales[offset + saleField.second] as number;
    if (saleDay > session.dayNumber || (saleDay === session.dayNumber && saleSecond >= nowSecond)) continue;
    if (returnableLines(session, offset) > 0) sale = offset;
  }
  if (sale < 0) return;

  const sales = history.sales;
  const lines = history.lines;
  const sequence = state.sequence + 1;
  state.sequence = sequence;
  const receiptId = sessionReceiptId(session, sequence);
  const timestamp = session.hourStart + secondOfHour * 1000;
  const returnable = returnableLines(session, sale);
  const forced = random.int(0, returnable - 1);
  const firstLine = sales[sale + saleField.lineStart] as number;
  const lineCount = sales[sale + saleField.lineCount] as number;
  const scratch = world.scratch;
  scratch.reserveLines(lineCount);

  let returned = 0;
  let ordinal = 0;
  for (let line = 0; line < lineCount; line++) {
    const offset = lineOffset(history, firstLine + line);
    const sold = lines[offset + lineField.quantity] as number;
    const alreadyReturned = lines[offset + lineField.returned] as number;
    const remaining = sold - alreadyReturned;
    if (remaining <= 0) continue;
    const chosen = ordinal === forced || random.chance(lineReturnChance);
    ordinal++;
    if (!chosen) continue;
    const quantity = random.chance(wholeLineChance) ? remaining : random.int(1, remaining);
    const product = lines[offset + lineField.product] as number;
    const discount = lines[offset + lineField.discount] as number;
    const tax = lines[offset + lineField.tax] as number;
    lines[offset + lineField.returned] = alreadyReturned + quantity;
    session.ledger.put({ storeIndex: session.storeIndex, productIndex: product, quantity, type: 'RETURN', timestamp, source: receiptId });

    scratch.product[returned] = product;
    scratch.quantity[returned] = -quantity;
    scratch.unitPrice[returned] = lines[offset + lineField.unitPrice] as number;
    // 0 - x, not -x: a zero part stays +0 rather than -0.
    scratch.discount[returned] = 0 - proportionalPart(discount, sold, alreadyReturned, quantity);
    scratch.tax[returned] = 0 - proportionalPart(tax, sold, alreadyReturned, quantity);
    scratch.promotion[returned] = lines[offset + lineField.promotion] as number;
    returned++;
  }

  const originalId = receiptIdOf(session.storeId, sales[sale + saleField.day] as number, sales[sale + saleField.sequence] as number);
  const tender = sales[sale + saleField.tender] as number;
  const totals = writeLines(session.tables, world, returned, receiptId, timestamp);
  writePromotions(session.tables, world, receiptId, timestamp);
  refundReturn(session, receiptId, timestamp, totals.total, tender);
  const customerId = sales[sale + saleField.customer] as number;
  writeReceipt(session.tables, receiptId, timestamp, session.storeId, customerId, originalId, sales[sale + saleField.trip] as number, totals, tender);
  recordVisit(session.visits, receiptId, timestamp, customerId, totals.total, true);
}

/** Lines of the sale at `saleOffset` with units not yet returned. */
function returnableLines(session: StoreHourSession, offset: number): number {
  const history = session.state.history;
  const firstLine = history.sales[offset + saleField.lineStart] as number;
  const lineCount = history.sales[offset + saleField.lineCount] as number;
  let count = 0;
  for (let line = 0; line < lineCount; line++) {
    const position = lineOffset(history, firstLine + line);
    if ((history.lines[position + lineField.quantity] as number) > (history.lines[position + lineField.returned] as number)) count++;
  }
  return count;
}

/**
 * The part of `amount` (cents, for `sold` units) that `quantity` more units
 * carry after `alreadyReturned`: computed on cumulative units, so the parts of
 * a fully returned line add up to `amount` exactly.
 *
 * @example
 * ```ts
 * proportionalPart(100, 3, 0, 1) + proportionalPart(100, 3, 1, 2); // 100 (33 + 67)
 * ```
 */
export function proportionalPart(amount: number, sold: number, alreadyReturned: number, quantity: number): number {
  return Math.round((amount * (alreadyReturned + quantity)) / sold) - Math.round((amount * alreadyReturned) / sold);
}
