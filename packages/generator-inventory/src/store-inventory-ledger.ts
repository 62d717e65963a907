import {
  isoDateOf,
  timestampOf,
  type BookedDelivery,
  type ColumnBatchBuilder,
  type InventoryLedger,
  type InventoryPosting,
  type InventoryTransactionType,
} from '@retail-datagen/generator-core';
import { initialStock, type InventoryPlan } from './inventory-plan.js';
import { watchProduct, type StoreInventoryState } from './store-inventory-state.js';
import { dayTransactionSequence, initialTransactionSequence, transactionsPerStoreDay } from './transaction-sequence.js';

/** What a unit's ledger is bound to. */
export interface StoreInventoryLedgerOptions {
  readonly plan: InventoryPlan;
  readonly dayNumber: number;
  readonly dayIndex: number;
  /** The stores of the unit: the only ones postings may name. */
  readonly storeIndices: readonly number[];
  /** The inventory state of a store of the run (the unit's `stateOf`). */
  stateOf(storeIndex: number): StoreInventoryState | undefined;
  /** The unit's fact_store_inventory_txn builder. */
  readonly transactions: ColumnBatchBuilder;
  /** The unit's fact_stockouts builder. */
  readonly stockouts: ColumnBatchBuilder;
}

/**
 * The store inventory ledger of one unit of store-phase work (day, store
 * partition): what the inventory package provides on `inventoryLedgerPoint`.
 * Every movement becomes a fact_store_inventory_txn row with its resulting
 * balance; demand the shelf cannot meet becomes a fact_stockouts row.
 * Balances never go negative.
 *
 * Postings are accepted only for the unit's own stores whose store-day has
 * started (their `startStoreDay` ran), so output never depends on partitions.
 *
 * @example
 * ```ts
 * const ledger = context.slots.get(inventoryLedgerPoint, 'receipts');
 * const taken = ledger.take({ storeIndex, productIndex, quantity: 3, type: 'SALE', timestamp, source: receiptId });
 * ledger.put({ storeIndex, productIndex, quantity: 1, type: 'RETURN', timestamp, source: returnId });
 * ```
 */
export class StoreInventoryLedger implements InventoryLedger {
  readonly plan: InventoryPlan;
  readonly dayNumber: number;
  readonly dayIndex: number;
  private readonly states: (storeIndex: number) => StoreInventoryState | undefined;
  private readonly unitStores: ReadonlySet<number>;
  private readonly transactions: ColumnBatchBuilder;
  private readonly stockouts: ColumnBatchBuilder;
  /** Stockout times already written per (store, product) of this unit: they are part of the table's key. */
  private readonly stockoutTimes = new Map<number, number[]>();
  /** Deliveries booked into today's store-days, by store index, in booking order. */
  private readonly bookings = new Map<number, BookedDelivery[]>();
  /** The last hour whose booked deliveries were posted, by store index (-1 before hour 0). */
  private readonly postedHours = new Map<number, number>();

  constructor(options: StoreInventoryLedgerOptions) {
    this.plan = options.plan;
    this.dayNumber = options.dayNumber;
    this.dayIndex = options.dayIndex;
    this.states = options.stateOf;
    this.unitStores = new Set(options.storeIndices);
    this.transactions = options.transactions;
    this.stockouts = options.stockouts;
  }

  balance(storeIndex: number, productIndex: number): number {
    this.checkProduct(productIndex);
    const state = this.states(storeIndex);
    if (state === undefined) throw new RangeError(`inventory ledger: no store index ${storeIndex}; the run has ${this.plan.storeCount} stores`);
    return state.balances[productIndex] as number;
  }

  take(posting: InventoryPosting): number {
    return this.takeUnits(posting.storeIndex, posting.productIndex, posting.quantity, posting.type, posting.timestamp, posting.source);
  }

  put(posting: InventoryPosting): void {
    this.putUnits(posting.storeIndex, posting.productIndex, posting.quantity, posting.type, posting.timestamp, posting.source);
  }

  /** {@link take} without a posting object. */
  takeUnits(
    storeIndex: number,
    productIndex: number,
    quantity: number,
    type: InventoryTransactionType,
    timestamp: number,
    source: string | null,
  ): number {
    const state = this.activeState(storeIndex);
    this.checkProduct(productIndex);
    this.checkQuantity(quantity, 'take');
    if (quantity === 0) return 0;
    const onHand = state.balances[productIndex] as number;
    const taken = Math.min(quantity, onHand);
    if (taken > 0) {
      state.balances[productIndex] = onHand - taken;
      this.writeTransaction(state, storeIndex, productIndex, -taken, type, timestamp, source);
    }
    if (taken < quantity) this.writeStockout(storeIndex, productIndex, timestamp, quantity - taken);
    watchProduct(state, productIndex);
    return taken;
  }

