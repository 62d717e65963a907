import { dcInventoryTxnTypes } from '@retail-datagen/models';
import { isoDateOf, millisecondsPerDay, timestampOf, type ColumnBatchBuilder, type DcInventory, type DcInventoryTake } from '@retail-datagen/generator-core';
import { dayDcTransactionSequence, initialDcTransactionSequence, transactionsPerDcDay } from './dc-transaction-sequence.js';
import type { LogisticsPlan } from './logistics-plan.js';
import { startCounters, type LogisticsChainState } from './logistics-state.js';

/**
 * Every `txn_type` of fact_dc_inventory_txn (declared with the table in the
 * models): INITIAL, RECEIVING, SHIPMENT, ONLINE_ORDER.
 */
export { dcInventoryTxnTypes };

/**
 * Kinds of DC inventory movement.
 *
 * @example
 * ```ts
 * const type: DcInventoryTransactionType = 'RECEIVING';
 * ```
 */
export type DcInventoryTransactionType = (typeof dcInventoryTxnTypes)[number];

/**
 * The DC inventory ledger of one chain-phase day: balances live in the chain
 * state (`dcBalances`), every movement becomes a fact_dc_inventory_txn row
 * with its resulting balance, and nothing can take more than is on hand.
 * Movements must be posted in time order per DC (the logistics day does; a
 * posting before the DC's latest movement throws). Other packages draw DC
 * stock through {@link DcInventoryLedger.asDcInventory} (`dcInventoryPoint`).
 *
 * @example
 * ```ts
 * const ledger = new DcInventoryLedger({ plan, state, dayNumber, dayIndex, transactions: context.emit(factDcInventoryTxn) });
 * const before = ledger.balance(0, 42);
 * ledger.receive(0, 42, 500, timestampOf(dayNumber, 9, 40), 'SUP-D001-20241120-01');
 * ledger.ship(0, 42, 120, timestampOf(dayNumber, 10, 10), 'SHP-D001-20241120-0004');
 * ledger.balance(0, 42) - before; // 380
 * ledger.ship(0, 42, 1e9, timestampOf(dayNumber, 11, 10), 'SHP-D001-20241120-0005'); // throws: more than on hand
 * ```
 */
export class DcInventoryLedger {
  readonly plan: LogisticsPlan;
  readonly dayNumber: number;
  readonly dayIndex: number;
  private readonly state: LogisticsChainState;
  private readonly transactions: ColumnBatchBuilder;

  constructor(options: { plan: LogisticsPlan; state: LogisticsChainState; dayNumber: number; dayIndex: number; transactions: ColumnBatchBuilder }) {
    this.plan = options.plan;
    this.state = options.state;
    this.dayNumber = options.dayNumber;
    this.dayIndex = options.dayIndex;
    this.transactions = options.transactions;
    startCounters(this.state, this.dayNumber);
  }

  /** Units of a product on hand at a DC. */
  balance(dcIndex: number, productIndex: number): number {
    return this.state.dcBalances[this.cell(dcIndex, productIndex)] as number;
  }

  /** Writes the INITIAL row of every (DC, product) at 00:00 of the first day and sets the balances. */
  writeInitialStock(initialUnits: (dcIndex: number, productIndex: number) => number): void {
    const { plan, transactions } = this;
    const timestamp = timestampOf(this.dayNumber);
    for (let dc = 0; dc < plan.dcCount; dc++) {
      const dcId = plan.dcIds[dc] as number;
      for (let product = 0; product < plan.productCount; product++) {
        const units = initialUnits(dc, product);
        this.checkUnits(units, 'INITIAL');
        this.state.dcBalances[this.cell(dc, product)] = units;
        transactions.pushNumber('TxnSeq', initialDcTransactionSequence(dcId, product));
        transactions.pushNumber('EventTS', timestamp);
        transactions.pushNumber('DCID', dcId);
        transactions.pushNumber('ProductID', plan.productIds[product] as number);
        transactions.pushNumber('Quantity', units);
        transactions.pushString('TxnType', 'INITIAL');
        transactions.pushNumber('Balance', units);
        transactions.pushString('Source', null);
        transactions.endRow();
      }
    }
  }

  /** Adds units received from a supplier shipment. */
  receive(dcIndex: number, productIndex: number, units: number, timestamp: number, source: string): void {
    this.checkUnits(units, 'RECEIVING');
    const cell = this.cell(dcIndex, productIndex);
    this.state.dcBalances[cell] = (this.state.dcBalances[cell] as number) + units;
    this.write(dcIndex, productIndex, units, 'RECEIVING', timestamp, source);
  }

  /** Takes units out for a store shipment; refuses to take more than is on hand. */
  ship(dcIndex: number, productIndex: number, units: number, timestamp: number, source: string): void {
    this.checkUnits(units, 'SHIPMENT');
    const cell = this.cell(dcIndex, productIndex);
    const onHand = this.state.dcBalances[cell] as number;
    if (units > onHand) {
      throw new RangeError(`DC inventory ledger: shipment ${source} takes ${units} units of product index ${productIndex} from DC index ${dcIndex}, which holds ${onHand}`);
    }
    this.state.dcBalances[cell] = onHand - units;
    this.write(dcIndex, productIndex, -units, 'SHIPMENT', timestamp, source);
  }

