/**
 * The one mapping from generator-layer PascalCase names to storage-layer
 * snake_case names. Runs of capitals are kept together as one word, so
 * acronyms come out whole, and an `ID` after another capital is its own word
 * (`DCID` -> `dc_id`).
 *
 * @example
 * ```ts
 * toSnakeCase('StoreID');   // 'store_id'
 * toSnakeCase('EventTS');   // 'event_ts'
 * toSnakeCase('BLEId');     // 'ble_id'
 * toSnakeCase('DCNumber');  // 'dc_number'
 * toSnakeCase('DCID');      // 'dc_id'
 * toSnakeCase('DimStores'); // 'dim_stores'
 * ```
 */
export function toSnakeCase(name: string): string {
  return name
    .replace(/([A-Z])ID(?=[A-Z]|$)/g, '$1_ID')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}