  /** {@link put} without a posting object. A DELIVERY also settles that many units in transit. */
  putUnits(
    storeIndex: number,
    productIndex: number,
    quantity: number,
    type: InventoryTransactionType,
    timestamp: number,
    source: string | null,
  ): void {
    const state = this.activeState(storeIndex);
    this.checkProduct(productIndex);
    this.checkQuantity(quantity, 'put');
    if (quantity === 0) return;
    state.balances[productIndex] = (state.balances[productIndex] as number) + quantity;
    if (type === 'DELIVERY') {
      const inTransit = state.inTransit[productIndex] as number;
      state.inTransit[productIndex] = inTransit - Math.min(inTransit, quantity);
    }
    this.writeTransaction(state, storeIndex, productIndex, quantity, type, timestamp, source);
  }

  /**
   * Books a delivery into a store-day of this unit (see `StoreReplenishment`):
   * {@link postBookedDeliveries} posts it as a DELIVERY at `hour`:00. The hour
   * must not have been simulated yet.
   */
  book(delivery: BookedDelivery): void {
    const { storeIndex, productIndex, quantity, hour, source } = delivery;
    this.activeState(storeIndex);
    this.checkProduct(productIndex);
    if (!Number.isInteger(quantity) || quantity <= 0) throw new RangeError(`inventory ledger: a booked delivery needs a whole number of units > 0, got ${quantity}`);
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new RangeError(`inventory ledger: a booked delivery needs an hour from 0 to 23, got ${hour}`);
    const posted = this.postedHours.get(storeIndex) ?? -1;
    if (hour <= posted) {
      throw new RangeError(`inventory ledger: store index ${storeIndex} is past ${hour}:00 of ${isoDateOf(this.dayNumber)}; book a delivery before its hour is simulated`);
    }
    if (typeof source !== 'string' || source === '') throw new RangeError('inventory ledger: a booked delivery needs its shipment id as source');
    let list = this.bookings.get(storeIndex);
    if (list === undefined) {
      list = [];
      this.bookings.set(storeIndex, list);
    }
    list.push({ storeIndex, productIndex, quantity, hour, source });
  }

  /**
   * Posts the deliveries booked for `hour` as DELIVERY rows at `hour`:00, in
   * booking order. Called by the inventory package at the start of each
   * store-hour, before any package that requires it posts in that hour.
   */
  postBookedDeliveries(storeIndex: number, hour: number): void {
    this.postedHours.set(storeIndex, hour);
    const list = this.bookings.get(storeIndex);
    if (list === undefined) return;
    const timestamp = timestampOf(this.dayNumber, hour);
    let kept = 0;
    for (const delivery of list) {
      if (delivery.hour === hour) this.putUnits(storeIndex, delivery.productIndex, delivery.quantity, 'DELIVERY', timestamp, delivery.source);
      else list[kept++] = delivery;
    }
    list.length = kept;
    if (kept === 0) this.bookings.delete(storeIndex);
  }

  /**
   * Starts a store's day: resets its movement sequence, writes the INITIAL
   * rows on the first day of the run, and watches the products that become
   * orderable today. Returns the store's state.
   */
  openStoreDay(storeIndex: number, closed: boolean): StoreInventoryState {
    const state = this.states(storeIndex);
    if (state === undefined) throw new RangeError(`inventory ledger: no store index ${storeIndex}`);
    state.day = this.dayNumber;
    state.sequence = 0;
    state.closed = closed ? 1 : 0;
    this.bookings.delete(storeIndex);
    this.postedHours.set(storeIndex, -1);
    if (this.dayIndex === 0) this.writeInitialStock(state, storeIndex);
    const { laterOrderableDays, laterOrderableProducts } = this.plan;
    for (let index = lowerBound(laterOrderableDays, this.dayNumber); index < laterOrderableDays.length; index++) {
      if (laterOrderableDays[index] !== this.dayNumber) break;
      watchProduct(state, laterOrderableProducts[index] as number);
    }
    return state;
  }

  /** The state of a store of the run. */
  stateOf(storeIndex: number): StoreInventoryState {
    const state = this.states(storeIndex);
    if (state === undefined) throw new RangeError(`inventory ledger: no store index ${storeIndex}`);
    return state;
  }

