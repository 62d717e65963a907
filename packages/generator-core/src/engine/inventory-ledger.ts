import type { inventoryTxnTypes, reorderPriorities } from '@retail-datagen/models';
import { defineCompositionPoint } from './composition-point.js';

/** Kinds of store inventory movement: the closed set of fact_store_inventory_txn.txn_type. */
export type InventoryTransactionType = (typeof inventoryTxnTypes)[number];

/** One posting to a store's inventory. */
export interface InventoryPosting {
  storeIndex: number;
  productIndex: number;
  /** Signed units: negative takes stock out. */
  quantity: number;
  type: InventoryTransactionType;
  /** Event time, ms since epoch. */
  timestamp: number;
  /** The receipt, shipment or order id that caused it. */
  source: string | null;
}

/**
 * The store inventory ledger composition point: receipts, logistics and online
 * orders post to it; the inventory package provides it and writes every
 * posting as a transaction row with its resulting balance.
 *
 * @example
 * ```ts
 * const ledger = context.slots.get(inventoryLedgerPoint, 'receipts');
 * const taken = ledger.take({ storeIndex, productIndex, quantity: 3, type: 'SALE', timestamp, source: receiptId });
 * // taken < 3 when the shelf held less: the rest is a stockout
 * ```
 */
export interface InventoryLedger {
  /** Units on hand now. */
  balance(storeIndex: number, productIndex: number): number;
  /**
   * Takes up to `quantity` (positive) units out; never more than is on hand.
   * Returns the units actually taken (0 = stockout) and posts a negative row for them.
   */
  take(posting: Omit<InventoryPosting, 'quantity'> & { quantity: number }): number;
  /** Adds units (returns, deliveries, positive adjustments). */
  put(posting: InventoryPosting): void;
}

export const inventoryLedgerPoint = defineCompositionPoint<InventoryLedger>('inventory-ledger');

/** How urgent a store reorder is: URGENT when the shelf is empty, HIGH when on hand is at most half the reorder point, NORMAL otherwise. */
export type ReorderPriority = (typeof reorderPriorities)[number];

/**
 * Store reorders as parallel plain arrays (one entry per reorder), so they
 * cross worker threads cheaply.
 *
 * @example
 * ```ts
 * const requests: ReorderRequests = { storeIndices: [3], productIndices: [120], quantities: [48], priorities: ['HIGH'] };
 * ```
 */
export interface ReorderRequests {
  readonly storeIndices: number[];
  readonly productIndices: number[];
  /** Units ordered. */
  readonly quantities: number[];
  readonly priorities: ReorderPriority[];
}

/** A delivery booked into today's store-day: posted as a DELIVERY at `hour`:00. */
export interface BookedDelivery {
  storeIndex: number;
  productIndex: number;
  /** Units delivered (> 0). */
  quantity: number;
  /** Hour of today, 0-23: the posting time is exactly `hour`:00. */
  hour: number;
  /** The shipment id. */
  source: string;
}

/**
 * The store side of replenishment, unit-scoped (provided by the inventory
 * package in `startUnit`): the reorders the unit's stores raised at their
 * closing review, and a dock where a package that delivers (logistics) books
 * today's arrivals. A booked delivery is posted as a DELIVERY row at the top
 * of its hour, before any other posting of that hour, so the ledger stays in
 * time order whatever the registry order of the packages.
 *
 * @example
 * ```ts
 * // endStoreDay, after the inventory package's review of the same store:
 * const { requests } = context.slots.get(storeReplenishmentPoint, 'logistics');
 * // startStoreDay: an arrival at 08:00 today
 * context.slots.get(storeReplenishmentPoint, 'logistics').book({ storeIndex, productIndex, quantity: 48, hour: 8, source: 'SHP-D001-20241120-0003' });
 * ```
 */
export interface StoreReplenishment {
  /** Reorders raised so far in this unit, appended store by store at each store's end of day. Read only. */
  readonly requests: ReorderRequests;
  /** Books a delivery for a store of the unit whose day is being simulated, for an hour not yet simulated. */
  book(delivery: BookedDelivery): void;
}

export const storeReplenishmentPoint = defineCompositionPoint<StoreReplenishment>('store-replenishment');

/** One draw of DC stock for an online order. */
export interface DcInventoryTake {
  dcIndex: number;
  productIndex: number;
  /** Units wanted (> 0, whole). */
  quantity: number;
  /** Event time, ms since epoch: at or after `earliestPostingTime(dcIndex)`, on the day of the chain phase. */
  timestamp: number;
  /** The order id: the `source` of the ONLINE_ORDER row. */
  source: string;
}

/**
 * The DC inventory composition point, chain phase only: the logistics
 * package provides it in its startDay and endDay (after its own movements of
 * the day), so a package later in registry order (online orders shipped from
 * a DC) can draw DC stock. Only free stock can be taken: units the DC owes
 * its stores (backorders) are never handed out, so no store shipment is made
 * smaller or invalid by an online order.
 *
 * @example
 * ```ts
 * // endDay of a package that requires 'logistics':
 * const dcs = context.slots.get(dcInventoryPoint, 'online-orders');
 * const dc = dcs.dcOfStore(homeStoreIndex);
 * const time = Math.max(dcs.earliestPostingTime(dc), timestampOf(context.dayNumber, 22));
 * if (dcs.available(dc, productIndex) >= 2) dcs.take({ dcIndex: dc, productIndex, quantity: 2, timestamp: time, source: 'OD001-20241128-00003' }); // 2
 * ```
 */
export interface DcInventory {
  /** DCs of the run, in dim_distribution_centers order. */
  readonly dcCount: number;
  /** The DC index serving a store (the DC of the store's region). */
  dcOfStore(storeIndex: number): number;
  /** dim_distribution_centers.id of a DC index. */
  dcId(dcIndex: number): number;
  /** Units on hand now. */
  balance(dcIndex: number, productIndex: number): number;
  /** Units free to take now: on hand minus what the DC owes its stores, never negative. */
  available(dcIndex: number, productIndex: number): number;
  /**
   * The earliest time a new posting of the DC may carry (its latest movement
   * so far): postings at or after it keep the DC's rows in time order in
   * txn_seq order.
   */
  earliestPostingTime(dcIndex: number): number;
  /**
   * Takes up to `quantity` free units; returns the units taken (0 when none
   * is free) and posts an ONLINE_ORDER row (negative quantity, source = the
   * order id) into fact_dc_inventory_txn for them. Throws on a timestamp
   * before `earliestPostingTime` or outside the chain phase's day.
   */
  take(take: DcInventoryTake): number;
}

export const dcInventoryPoint = defineCompositionPoint<DcInventory>('dc-inventory');
