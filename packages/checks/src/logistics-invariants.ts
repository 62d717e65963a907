import type { Invariant } from './invariant.js';

const statusOrder = "CASE status WHEN 'SCHEDULED' THEN 1 WHEN 'LOADING' THEN 2 WHEN 'IN_TRANSIT' THEN 3 WHEN 'ARRIVED' THEN 4 WHEN 'UNLOADING' THEN 5 WHEN 'COMPLETED' THEN 6 END";

/** Units per (shipment, product) of one kind of movement. */
const unitsOf = (sql: string) => `(${sql})`;

/**
 * The rules of DC inventory and truck logistics ("Facts II"): the DC chains,
 * shipments that carry exactly what leaves the DC and reaches the store,
 * status timelines, trucks never double-booked, stores served by their
 * region's DC.
 */
export function logisticsInvariants(): Invariant[] {
  return [
    {
      id: 'dc-inventory-initial-first',
      description: 'fact_dc_inventory_txn: per (dc, product) the first row in txn_seq order is INITIAL, and no other row is',
      tables: ['fact_dc_inventory_txn'],
      violations:
        `SELECT dc_id, product_id, txn_seq, txn_type FROM (SELECT dc_id, product_id, txn_seq, txn_type, row_number() OVER (PARTITION BY dc_id, product_id ORDER BY txn_seq) AS position ` +
        `FROM fact_dc_inventory_txn) WHERE (position = 1) <> (txn_type = 'INITIAL')`,
    },
    {
      id: 'dc-inventory-balance-chain',
      description: 'fact_dc_inventory_txn: per (dc, product) in txn_seq order, balance = previous balance + quantity, balance >= 0, and time never goes back',
      tables: ['fact_dc_inventory_txn'],
      violations:
        `SELECT dc_id, product_id, txn_seq, quantity, balance, previous, event_ts, previous_ts FROM (SELECT dc_id, product_id, txn_seq, quantity, balance, event_ts, ` +
        `lag(balance, 1, 0) OVER w AS previous, lag(event_ts) OVER w AS previous_ts FROM fact_dc_inventory_txn WINDOW w AS (PARTITION BY dc_id, product_id ORDER BY txn_seq)) ` +
        `WHERE balance <> previous + quantity OR balance < 0 OR event_ts < previous_ts`,
    },
    {
      id: 'shipment-units-agree',
      description:
        'Per shipment and product: LOAD = units leaving the DC (SHIPMENT rows, negated); UNLOAD = the store DELIVERY rows; and LOAD = UNLOAD once the shipment is unloaded',
      tables: ['fact_truck_inventory', 'fact_dc_inventory_txn', 'fact_store_inventory_txn', 'fact_truck_moves'],
      violations:
        `WITH loads AS ${unitsOf("SELECT shipment_id, product_id, sum(quantity) AS units FROM fact_truck_inventory WHERE action = 'LOAD' GROUP BY ALL")}, ` +
        `unloads AS ${unitsOf("SELECT shipment_id, product_id, sum(quantity) AS units FROM fact_truck_inventory WHERE action = 'UNLOAD' GROUP BY ALL")}, ` +
        `dc AS ${unitsOf("SELECT source AS shipment_id, product_id, -sum(quantity) AS units FROM fact_dc_inventory_txn WHERE txn_type = 'SHIPMENT' GROUP BY ALL")}, ` +
        `store AS ${unitsOf("SELECT source AS shipment_id, product_id, sum(quantity) AS units FROM fact_store_inventory_txn WHERE txn_type = 'DELIVERY' GROUP BY ALL")}, ` +
        `unloaded AS (SELECT DISTINCT shipment_id FROM fact_truck_moves WHERE status = 'UNLOADING') ` +
        `SELECT coalesce(l.shipment_id, d.shipment_id, u.shipment_id, s.shipment_id) AS shipment_id, coalesce(l.product_id, d.product_id, u.product_id, s.product_id) AS product_id, ` +
        `l.units AS loaded, d.units AS left_dc, u.units AS unloaded, s.units AS delivered FROM loads l ` +
        `FULL JOIN dc d ON d.shipment_id = l.shipment_id AND d.product_id = l.product_id ` +
        `FULL JOIN unloads u ON u.shipment_id = coalesce(l.shipment_id, d.shipment_id) AND u.product_id = coalesce(l.product_id, d.product_id) ` +
        `FULL JOIN store s ON s.shipment_id = coalesce(l.shipment_id, d.shipment_id, u.shipment_id) AND s.product_id = coalesce(l.product_id, d.product_id, u.product_id) ` +
        `WHERE l.units IS DISTINCT FROM d.units OR u.units IS DISTINCT FROM s.units ` +
        `OR (coalesce(l.shipment_id, d.shipment_id) IN (SELECT shipment_id FROM unloaded) AND l.units IS DISTINCT FROM u.units)`,
    },
    {
      id: 'shipment-delivery-day',
      description: "Each store DELIVERY of a shipment is posted on the day of the shipment's ARRIVED status",
      tables: ['fact_store_inventory_txn', 'fact_truck_moves'],
      violations:
        `SELECT t.source, t.event_ts, m.event_ts AS arrived FROM fact_store_inventory_txn t JOIN fact_truck_moves m ON m.shipment_id = t.source AND m.status = 'ARRIVED' ` +
        `WHERE t.txn_type = 'DELIVERY' AND CAST(t.event_ts AS DATE) <> CAST(m.event_ts AS DATE)`,
    },
    {
      id: 'shipment-timeline',
      description: 'fact_truck_moves: per shipment the statuses come in order SCHEDULED, LOADING, IN_TRANSIT, ARRIVED, UNLOADING, COMPLETED, each once, with rising timestamps',
      tables: ['fact_truck_moves'],
      violations:
        `SELECT shipment_id, status, event_ts, previous_status, previous_ts FROM (SELECT shipment_id, status, event_ts, ${statusOrder} AS step, ` +
        `lag(status) OVER w AS previous_status, lag(event_ts) OVER w AS previous_ts, lag(${statusOrder}) OVER w AS previous_step, row_number() OVER w AS position ` +
        `FROM fact_truck_moves WINDOW w AS (PARTITION BY shipment_id ORDER BY ${statusOrder})) ` +
        `WHERE step IS NULL OR step <> position OR event_ts <= previous_ts`,
    },
    {
      id: 'truck-no-overlap',
      description: 'No truck is on two shipments at once: a shipment starts LOADING after the previous shipment of its truck COMPLETED',
      tables: ['fact_truck_moves'],
      violations:
        `WITH spans AS (SELECT shipment_id, any_value(truck_id) AS truck_id, min(event_ts) FILTER (WHERE status = 'LOADING') AS loading, ` +
        `max(event_ts) FILTER (WHERE status = 'COMPLETED') AS completed FROM fact_truck_moves GROUP BY shipment_id) ` +
        `SELECT truck_id, shipment_id, loading, previous_shipment, previous_completed FROM (SELECT truck_id, shipment_id, loading, ` +
        `lag(shipment_id) OVER w AS previous_shipment, lag(completed) OVER w AS previous_completed, lag(loading) OVER w AS previous_loading FROM spans WHERE loading IS NOT NULL ` +
        `WINDOW w AS (PARTITION BY truck_id ORDER BY loading)) WHERE previous_shipment IS NOT NULL AND (previous_completed IS NULL OR loading < previous_completed)`,
    },
    {
      id: 'store-served-by-region-dc',
      description: "Every shipment comes from the DC of its store's region",
      tables: ['fact_truck_moves', 'dim_stores', 'dim_geographies', 'dim_distribution_centers'],
      violations:
        `SELECT DISTINCT m.shipment_id, m.store_id, m.dc_id, g.region AS store_region, d.region AS dc_region FROM fact_truck_moves m ` +
        `JOIN dim_stores s ON s.id = m.store_id JOIN dim_geographies g ON g.id = s.geography_id JOIN dim_distribution_centers d ON d.id = m.dc_id WHERE g.region <> d.region`,
    },
  ];
}
