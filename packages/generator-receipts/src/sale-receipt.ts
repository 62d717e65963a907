import type { Random } from '@retail-datagen/generator-core';
import { payForSale } from './payment-attempts.js';
import { promotionDiscount, type Promotion } from './promotion-catalog.js';
import { quantityStepChance, shopperSegments, tripTypes, type ShopperSegment } from './receipt-shapes.js';
import { chooseCustomer, segmentOfCustomer } from './shopper-choice.js';
import { writeLines, writePromotions, writeReceipt } from './receipt-rows.js';
import { appendLine, appendSale } from './sales-history.js';
import { sessionReceiptId, type StoreHourSession } from './store-hour-session.js';
import { recordVisit } from './store-hour-visits.js';

/** Draws of a product already in the basket before the line is given up. */
const maximumProductDraws = 12;

/**
 * One shopper's visit at `secondOfHour`: who it is, the trip, the basket
 * (each line taken from the inventory ledger; only what was taken is sold),
 * promotions, tax and payment. A shopper whose every line stocked out leaves
 * without a receipt (and uses no receipt number). Some sales are kept in the
 * store's history for later returns.
 */
export function simulateSale(session: StoreHourSession, secondOfHour: number): void {
  const { world, random, assortment, state, storeIndex } = session;
  const sampler = assortment.sampler;
  if (sampler === null) return;
  const scratch = world.scratch;
  const basketConfig = session.config.basket;

  const customerId = chooseCustomer(session);
  const segment = customerId < 0 ? random.weightedIndex(world.segmentShares) : segmentOfCustomer(world.seed, customerId);
  const trip = random.weightedIndex(world.tripWeights);
  const meanLines = (world.meanItems[trip] as number) * (world.basketScale[storeIndex] as number) * (shopperSegments[segment] as ShopperSegment).basketScale;
  const wantedLines = meanLines > 1 ? 1 + random.poisson(meanLines - 1) : 1;
  const stepChance = quantityStepChance[tripTypes[trip] as keyof typeof quantityStepChance];

  const sequence = state.sequence + 1;
  const receiptId = sessionReceiptId(session, sequence);
  const timestamp = session.hourStart + secondOfHour * 1000;
  const taxRate = world.taxRate[storeIndex] as number;
  const lineShare = session.config.promotions.lineShare;

  scratch.reserveLines(wantedLines);
  const stamp = scratch.nextBasket();
  let lineCount = 0;
  for (let wanted = 0; wanted < wantedLines; wanted++) {
    let product = -1;
    for (let draw = 0; draw < maximumProductDraws; draw++) {
      const candidate = sampler.sample(random);
      if (scratch.inBasket[candidate] !== stamp) {
        product = candidate;
        break;
      }
    }
    if (product < 0) continue;
    scratch.inBasket[product] = stamp;
    const quantity = drawQuantity(random, stepChance, basketConfig.maxQuantity);
    const taken = Math.min(
      quantity,
      session.ledger.take({ storeIndex, productIndex: product, quantity, type: 'SALE', timestamp, source: receiptId }),
    );
    if (!(taken > 0)) continue;

    const unitPrice = world.salePrice[product] as number;
    let discount = 0;
    let promotion = -1;
    const eligible = assortment.promotionOf[product] as number;
    if (eligible >= 0 && random.chance(lineShare)) {
      const offered = promotionDiscount(world.promotions[eligible] as Promotion, taken, unitPrice);
      if (offered > 0) {
        discount = offered;
        promotion = eligible;
      }
    }
    scratch.product[lineCount] = product;
    scratch.quantity[lineCount] = taken;
    scratch.unitPrice[lineCount] = unitPrice;
    scratch.discount[lineCount] = discount;
    scratch.tax[lineCount] = Math.round((taken * unitPrice - discount) * taxRate * (world.taxFactor[product] as number));
    scratch.promotion[lineCount] = promotion;
    lineCount++;
  }
  if (lineCount === 0) return;
  state.sequence = sequence;

  const totals = writeLines(session.tables, world, lineCount, receiptId, timestamp);
  writePromotions(session.tables, world, receiptId, timestamp);
  const tender = payForSale(session, receiptId, timestamp, totals.total, segment);
  writeReceipt(session.tables, receiptId, timestamp, session.storeId, customerId, null, trip, totals, tender);
  recordVisit(session.visits, receiptId, timestamp, customerId, totals.total, false);

  if (random.chance(session.historyChance)) {
    const history = state.history;
    const secondOfDay = session.hour * 3600 + secondOfHour;
    if (appendSale(history, session.dayNumber, secondOfDay, sequence, customerId, trip, tender, lineCount)) {
      for (let line = 0; line < lineCount; line++) {
        appendLine(
          history,
          scratch.product[line] as number,
          scratch.quantity[line] as number,
          scratch.unitPrice[line] as number,
          scratch.discount[line] as number,
          scratch.tax[line] as number,
          scratch.promotion[line] as number,
        );
      }
    }
  }
}

/** Units on a line: 1, then one more with `stepChance` each time, up to `maximum`. */
function drawQuantity(random: Random, stepChance: number, maximum: number): number {
  let quantity = 1;
  while (quantity < maximum && random.chance(stepChance)) quantity++;
  return quantity;
}
