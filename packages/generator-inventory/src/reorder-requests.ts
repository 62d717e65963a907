import type { ReorderPriority, ReorderRequests } from '@retail-datagen/generator-core';

export type { ReorderPriority, ReorderRequests };

/** The priorities of fact_reorders, NORMAL, HIGH, URGENT (declared with the table in the models). */
export { reorderPriorities } from '@retail-datagen/models';

/**
 * An empty list of reorder requests: the inventory package's unit summary,
 * also published on `storeReplenishmentPoint` for the package that delivers.
 *
 * @example
 * ```ts
 * createReorderRequests().quantities.length; // 0
 * ```
 */
export function createReorderRequests(): ReorderRequests {
  return { storeIndices: [], productIndices: [], quantities: [], priorities: [] };
}

/**
 * Appends one request.
 *
 * @example
 * ```ts
 * addReorderRequest(requests, storeIndex, productIndex, 48, 'NORMAL');
 * ```
 */
export function addReorderRequest(
  requests: ReorderRequests,
  storeIndex: number,
  productIndex: number,
  quantity: number,
  priority: ReorderPriority,
): void {
  requests.storeIndices.push(storeIndex);
  requests.productIndices.push(productIndex);
  requests.quantities.push(quantity);
  requests.priorities.push(priority);
}
