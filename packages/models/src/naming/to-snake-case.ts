/**
 * The one mapping from generator-layer PascalCase names to storage-layer
 * snake_case names. Runs of capitals are kept together as one word, so
 * acronyms come out whole.
 *
 * @example
 * ```ts
 * toSnakeCase('StoreID');   // 'store_id'
 * toSnakeCase('EventTS');   // 'event_ts'
 * toSnakeCase('BLEId');     // 'ble_id'
 * toSnakeCase('DCNumber');  // 'dc_number'
 * toSnakeCase('DimStores'); // 'dim_stores'
 * ```
 */
export function toSnakeCase(name: string): string {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}