  /** Units free to take for an online order: on hand minus what the DC owes its stores. */
  available(dcIndex: number, productIndex: number): number {
    const cell = this.cell(dcIndex, productIndex);
    return Math.max(0, (this.state.dcBalances[cell] as number) - (this.state.backordered[cell] as number));
  }

  /** The DC's latest movement time so far (00:00 of the day when it has none today). */
  earliestPostingTime(dcIndex: number): number {
    this.cell(dcIndex, 0);
    return Math.max(this.state.dcLastMovementAt[dcIndex] as number, timestampOf(this.dayNumber));
  }

  /** Takes up to `quantity` free units for an online order (ONLINE_ORDER row, negative); returns the units taken. */
  takeForOnlineOrder({ dcIndex, productIndex, quantity, timestamp, source }: DcInventoryTake): number {
    if (!Number.isInteger(quantity) || quantity <= 0) throw new RangeError(`DC inventory ledger: ONLINE_ORDER needs a whole number of units > 0, got ${quantity}`);
    if (!(timestamp >= timestampOf(this.dayNumber) && timestamp < timestampOf(this.dayNumber) + millisecondsPerDay)) {
      throw new RangeError(`DC inventory ledger: online order ${source} posts at ${timestamp}, outside ${isoDateOf(this.dayNumber)}`);
    }
    const units = Math.min(quantity, this.available(dcIndex, productIndex));
    if (units === 0) return 0;
    const cell = this.cell(dcIndex, productIndex);
    this.state.dcBalances[cell] = (this.state.dcBalances[cell] as number) - units;
    this.write(dcIndex, productIndex, -units, 'ONLINE_ORDER', timestamp, source);
    return units;
  }

  /**
   * This ledger as the `dcInventoryPoint` other packages draw DC stock from.
   *
   * @example
   * ```ts
   * context.slots.provide(dcInventoryPoint, ledger.asDcInventory(), 'logistics');
   * ```
   */
  asDcInventory(): DcInventory {
    const { plan } = this;
    return {
      dcCount: plan.dcCount,
      dcOfStore: (storeIndex) => {
        const dc = plan.dcOfStore[storeIndex];
        if (dc === undefined || !Number.isInteger(storeIndex)) throw new RangeError(`DC inventory: no store index ${storeIndex}; the run has ${plan.dcOfStore.length}`);
        return dc;
      },
      dcId: (dcIndex) => {
        this.cell(dcIndex, 0);
        return plan.dcIds[dcIndex] as number;
      },
      balance: (dcIndex, productIndex) => this.balance(dcIndex, productIndex),
      available: (dcIndex, productIndex) => this.available(dcIndex, productIndex),
      earliestPostingTime: (dcIndex) => this.earliestPostingTime(dcIndex),
      take: (take) => this.takeForOnlineOrder(take),
    };
  }

  private write(dcIndex: number, productIndex: number, quantity: number, type: DcInventoryTransactionType, timestamp: number, source: string): void {
    const { plan, state, transactions } = this;
    const dcId = plan.dcIds[dcIndex] as number;
    const sequence = state.dcTransactions[dcIndex] as number;
    if (sequence >= transactionsPerDcDay) {
      throw new RangeError(`DC ${dcId} posted more than ${transactionsPerDcDay} inventory movements on ${isoDateOf(this.dayNumber)}; txn_seq cannot order them`);
    }
    const last = state.dcLastMovementAt[dcIndex] as number;
    if (timestamp < last) throw new RangeError(`DC inventory ledger: ${type} ${source} of DC ${dcId} at ${timestamp} comes before the DC's latest movement at ${last}`);
    state.dcLastMovementAt[dcIndex] = timestamp;
    state.dcTransactions[dcIndex] = sequence + 1;
    transactions.pushNumber('TxnSeq', dayDcTransactionSequence(this.dayIndex, dcId, sequence));
    transactions.pushNumber('EventTS', timestamp);
    transactions.pushNumber('DCID', dcId);
    transactions.pushNumber('ProductID', plan.productIds[productIndex] as number);
    transactions.pushNumber('Quantity', quantity);
    transactions.pushString('TxnType', type);
    transactions.pushNumber('Balance', state.dcBalances[this.cell(dcIndex, productIndex)] as number);
    transactions.pushString('Source', source);
    transactions.endRow();
  }

  private cell(dcIndex: number, productIndex: number): number {
    if (!Number.isInteger(dcIndex) || dcIndex < 0 || dcIndex >= this.plan.dcCount) throw new RangeError(`DC inventory ledger: no DC index ${dcIndex}; the run has ${this.plan.dcCount}`);
    if (!Number.isInteger(productIndex) || productIndex < 0 || productIndex >= this.plan.productCount) {
      throw new RangeError(`DC inventory ledger: no product index ${productIndex}; the run has ${this.plan.productCount}`);
    }
    return dcIndex * this.plan.productCount + productIndex;
  }

  private checkUnits(units: number, type: DcInventoryTransactionType): void {
    if (!Number.isInteger(units) || units < 0 || (units === 0 && type !== 'INITIAL')) {
      throw new RangeError(`DC inventory ledger: ${type} needs a whole number of units ${type === 'INITIAL' ? '>= 0' : '> 0'}, got ${units}`);
    }
  }
}
