import { writePayment } from './receipt-rows.js';
import { cashTender, declineReasons, declineReasonWeights, maximumPaymentAttempts, sameTenderRetryChance } from './receipt-shapes.js';
import type { StoreHourSession } from './store-hour-session.js';

/** Seconds between a declined attempt and the next one. */
const retryGapSeconds: readonly [minimum: number, maximum: number] = [5, 25];

/**
 * Pays a sale: the shopper's tender is drawn from its segment's tender
 * weights; a card or mobile attempt is declined with
 * `config.payments.declineRate` and retried (the same tender or a new draw)
 * a few seconds later; the last possible attempt is cash, which never
 * declines. Writes every attempt (declined ones before the approved one, the
 * approved one at `timestamp`) and returns the approved tender.
 */
export function payForSale(session: StoreHourSession, receiptId: string, timestamp: number, total: number, segment: number): number {
  const { random } = session;
  const { declinedTender, declinedReason, retryGap } = session.world.scratch;
  const weights = session.world.tenderWeights[segment] as readonly number[];
  const declineRate = session.config.payments.declineRate;
  let tender = random.weightedIndex(weights);
  let declines = 0;
  for (let attempt = 1; attempt <= maximumPaymentAttempts; attempt++) {
    if (attempt === maximumPaymentAttempts) tender = cashTender;
    if (tender === cashTender || !random.chance(declineRate)) break;
    declinedTender[declines] = tender;
    declinedReason[declines] = random.weightedIndex(declineReasonWeights);
    declines++;
    if (!random.chance(sameTenderRetryChance)) tender = random.weightedIndex(weights);
  }

  // Declined attempts precede the approved one by a few seconds each; receipts
  // start late enough in the hour (earliestReceiptSecond) to keep them inside it.
  let secondsBefore = 0;
  for (let decline = declines - 1; decline >= 0; decline--) {
    secondsBefore += random.int(retryGapSeconds[0], retryGapSeconds[1]);
    retryGap[decline] = secondsBefore;
  }
  for (let decline = 0; decline < declines; decline++) {
    const reason = declineReasons[declinedReason[decline] as number] as string;
    writePayment(session.tables, receiptId, decline + 1, timestamp - (retryGap[decline] as number) * 1000, declinedTender[decline] as number, total, reason);
  }
  writePayment(session.tables, receiptId, declines + 1, timestamp, tender, total, null);
  return tender;
}

/** Refunds a return: one APPROVED payment of the (negative) total to the original tender. */
export function refundReturn(session: StoreHourSession, receiptId: string, timestamp: number, total: number, tender: number): void {
  writePayment(session.tables, receiptId, 1, timestamp, tender, total, null);
}