  /** One INITIAL row per product at 00:00 of the first day; orderable products go on the watch list. */
  private writeInitialStock(state: StoreInventoryState, storeIndex: number): void {
    const { plan, transactions } = this;
    const storeId = plan.storeIds[storeIndex] as number;
    const timestamp = timestampOf(this.dayNumber);
    for (let product = 0; product < plan.productCount; product++) {
      const quantity = initialStock(plan, storeIndex, product);
      state.balances[product] = quantity;
      transactions.pushNumber('TxnSeq', initialTransactionSequence(storeId, product));
      transactions.pushNumber('EventTS', timestamp);
      transactions.pushNumber('StoreID', storeId);
      transactions.pushNumber('ProductID', plan.productIds[product] as number);
      transactions.pushNumber('Quantity', quantity);
      transactions.pushString('TxnType', 'INITIAL');
      transactions.pushNumber('Balance', quantity);
      transactions.pushString('Source', null);
      transactions.endRow();
      if ((plan.orderableDays[product] as number) <= this.dayNumber) watchProduct(state, product);
    }
  }

  private writeTransaction(
    state: StoreInventoryState,
    storeIndex: number,
    productIndex: number,
    quantity: number,
    type: InventoryTransactionType,
    timestamp: number,
    source: string | null,
  ): void {
    const sequence = state.sequence++;
    const storeId = this.plan.storeIds[storeIndex] as number;
    if (sequence >= transactionsPerStoreDay) {
      throw new RangeError(`store ${storeId} posted more than ${transactionsPerStoreDay} inventory movements on ${isoDateOf(this.dayNumber)}; txn_seq cannot order them`);
    }
    const transactions = this.transactions;
    const columns = transactions.writers(transactionColumns);
    columns.txnSeq.set(dayTransactionSequence(this.dayIndex, storeId, sequence));
    columns.eventTs.set(timestamp);
    columns.storeId.set(storeId);
    columns.productId.set(this.plan.productIds[productIndex] as number);
    columns.quantity.set(quantity);
    columns.txnType.set(type);
    columns.balance.set(state.balances[productIndex] as number);
    columns.source.set(source);
    transactions.endRow();
  }

  /**
   * (EventTS, StoreID, ProductID) is fact_stockouts' key: a second stockout of
   * the same product in the same millisecond moves to the next free millisecond.
   */
  private writeStockout(storeIndex: number, productIndex: number, timestamp: number, lostQuantity: number): void {
    const key = storeIndex * this.plan.productCount + productIndex;
    let times = this.stockoutTimes.get(key);
    if (times === undefined) {
      times = [];
      this.stockoutTimes.set(key, times);
    }
    let time = timestamp;
    while (times.includes(time)) time++;
    times.push(time);
    const stockouts = this.stockouts;
    stockouts.pushNumber('EventTS', time);
    stockouts.pushNumber('StoreID', this.plan.storeIds[storeIndex] as number);
    stockouts.pushNumber('ProductID', this.plan.productIds[productIndex] as number);
    stockouts.pushNumber('LostQuantity', lostQuantity);
    stockouts.endRow();
  }

  private activeState(storeIndex: number): StoreInventoryState {
    const state = this.unitStores.has(storeIndex) ? this.states(storeIndex) : undefined;
    if (state === undefined || state.day !== this.dayNumber) {
      throw new RangeError(
        `inventory ledger: store index ${storeIndex} is not open for postings in this unit of ${isoDateOf(this.dayNumber)} (post only for the store whose day is being simulated)`,
      );
    }
    return state;
  }

  private checkProduct(productIndex: number): void {
    if (!Number.isInteger(productIndex) || productIndex < 0 || productIndex >= this.plan.productCount) {
      throw new RangeError(`inventory ledger: no product index ${productIndex}; the run has ${this.plan.productCount} products`);
    }
  }

  private checkQuantity(quantity: number, operation: 'take' | 'put'): void {
    if (!Number.isInteger(quantity) || quantity < 0) {
      throw new RangeError(`inventory ledger: ${operation} needs a whole number of units >= 0, got ${quantity}`);
    }
  }
}

/** First index whose value is >= `value` in an ascending array. */
function lowerBound(values: Int32Array, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((values[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** fact_store_inventory_txn's column writers (3.8M rows in the 10M-row bench: no lookup by name per value). */
function transactionColumns(builder: ColumnBatchBuilder) {
  return {
    txnSeq: builder.numbers('TxnSeq'),
    eventTs: builder.numbers('EventTS'),
    storeId: builder.numbers('StoreID'),
    productId: builder.numbers('ProductID'),
    quantity: builder.numbers('Quantity'),
    txnType: builder.strings('TxnType'),
    balance: builder.numbers('Balance'),
    source: builder.strings('Source'),
  };
}
