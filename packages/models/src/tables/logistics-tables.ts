import { defineTable } from './table-definition.js';

/**
 * Every `txn_type` of fact_dc_inventory_txn: INITIAL stock on the first day,
 * RECEIVING of supplier shipments, SHIPMENT (negative) to stores,
 * ONLINE_ORDER (negative) picked for an online order shipped from the DC.
 *
 * @example
 * ```ts
 * dcInventoryTxnTypes.includes('SHIPMENT'); // true
 * ```
 */
export const dcInventoryTxnTypes = ['INITIAL', 'RECEIVING', 'SHIPMENT', 'ONLINE_ORDER'] as const;

/**
 * Every status of fact_truck_moves, in timeline order.
 *
 * @example
 * ```ts
 * truckStatuses.indexOf('ARRIVED'); // 3
 * ```
 */
export const truckStatuses = ['SCHEDULED', 'LOADING', 'IN_TRANSIT', 'ARRIVED', 'UNLOADING', 'COMPLETED'] as const;

/** `fact_truck_inventory.action`: LOAD at the DC, UNLOAD at the store. */
export const truckActions = ['LOAD', 'UNLOAD'] as const;

/** `fact_truck_inventory.location_type`: DC for LOAD, STORE for UNLOAD. */
export const truckLocationTypes = ['DC', 'STORE'] as const;

/**
 * Every distribution-center inventory movement with its signed quantity and
 * resulting balance: per (dc_id, product_id) the first row in txn_seq order is
 * INITIAL, then balance = previous balance + quantity, never negative.
 * RECEIVING rows come from supplier shipments (source `SUP-...`), SHIPMENT
 * rows (negative) from store shipments (source = fact_truck_moves.shipment_id).
 *
 * @example
 * ```ts
 * factDcInventoryTxn.field('DCID').column; // 'dc_id'
 * // SELECT * FROM fact_dc_inventory_txn WHERE dc_id = 1 AND product_id = 42 ORDER BY txn_seq
 * ```
 */
export const factDcInventoryTxn = defineTable({
  name: 'FactDcInventoryTxn',
  kind: 'fact',
  description: 'Every distribution center inventory movement with its signed quantity and resulting balance.',
  primaryKey: ['TxnSeq'],
  fields: [
    { name: 'TxnSeq', type: 'int64', description: 'Orders the movements of each (dc, product): INITIAL rows first, then day by day' },
    { name: 'EventTS', type: 'timestamp' },
    { name: 'DCID', type: 'int32', references: 'dim_distribution_centers.id' },
    { name: 'ProductID', type: 'int32', references: 'dim_products.id' },
    { name: 'Quantity', type: 'int32', description: 'Signed units: positive in, negative out' },
    { name: 'TxnType', type: 'string', values: dcInventoryTxnTypes, description: 'INITIAL, RECEIVING (supplier shipment), SHIPMENT (to a store) or ONLINE_ORDER (picked for an online order shipped from the DC; source = order id)' },
    { name: 'Balance', type: 'int32', description: 'Units on hand after the movement; never negative' },
    { name: 'Source', type: 'string', nullable: true, description: 'Supplier shipment id (SUP-...) or store shipment id (SHP-...); NULL for INITIAL' },
  ],
});

/**
 * The status timeline of each store shipment: SCHEDULED, LOADING,
 * IN_TRANSIT, ARRIVED, UNLOADING, COMPLETED with rising event times. `etd`
 * (departure, the IN_TRANSIT time) and `eta` (the ARRIVED time) are the same
 * on every row of a shipment. A shipment still on its way when the history
 * ends has only its first statuses.
 *
 * @example
 * ```ts
 * factTruckMoves.field('ShipmentId').column; // 'shipment_id'
 * // SELECT status, event_ts FROM fact_truck_moves WHERE shipment_id = 'SHP-D001-20241120-0003' ORDER BY event_ts
 * ```
 */
export const factTruckMoves = defineTable({
  name: 'FactTruckMoves',
  kind: 'fact',
  description: 'Store shipments by truck: one row per status (SCHEDULED, LOADING, IN_TRANSIT, ARRIVED, UNLOADING, COMPLETED).',
  primaryKey: ['ShipmentId', 'Status'],
  fields: [
    { name: 'ShipmentId', type: 'string', description: 'SHP-D<dc id, 3 digits>-<yyyymmdd of scheduling>-<sequence of the DC-day, 4 digits>' },
    { name: 'TruckID', type: 'int32', references: 'dim_trucks.id' },
    { name: 'DCID', type: 'int32', references: 'dim_distribution_centers.id', description: "The DC that serves the store's region" },
    { name: 'StoreID', type: 'int32', references: 'dim_stores.id' },
    { name: 'Status', type: 'string', values: truckStatuses, description: 'SCHEDULED, LOADING, IN_TRANSIT, ARRIVED, UNLOADING or COMPLETED' },
    { name: 'EventTS', type: 'timestamp', description: 'When the shipment reached this status' },
    { name: 'ETA', type: 'timestamp', description: 'Arrival at the store (the ARRIVED time)' },
    { name: 'ETD', type: 'timestamp', description: 'Departure from the DC (the IN_TRANSIT time)' },
  ],
});

/**
 * What each shipment's truck carries: a LOAD row per product at the DC when
 * loading starts, an UNLOAD row per product at the store when unloading
 * starts. Per shipment and product, LOAD = UNLOAD = the store's DELIVERY rows
 * = minus the DC's SHIPMENT rows (same shipment id as source).
 *
 * @example
 * ```ts
 * factTruckInventory.field('LocationType').column; // 'location_type'
 * // SELECT action, sum(quantity) FROM fact_truck_inventory WHERE shipment_id = ? GROUP BY action
 * ```
 */
export const factTruckInventory = defineTable({
  name: 'FactTruckInventory',
  kind: 'fact',
  description: "Units loaded onto and unloaded from each shipment's truck, by product.",
  primaryKey: ['ShipmentId', 'ProductID', 'Action'],
  fields: [
    { name: 'ShipmentId', type: 'string', references: 'fact_truck_moves.shipment_id' },
    { name: 'TruckID', type: 'int32', references: 'dim_trucks.id' },
    { name: 'ProductID', type: 'int32', references: 'dim_products.id' },
    { name: 'Quantity', type: 'int32', description: 'Units (> 0)' },
    { name: 'Action', type: 'string', values: truckActions, description: 'LOAD (at the DC) or UNLOAD (at the store)' },
    { name: 'EventTS', type: 'timestamp', description: 'The LOADING or UNLOADING time of the shipment' },
    { name: 'LocationType', type: 'string', values: truckLocationTypes, description: 'DC for LOAD, STORE for UNLOAD' },
    { name: 'LocationID', type: 'int32', description: 'dim_distribution_centers.id or dim_stores.id, by location_type' },
  ],
});

/** The DC inventory and truck logistics tables of "Facts II". */
export const logisticsTables = [factDcInventoryTxn, factTruckMoves, factTruckInventory] as const;
