import { millisecondsPerDay, type ColumnBatchBuilder } from '@retail-datagen/generator-core';
import { expectedDailyUnits, reorderPoint, reorderQuantity, type InventoryPlan } from './inventory-plan.js';
import { addReorderRequest, type ReorderPriority, type ReorderRequests } from './reorder-requests.js';
import type { StoreInventoryState } from './store-inventory-state.js';

/** What the end-of-day review of one store works with. */
export interface ReorderReview {
  readonly plan: InventoryPlan;
  readonly state: StoreInventoryState;
  readonly storeIndex: number;
  readonly dayNumber: number;
  /** The unit's fact_reorders builder. */
  readonly reorders: ColumnBatchBuilder;
  readonly requests: ReorderRequests;
}

/**
 * Reviews the store's watch list at closing time: every orderable product
 * whose on hand plus in transit is at or below its reorder point is reordered
 * (a fact_reorders row, a reorder request for the package that delivers, and
 * units in transit until DELIVERY rows settle them). A product stays on the
 * watch list while it is still at or below its point after the reorder (a
 * reorder quantity smaller than the point), so it is reordered again the next
 * day.
 */
export function reviewReorders(review: ReorderReview): void {
  const { plan, state, storeIndex, dayNumber, reorders, requests } = review;
  const { balances, inTransit, watched, watchList } = state;
  const storeId = plan.storeIds[storeIndex] as number;
  const timestamp = dayNumber * millisecondsPerDay + (plan.closeOffsets[storeIndex] as number);
  let kept = 0;
  for (let index = 0; index < state.watchCount; index++) {
    const product = watchList[index] as number;
    if ((plan.orderableDays[product] as number) > dayNumber || !(expectedDailyUnits(plan, storeIndex, product) > 0)) {
      // Not orderable yet (it is watched again on its orderable day) or never sells.
      watched[product] = 0;
      continue;
    }
    const point = reorderPoint(plan, storeIndex, product);
    const onHand = balances[product] as number;
    let position = onHand + (inTransit[product] as number);
    if (position <= point) {
      const quantity = reorderQuantity(plan, storeIndex, product);
      const priority: ReorderPriority = onHand === 0 ? 'URGENT' : onHand <= point / 2 ? 'HIGH' : 'NORMAL';
      reorders.pushNumber('EventTS', timestamp);
      reorders.pushNumber('StoreID', storeId);
      reorders.pushNumber('ProductID', plan.productIds[product] as number);
      reorders.pushNumber('CurrentQuantity', onHand);
      reorders.pushNumber('ReorderPoint', point);
      reorders.pushNumber('ReorderQuantity', quantity);
      reorders.pushString('Priority', priority);
      reorders.endRow();
      addReorderRequest(requests, storeIndex, product, quantity, priority);
      inTransit[product] = (inTransit[product] as number) + quantity;
      position += quantity;
    }
    if (position <= point) watchList[kept++] = product;
    else watched[product] = 0;
  }
  state.watchCount = kept;
}
