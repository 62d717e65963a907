import { defineTable } from './table-definition.js';

/**
 * The zones a store's sensors and beacons cover, in walking order: the
 * ENTRANCE, department zones, the CHECKOUT. `fact_foot_traffic.zone`,
 * `fact_ble_pings.zone` and the zone change columns hold one of them (a
 * closed set: DuckDB stores them as an ENUM).
 *
 * @example
 * ```ts
 * sensorZones.indexOf('CHECKOUT'); // 9
 * ```
 */
export const sensorZones = ['ENTRANCE', 'PRODUCE', 'FRESH', 'FROZEN', 'GROCERY', 'HOUSEHOLD', 'ELECTRONICS', 'HOME', 'APPAREL', 'CHECKOUT'] as const;

/**
 * In-store people counters: one row per open store-hour and zone sensor
 * (ENTRANCE, department zones, CHECKOUT; which zones depend on the store
 * format). The ENTRANCE count of a store-hour is everyone who came in that
 * hour (buyers, returners, shoppers who left empty-handed and browsers) and
 * is never below the receipts rung up in that store-hour; the CHECKOUT count
 * equals those receipts; department zones count the part of the entrants
 * who went there. Receipts / ENTRANCE count is the store-hour's conversion.
 *
 * @example
 * ```ts
 * factFootTraffic.field('Count').column; // 'count'
 * // SELECT store_id, event_ts, count FROM fact_foot_traffic WHERE zone = 'ENTRANCE'
 * ```
 */
export const factFootTraffic = defineTable({
  name: 'FactFootTraffic',
  kind: 'fact',
  description:
    'People counted per open store-hour and zone sensor; the ENTRANCE count of a store-hour is >= the receipts of that store-hour, CHECKOUT equals them, other zones count part of the entrants.',
  primaryKey: ['EventTS', 'SensorId'],
  fields: [
    { name: 'EventTS', type: 'timestamp', description: 'Start of the hour' },
    { name: 'StoreID', type: 'int32', references: 'dim_stores.id' },
    { name: 'SensorId', type: 'string', description: 'FT<store id, 5 digits>-<zone>, e.g. FT00017-ENTRANCE' },
    { name: 'Zone', type: 'string', values: sensorZones, description: 'ENTRANCE, PRODUCE, FRESH, FROZEN, GROCERY, HOUSEHOLD, ELECTRONICS, HOME, APPAREL or CHECKOUT' },
    { name: 'Count', type: 'int32', description: 'People counted in the zone during the hour' },
    { name: 'DwellSeconds', type: 'int32', description: 'Mean seconds a counted person stayed in the zone (0 when nobody was counted)' },
  ],
});

/**
 * Bluetooth beacon pings from shoppers' phones during their visits: the
 * first at the ENTRANCE, then department zones, the last at CHECKOUT around
 * the purchase. A configurable share of known customers' visits carry the
 * customer's BLE id (dim_customers.ble_id) and customer_id; every other
 * visit pings under an anonymous id of its own (customer_id NULL).
 *
 * @example
 * ```ts
 * factBlePings.field('CustomerBLEId').column; // 'customer_ble_id'
 * // SELECT count(*) FILTER (WHERE customer_id IS NOT NULL) / count(*) FROM fact_ble_pings
 * ```
 */
export const factBlePings = defineTable({
  name: 'FactBLEPings',
  kind: 'fact',
  description: 'BLE beacon pings of shoppers during visits; customer_id set for identified known customers, NULL for anonymous ids.',
  primaryKey: ['EventTS', 'StoreID', 'CustomerBLEId'],
  fields: [
    { name: 'EventTS', type: 'timestamp' },
    { name: 'StoreID', type: 'int32', references: 'dim_stores.id' },
    { name: 'BeaconId', type: 'string', description: 'BC<store id, 5 digits>-<zone>, e.g. BC00017-PRODUCE' },
    { name: 'CustomerBLEId', type: 'string', description: 'dim_customers.ble_id of an identified customer, or ANON-<16 hex> unique to one anonymous visit' },
    { name: 'CustomerID', type: 'int32', nullable: true, references: 'dim_customers.id', description: 'NULL = anonymous' },
    { name: 'RSSI', type: 'int32', description: 'Received signal strength in dBm (-98 to -30)' },
    { name: 'Zone', type: 'string', values: sensorZones, description: 'Zone of the beacon' },
  ],
});

/**
 * Zone changes derived from the pings: a row whenever two consecutive pings
 * (by event_ts) of the same customer_ble_id in the same store on the same
 * day are in different zones, at the time of the later ping.
 *
 * @example
 * ```ts
 * factCustomerZoneChanges.field('FromZone').column; // 'from_zone'
 * // SELECT from_zone, to_zone, count(*) FROM fact_customer_zone_changes GROUP BY ALL
 * ```
 */
export const factCustomerZoneChanges = defineTable({
  name: 'FactCustomerZoneChanges',
  kind: 'fact',
  description:
    'A row whenever consecutive pings of the same customer_ble_id in the same store on the same day are in different zones, at the later ping.',
  primaryKey: ['EventTS', 'StoreID', 'CustomerBLEId'],
  fields: [
    { name: 'EventTS', type: 'timestamp', description: 'Time of the ping in the new zone' },
    { name: 'StoreID', type: 'int32', references: 'dim_stores.id' },
    { name: 'CustomerBLEId', type: 'string' },
    { name: 'CustomerID', type: 'int32', nullable: true, references: 'dim_customers.id', description: 'NULL = anonymous' },
    { name: 'FromZone', type: 'string', values: sensorZones },
    { name: 'ToZone', type: 'string', values: sensorZones },
  ],
});

/** The sensor tables, in the order they are written. */
export const sensorTables = [factFootTraffic, factBlePings, factCustomerZoneChanges] as const;
