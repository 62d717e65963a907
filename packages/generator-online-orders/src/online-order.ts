import { millisecondsPerDay, type ColumnBatchBuilder, type Random } from '@retail-datagen/generator-core';
import { orderPaymentId } from './order-ids.js';
import type { OnlineOrdersWorld } from './online-orders-world.js';
import {
  carrierPickupHours,
  declineReasonWeights,
  declineReasons,
  deliveryDays,
  maximumPaymentAttempts,
  maximumProductDraws,
  onlineCoupon,
  onlineTenders,
  pickupDayWeights,
  quantityStepChance,
  retryGapSeconds,
  sameTenderRetryChance,
  storeFulfillmentModes,
  type FulfillmentMode,
} from './order-shapes.js';
import { pickupWindow } from './order-timeline.js';

const hour = 3_600_000;
const second = 1000;

/** The builders a store's pick wave writes into. */
export interface OrderTables {
  readonly headers: ColumnBatchBuilder;
  readonly lines: ColumnBatchBuilder;
  readonly payments: ColumnBatchBuilder;
}

/**
 * Where an order's stock comes from: the home store (through the store
 * inventory ledger) or the DC of its region (through the DC inventory).
 */
export interface FulfilmentNode {
  readonly type: 'STORE' | 'DC';
  /** dim_stores.id or dim_distribution_centers.id: the lines' node_id. */
  readonly id: number;
  /** True when the node can give `quantity` units of the product now. */
  holds(productIndex: number, quantity: number): boolean;
  /** Takes the units (an ONLINE_ORDER row, source = order id); returns the units taken. */
  take(productIndex: number, quantity: number, timestamp: number, orderId: string): number;
}

/** One pick wave (of a store or of a DC) on one day: what every order of the wave shares. */
export interface OrderWave {
  readonly world: OnlineOrdersWorld;
  readonly tables: OrderTables;
  /** The pick day. */
  readonly dayNumber: number;
  /** True when a store does not open on a day (BOPIS pickups move to its next open day). */
  isClosed(storeIndex: number, dayNumber: number): boolean;
  /** Product sampler of the day an order was placed. */
  productSampler(dayNumber: number): { sample(random: Random): number } | null;
}

/** An order as placed: its id, the customer's home store, placement time, node, mode and the time the wave picks it. */
export interface PlacedOrder {
  readonly orderId: string;
  /** The day it was placed. */
  readonly day: number;
  /** Index of the customers' home store: the customer pool, the tax rate and tax_store_id. */
  readonly storeIndex: number;
  readonly created: number;
  readonly picked: number;
  readonly node: FulfilmentNode;
  /** A fixed mode (SHIP_FROM_DC), or null to draw one of `storeFulfillmentModes` with `world.modeWeights`. */
  readonly mode: FulfillmentMode | null;
}

type Outcome = 'DELIVERED' | 'CUSTOMER' | 'OUT_OF_STOCK' | 'PAYMENT_DECLINED';

/**
 * Simulates one order from placement to delivery and writes it: the customer
 * (one of the home store's customers), mode (unless fixed), tender, coupon
 * and lines (placed-day popularity x category multipliers, distinct products,
 * quantities skewed to 1) are drawn from the order's own stream. At its pick
 * time the node (home store or DC) gives every line it holds (ONLINE_ORDER,
 * source = order id) after the payment is approved; a line it cannot fill is
 * CANCELLED. Tax is at the home store's rate whatever the node. A customer may have cancelled before the pick;
 * an order whose every line is missing or whose every payment attempt is
 * declined is CANCELLED without touching stock.
 */
