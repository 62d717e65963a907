import { timestampOf } from '@retail-datagen/generator-core';
import type { InventoryPlan } from './inventory-plan.js';
import { shipmentId } from './shipment-id.js';
import type { StoreInventoryLedger } from './store-inventory-ledger.js';
import type { StoreInventoryState } from './store-inventory-state.js';

/**
 * How reorders are delivered. `'stand-in'`: each reorder arrives in full
 * `inventory.leadTimeDays` later as a DELIVERY at the store's delivery hour
 * (a placeholder until the logistics package routes reorders through DCs and
 * trucks). `'none'`: the inventory package delivers nothing; another package
 * posts DELIVERY movements to the ledger, which settle the units in transit.
 */
export type ReplenishmentMode = 'stand-in' | 'none';

/** The replenishment modes, stand-in first (the default). */
export const replenishmentModes = ['stand-in', 'none'] as const satisfies readonly ReplenishmentMode[];

/**
 * Assigns the stand-in shipment ids of one store-day's reorders: one
 * shipment per temperature class (ambient, refrigerated), numbered in the
 * order they are first needed.
 */
export class StandInShipments {
  private readonly storeId: number;
  private readonly dayNumber: number;
  private ambient: string | null = null;
  private chilled: string | null = null;
  private count = 0;

  constructor(storeId: number, dayNumber: number) {
    this.storeId = storeId;
    this.dayNumber = dayNumber;
  }

  /** The shipment id for a product of that temperature class. */
  idFor(refrigerated: boolean): string {
    if (refrigerated) return (this.chilled ??= shipmentId(this.storeId, this.dayNumber, ++this.count));
    return (this.ambient ??= shipmentId(this.storeId, this.dayNumber, ++this.count));
  }
}

/** Schedules a stand-in delivery of a reorder to arrive `plan.leadTimeDays` after `dayNumber`. */
export function scheduleStandInDelivery(
  state: StoreInventoryState,
  plan: InventoryPlan,
  dayNumber: number,
  productIndex: number,
  quantity: number,
  shipment: string,
): void {
  state.pendingArrivalDays.push(dayNumber + plan.leadTimeDays);
  state.pendingProducts.push(productIndex);
  state.pendingQuantities.push(quantity);
  state.pendingShipments.push(shipment);
}

/**
 * Posts every pending delivery due by today (a store closed on its arrival day
 * receives it on its next open day) as a DELIVERY row at the store's delivery
 * hour, in the order they were scheduled.
 */
export function deliverDueShipments(ledger: StoreInventoryLedger, state: StoreInventoryState, storeIndex: number): void {
  const { pendingArrivalDays, pendingProducts, pendingQuantities, pendingShipments } = state;
  const dayNumber = ledger.dayNumber;
  const timestamp = timestampOf(dayNumber, ledger.plan.deliveryHours[storeIndex] as number);
  let kept = 0;
  for (let index = 0; index < pendingArrivalDays.length; index++) {
    const arrival = pendingArrivalDays[index] as number;
    const product = pendingProducts[index] as number;
    const quantity = pendingQuantities[index] as number;
    const shipment = pendingShipments[index] as string;
    if (arrival <= dayNumber) {
      ledger.putUnits(storeIndex, product, quantity, 'DELIVERY', timestamp, shipment);
      continue;
    }
    pendingArrivalDays[kept] = arrival;
    pendingProducts[kept] = product;
    pendingQuantities[kept] = quantity;
    pendingShipments[kept] = shipment;
    kept++;
  }
  pendingArrivalDays.length = kept;
  pendingProducts.length = kept;
  pendingQuantities.length = kept;
  pendingShipments.length = kept;
}
