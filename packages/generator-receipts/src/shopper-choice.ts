import { shopperSegments, type ShopperSegment } from './receipt-shapes.js';
import type { StoreHourSession } from './store-hour-session.js';

/**
 * The shopper: anonymous with `traffic.anonymousShare`; else a known
 * customer from this store's home customers with `traffic.homeStoreShare`,
 * otherwise from a nearby store's. Returns the customer id, or -1 for an
 * anonymous shopper (also when no store in reach has known customers).
 */
export function chooseCustomer(session: StoreHourSession): number {
  const { world, random, storeIndex } = session;
  const traffic = session.config.traffic;
  if (random.chance(traffic.anonymousShare)) return -1;
  let poolStore = storeIndex;
  if (world.nearbyStoreCount > 0 && !random.chance(traffic.homeStoreShare)) {
    const nearby = world.nearby[storeIndex * world.nearbyStoreCount + random.int(0, world.nearbyStoreCount - 1)] as number;
    if (nearby >= 0) poolStore = nearby;
  }
  const { offsets, customerIds } = world.customerPools;
  let start = offsets[poolStore] as number;
  let size = (offsets[poolStore + 1] as number) - start;
  if (size === 0) {
    // An empty pool: fall back to the home store's, or else the nearest store's.
    const fallback = poolStore !== storeIndex ? storeIndex : world.nearbyStoreCount > 0 ? (world.nearby[storeIndex * world.nearbyStoreCount] as number) : -1;
    if (fallback >= 0) {
      start = offsets[fallback] as number;
      size = (offsets[fallback + 1] as number) - start;
    }
  }
  if (size === 0) return -1;
  return customerIds[start + random.int(0, size - 1)] as number;
}

/**
 * The segment of a known customer: a fixed hash of (seed, customer id)
 * against the segment shares, so a customer keeps its segment in every
 * store, day and partition.
 *
 * @example
 * ```ts
 * shopperSegments[segmentOfCustomer(42, 1017)]!.name; // e.g. 'MAINSTREAM'
 * ```
 */
export function segmentOfCustomer(seed: number, customerId: number): number {
  // murmur3 fmix32 of the id keyed by the seed
  let hash = customerId ^ Math.imul(seed, 0x9e3779b1);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  let position = (hash >>> 0) / 4294967296;
  for (let segment = 0; segment < shopperSegments.length - 1; segment++) {
    position -= (shopperSegments[segment] as ShopperSegment).share;
    if (position < 0) return segment;
  }
  return shopperSegments.length - 1;
}
