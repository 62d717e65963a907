import { sensorZones } from '@retail-datagen/models';

/** The zones a store's sensors and beacons cover, in walking order (declared with the sensor tables in the models). */
export { sensorZones };

/**
 * One of {@link sensorZones}.
 *
 * @example
 * ```ts
 * const zone: SensorZone = 'PRODUCE';
 * ```
 */
export type SensorZone = (typeof sensorZones)[number];

/**
 * Index of the ENTRANCE in {@link sensorZones}.
 *
 * @example
 * ```ts
 * sensorZones[entranceZone]; // 'ENTRANCE'
 * ```
 */
export const entranceZone = 0;
/**
 * Index of the CHECKOUT in {@link sensorZones}.
 *
 * @example
 * ```ts
 * sensorZones[checkoutZone]; // 'CHECKOUT'
 * ```
 */
export const checkoutZone = sensorZones.length - 1;

/**
 * The zones of each store format (`dim_stores.store_format`): a hypermarket
 * has every department, an express store fresh food and groceries only. A
 * store of an unknown format gets the STANDARD layout.
 *
 * @example
 * ```ts
 * zoneLayouts.EXPRESS; // ['ENTRANCE', 'FRESH', 'GROCERY', 'CHECKOUT']
 * ```
 */
export const zoneLayouts: Readonly<Record<string, readonly SensorZone[]>> = {
  HYPERMARKET: sensorZones,
  SUPERSTORE: ['ENTRANCE', 'PRODUCE', 'FRESH', 'FROZEN', 'GROCERY', 'HOUSEHOLD', 'ELECTRONICS', 'HOME', 'CHECKOUT'],
  STANDARD: ['ENTRANCE', 'PRODUCE', 'FRESH', 'FROZEN', 'GROCERY', 'HOUSEHOLD', 'CHECKOUT'],
  NEIGHBORHOOD: ['ENTRANCE', 'PRODUCE', 'FRESH', 'GROCERY', 'HOUSEHOLD', 'CHECKOUT'],
  EXPRESS: ['ENTRANCE', 'FRESH', 'GROCERY', 'CHECKOUT'],
};

/**
 * The zone layout of a store format.
 *
 * @example
 * ```ts
 * zoneLayoutOf('NEIGHBORHOOD').length; // 6
 * zoneLayoutOf(null); // the STANDARD layout
 * ```
 */
export function zoneLayoutOf(storeFormat: string | null): readonly SensorZone[] {
  return (storeFormat === null ? undefined : zoneLayouts[storeFormat]) ?? (zoneLayouts.STANDARD as readonly SensorZone[]);
}

/**
 * Chance that a person who enters walks through a department zone during the
 * visit (1 for the ENTRANCE; the CHECKOUT counts receipts instead). Also the
 * weights by which BLE pings pick departments.
 *
 * @example
 * ```ts
 * zoneVisitShare.GROCERY; // 0.7
 * ```
 */
export const zoneVisitShare: Readonly<Record<SensorZone, number>> = {
  ENTRANCE: 1,
  PRODUCE: 0.55,
  FRESH: 0.6,
  FROZEN: 0.35,
  GROCERY: 0.7,
  HOUSEHOLD: 0.35,
  ELECTRONICS: 0.15,
  HOME: 0.2,
  APPAREL: 0.2,
  CHECKOUT: 1,
};

/**
 * Mean seconds a person stays in each zone; the CHECKOUT's grows with the
 * hour's traffic (queues).
 *
 * @example
 * ```ts
 * zoneDwellSeconds.ENTRANCE; // 25
 * ```
 */
export const zoneDwellSeconds: Readonly<Record<SensorZone, number>> = {
  ENTRANCE: 25,
  PRODUCE: 240,
  FRESH: 300,
  FROZEN: 150,
  GROCERY: 360,
  HOUSEHOLD: 200,
  ELECTRONICS: 420,
  HOME: 300,
  APPAREL: 480,
  CHECKOUT: 180,
};

/**
 * The id of a store's people counter in a zone: `FT` + store id (5 digits) + `-` + zone.
 *
 * @example
 * ```ts
 * sensorIdOf(17, 'ENTRANCE'); // 'FT00017-ENTRANCE'
 * ```
 */
export function sensorIdOf(storeId: number, zone: SensorZone): string {
  return `FT${String(storeId).padStart(5, '0')}-${zone}`;
}

/**
 * The id of a store's BLE beacon in a zone: `BC` + store id (5 digits) + `-` + zone.
 *
 * @example
 * ```ts
 * beaconIdOf(17, 'PRODUCE'); // 'BC00017-PRODUCE'
 * ```
 */
export function beaconIdOf(storeId: number, zone: SensorZone): string {
  return `BC${String(storeId).padStart(5, '0')}-${zone}`;
}
