/**
 * Known customers grouped by home store, as a compressed sparse layout: the
 * customer ids of store `s` are `customerIds[offsets[s] .. offsets[s + 1] - 1]`
 * in dim_customers order.
 */
export interface CustomerPools {
  readonly offsets: Int32Array;
  readonly customerIds: Int32Array;
}

/**
 * Groups customers by home store. `homeStoreIndex[c]` is the store index
 * (0-based) of customer row `c`, or -1 when its home store is unknown (such
 * customers are in no pool).
 *
 * @example
 * ```ts
 * const pools = groupCustomersByStore(Int32Array.of(101, 102, 103), Int32Array.of(1, 0, 1), 2);
 * Array.from(pools.offsets); // [0, 1, 3]
 * Array.from(pools.customerIds); // [102, 101, 103]
 * ```
 */
export function groupCustomersByStore(customerIds: Int32Array, homeStoreIndex: Int32Array, storeCount: number): CustomerPools {
  const offsets = new Int32Array(storeCount + 1);
  for (const store of homeStoreIndex) if (store >= 0 && store < storeCount) offsets[store + 1] = (offsets[store + 1] as number) + 1;
  for (let store = 0; store < storeCount; store++) offsets[store + 1] = (offsets[store + 1] as number) + (offsets[store] as number);
  const cursor = offsets.slice(0, storeCount);
  const grouped = new Int32Array(offsets[storeCount] as number);
  for (let row = 0; row < homeStoreIndex.length; row++) {
    const store = homeStoreIndex[row] as number;
    if (store < 0 || store >= storeCount) continue;
    const position = cursor[store] as number;
    grouped[position] = customerIds[row] as number;
    cursor[store] = position + 1;
  }
  return { offsets, customerIds: grouped };
}