export function fulfilOrder(wave: OrderWave, order: PlacedOrder, random: Random): void {
  const { world } = wave;
  const { storeIndex, orderId, node } = order;
  const scratch = world.scratch;
  const storeId = world.storeIds[storeIndex] as number;

  const poolStart = world.customerOffsets[storeIndex] as number;
  const poolSize = (world.customerOffsets[storeIndex + 1] as number) - poolStart;
  const customerId = world.customerIds[poolStart + random.int(0, poolSize - 1)] as number;
  const mode = order.mode ?? (storeFulfillmentModes[random.weightedIndex(world.modeWeights)] as FulfillmentMode);
  let tender = random.weightedIndex(world.tenderWeights);
  const coupon = random.chance(world.settings.couponShare);
  const cancelledByCustomer = random.chance(world.settings.cancelRate);
  const lineCount = drawLines(wave, order.day, random);
  if (lineCount === 0) return;

  let outcome: Outcome = 'DELIVERED';
  let completed = order.picked;
  if (cancelledByCustomer) {
    outcome = 'CUSTOMER';
    completed = order.created + random.int(1, Math.max(1, (order.picked - order.created) / second)) * second;
  } else {
    let fulfilledLines = 0;
    for (let line = 0; line < lineCount; line++) {
      const holds = node.holds(scratch.product[line] as number, scratch.quantity[line] as number);
      scratch.fulfilled[line] = holds ? 1 : 0;
      if (holds) fulfilledLines++;
    }
    if (fulfilledLines === 0) outcome = 'OUT_OF_STOCK';
  }
  if (outcome !== 'DELIVERED') scratch.fulfilled.fill(0, 0, lineCount);

  // Money of the fulfilled lines, exact cents: a coupon's discount and the tax are rounded per line.
  const taxRate = world.taxRate[storeIndex] as number;
  let subtotal = 0;
  let discount = 0;
  let tax = 0;
  for (let line = 0; line < lineCount; line++) {
    scratch.discount[line] = 0;
    scratch.tax[line] = 0;
    if (scratch.fulfilled[line] !== 1) continue;
    const product = scratch.product[line] as number;
    const extended = (scratch.quantity[line] as number) * (world.salePrice[product] as number);
    const lineDiscount = coupon ? Math.round((extended * onlineCoupon.percentOff) / 100) : 0;
    scratch.discount[line] = lineDiscount;
    scratch.tax[line] = Math.round((extended - lineDiscount) * taxRate * (world.taxFactor[product] as number));
    subtotal += extended;
    discount += lineDiscount;
    tax += scratch.tax[line] as number;
  }
  const total = subtotal - discount + tax;

  if (outcome === 'DELIVERED') {
    const paid = pay(wave, orderId, order.picked, total, tender, random);
    tender = paid.tender;
    if (!paid.approved) {
      outcome = 'PAYMENT_DECLINED';
      completed = paid.time;
      scratch.fulfilled.fill(0, 0, lineCount);
      scratch.discount.fill(0, 0, lineCount);
    }
  }

  let shipped = Number.NaN;
  let delivered = Number.NaN;
  if (outcome === 'DELIVERED') {
    for (let line = 0; line < lineCount; line++) {
      if (scratch.fulfilled[line] !== 1) continue;
      const quantity = scratch.quantity[line] as number;
      const taken = node.take(scratch.product[line] as number, quantity, order.picked, orderId);
      if (taken !== quantity) throw new Error(`online orders: ${orderId} line ${line + 1} took ${taken} of ${quantity} units its ${node.type} held a moment before`);
    }
    if (mode === 'BOPIS') {
      delivered = pickupTime(wave, storeIndex, random);
    } else {
      shipped = order.picked + random.int(carrierPickupHours[0] * 3600, carrierPickupHours[1] * 3600) * second;
      const deliveryDay = Math.floor(shipped / millisecondsPerDay) + random.int(deliveryDays[0], deliveryDays[1]);
      delivered = deliveryDay * millisecondsPerDay + 9 * hour + random.int(0, 11 * 3600 - 1) * second;
    }
    completed = delivered;
  }

  writeLines(wave.tables.lines, world, orderId, lineCount, mode, node, order.picked, shipped, delivered);
  writeHeader(wave.tables.headers, {
    orderId,
    created: order.created,
    customerId,
    storeId,
    subtotal: outcome === 'DELIVERED' ? subtotal : 0,
    discount: outcome === 'DELIVERED' ? discount : 0,
    tax: outcome === 'DELIVERED' ? tax : 0,
    tender,
    promoCode: coupon ? onlineCoupon.code : null,
    outcome,
    completed,
  });
}

/**
 * Draws the order's lines into the scratch: 1 + Poisson(meanLines - 1)
 * distinct products from the placed day's sampler, quantities 1, 2... with
 * {@link quantityStepChance} per extra unit. Returns the line count (0 when
 * no product is on sale).
 */
function drawLines(wave: OrderWave, day: number, random: Random): number {
  const { world } = wave;
  const sampler = wave.productSampler(day);
  if (sampler === null) return 0;
  const scratch = world.scratch;
  const meanLines = world.settings.meanLines;
  const wanted = meanLines > 1 ? 1 + random.poisson(meanLines - 1) : 1;
  scratch.reserveLines(wanted);
  const stamp = scratch.nextOrder();
  let lineCount = 0;
  for (let line = 0; line < wanted; line++) {
    let product = -1;
    for (let draw = 0; draw < maximumProductDraws; draw++) {
      const candidate = sampler.sample(random);
      if (scratch.inOrder[candidate] !== stamp) {
        product = candidate;
        break;
      }
    }
    if (product < 0) continue;
    scratch.inOrder[product] = stamp;
    let quantity = 1;
    while (quantity < world.maxQuantity && random.chance(quantityStepChance)) quantity++;
    scratch.product[lineCount] = product;
    scratch.quantity[lineCount] = quantity;
    lineCount++;
  }
  return lineCount;
}

/**
 * Pays the order at its pick time: an attempt is declined with
 * `payments.declineRate` and retried a few seconds later (the same tender or
 * a new draw), up to {@link maximumPaymentAttempts}. Writes every attempt.
 */
