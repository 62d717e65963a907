/** How urgent a store reorder is. */
export type ReorderPriority = 'NORMAL' | 'HIGH' | 'URGENT';

/**
 * The priorities of fact_reorders: URGENT when the shelf is empty, HIGH when
 * on hand is at most half the reorder point, NORMAL otherwise.
 *
 * @example
 * ```ts
 * reorderPriorities.indexOf('URGENT'); // 2
 * ```
 */
export const reorderPriorities = ['NORMAL', 'HIGH', 'URGENT'] as const satisfies readonly ReorderPriority[];

/**
 * The reorder requests a unit of store-phase work raised (the inventory
 * package's unit summary), as parallel plain arrays so they cross worker
 * threads cheaply. The chain phase routes them to distribution centers.
 *
 * @example
 * ```ts
 * const requests = createReorderRequests();
 * addReorderRequest(requests, 3, 120, 48, 'HIGH');
 * requests.quantities[0]; // 48
 * ```
 */
export interface ReorderRequests {
  readonly storeIndices: number[];
  readonly productIndices: number[];
  /** Units ordered. */
  readonly quantities: number[];
  readonly priorities: ReorderPriority[];
}

/**
 * An empty list of reorder requests.
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
