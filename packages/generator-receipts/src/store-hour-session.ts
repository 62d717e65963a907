import type { InventoryLedger, Random } from '@retail-datagen/generator-core';
import type { RetailConfig } from '@retail-datagen/models';
import type { DailyAssortment } from './daily-assortment.js';
import type { ReceiptTables } from './receipt-rows.js';
import type { ReceiptsStoreState } from './receipts-store-state.js';
import type { ReceiptsWorld } from './receipts-world.js';
import type { StoreHourVisits } from './store-hour-visits.js';

/** What the receipts of one store-hour share; one object per store-hour, none per row. */
export interface StoreHourSession {
  readonly config: RetailConfig;
  readonly world: ReceiptsWorld;
  readonly assortment: DailyAssortment;
  readonly ledger: InventoryLedger;
  readonly tables: ReceiptTables;
  /** The store-hour's receipts, published on storeHourVisitsPoint. */
  readonly visits: StoreHourVisits;
  readonly random: Random;
  readonly state: ReceiptsStoreState;
  readonly storeIndex: number;
  readonly storeId: number;
  readonly dayNumber: number;
  readonly hour: number;
  /** Timestamp (ms) of the start of the hour. */
  readonly hourStart: number;
  /** `R00017-20241129-`: see receiptIdPrefix. */
  readonly receiptPrefix: string;
  /** Chance that a sale is kept in the store's history for later returns. */
  readonly historyChance: number;
}

/** The receipt id of a sequence number within the session's store-day. */
export function sessionReceiptId(session: StoreHourSession, sequence: number): string {
  return session.receiptPrefix + String(sequence).padStart(5, '0');
}