function pay(wave: OrderWave, orderId: string, time: number, total: number, firstTender: number, random: Random): { approved: boolean; tender: number; time: number } {
  const { world } = wave;
  const builder = wave.tables.payments;
  let tender = firstTender;
  let attemptTime = time;
  for (let attempt = 1; attempt <= maximumPaymentAttempts; attempt++) {
    if (attempt > 1) {
      attemptTime += random.int(retryGapSeconds[0], retryGapSeconds[1]) * second;
      if (!random.chance(sameTenderRetryChance)) tender = random.weightedIndex(world.tenderWeights);
    }
    const declined = random.chance(world.declineRate);
    writePayment(builder, orderId, attempt, attemptTime, tender, total, declined ? (declineReasons[random.weightedIndex(declineReasonWeights)] as string) : null);
    if (!declined) return { approved: true, tender, time: attemptTime };
  }
  return { approved: false, tender, time: attemptTime };
}

/** When a BOPIS customer collects the order: the pick day or a few days later (the store's next open day if closed), in open hours. */
function pickupTime(wave: OrderWave, storeIndex: number, random: Random): number {
  const { world } = wave;
  let day = wave.dayNumber + random.weightedIndex(pickupDayWeights);
  for (let guard = 0; guard < 7 && wave.isClosed(storeIndex, day); guard++) day++;
  const window = pickupWindow(day, world.openHour[storeIndex] as number, world.closeHour[storeIndex] as number);
  return window.start + random.int(0, Math.max(0, (window.end - window.start) / second)) * second;
}

function writeLines(
  builder: ColumnBatchBuilder,
  world: OnlineOrdersWorld,
  orderId: string,
  lineCount: number,
  mode: FulfillmentMode,
  node: FulfilmentNode,
  picked: number,
  shipped: number,
  delivered: number,
): void {
  const scratch = world.scratch;
  for (let line = 0; line < lineCount; line++) {
    const product = scratch.product[line] as number;
    const quantity = scratch.quantity[line] as number;
    const unitPrice = world.salePrice[product] as number;
    const fulfilled = scratch.fulfilled[line] === 1;
    builder.pushString('OrderId', orderId);
    builder.pushNumber('LineNum', line + 1);
    builder.pushNumber('ProductID', world.productIds[product] as number);
    builder.pushNumber('Quantity', quantity);
    builder.pushNumber('UnitPrice', unitPrice);
    builder.pushNumber('ExtPrice', quantity * unitPrice);
    builder.pushNumber('Discount', scratch.discount[line] as number);
    builder.pushString('FulfillmentMode', mode);
    builder.pushString('NodeType', node.type);
    builder.pushNumber('NodeID', node.id);
    if (fulfilled) builder.pushNumber('PickedTS', picked);
    else builder.pushNull('PickedTS');
    if (fulfilled && !Number.isNaN(shipped)) builder.pushNumber('ShippedTS', shipped);
    else builder.pushNull('ShippedTS');
    if (fulfilled) builder.pushNumber('DeliveredTS', delivered);
    else builder.pushNull('DeliveredTS');
    builder.pushString('FulfillmentStatus', fulfilled ? 'DELIVERED' : 'CANCELLED');
    builder.endRow();
  }
}

interface HeaderRow {
  readonly orderId: string;
  readonly created: number;
  readonly customerId: number;
  readonly storeId: number;
  readonly subtotal: number;
  readonly discount: number;
  readonly tax: number;
  readonly tender: number;
  readonly promoCode: string | null;
  readonly outcome: Outcome;
  readonly completed: number;
}

function writeHeader(builder: ColumnBatchBuilder, row: HeaderRow): void {
  builder.pushString('OrderId', row.orderId);
  builder.pushNumber('EventTS', row.created);
  builder.pushNumber('CustomerID', row.customerId);
  builder.pushNumber('TaxStoreID', row.storeId);
  builder.pushNumber('Subtotal', row.subtotal);
  builder.pushNumber('Discount', row.discount);
  builder.pushNumber('Tax', row.tax);
  builder.pushNumber('Total', row.subtotal - row.discount + row.tax);
  builder.pushString('TenderType', onlineTenders[row.tender] as string);
  builder.pushString('PromoCode', row.promoCode);
  builder.pushString('Status', row.outcome === 'DELIVERED' ? 'DELIVERED' : 'CANCELLED');
  builder.pushString('CancelReason', row.outcome === 'DELIVERED' ? null : row.outcome);
  builder.pushNumber('CompletedTS', row.completed);
  builder.endRow();
}

/** One fact_payments row of an order: receipt_id_ext NULL, order_id_ext set; `declineReason` null when APPROVED. */
function writePayment(builder: ColumnBatchBuilder, orderId: string, attempt: number, time: number, tender: number, amount: number, declineReason: string | null): void {
  builder.pushString('PaymentID', orderPaymentId(orderId, attempt));
  builder.pushString('ReceiptId', null);
  builder.pushString('OrderId', orderId);
  builder.pushNumber('EventTS', time);
  builder.pushString('TenderType', onlineTenders[tender] as string);
  builder.pushNumber('Amount', amount);
  builder.pushString('Status', declineReason === null ? 'APPROVED' : 'DECLINED');
  builder.pushString('DeclineReason', declineReason);
  builder.endRow();
}
