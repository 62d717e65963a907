/**
 * Splits stores into a fixed number of partitions (store index modulo the
 * count). The count never depends on the worker count, so the units of work
 * (day, partition) and their output are the same however they are scheduled.
 *
 * @example
 * ```ts
 * partitionStores(5, 2); // [[0, 2, 4], [1, 3]]
 * ```
 */
export function partitionStores(storeCount: number, partitionCount: number): number[][] {
  const count = Math.max(1, Math.min(partitionCount, storeCount));
  const partitions: number[][] = Array.from({ length: count }, () => []);
  for (let store = 0; store < storeCount; store++) (partitions[store % count] as number[]).push(store);
  return partitions;
}
