import type { Invariant } from './invariant.js';

/** Receipts per store-hour, for the sensor rules. */
const receiptsPerHour = `SELECT store_id, date_trunc('hour', event_ts) AS hour, count(*) AS receipts FROM fact_receipts GROUP BY ALL`;

/** The rules of sensors and marketing ("Facts II"). */
export function sensorAndMarketingInvariants(): Invariant[] {
  return [
    {
      id: 'foot-traffic-entrance',
      description: 'fact_foot_traffic: the ENTRANCE count of a store-hour is at least its receipts, and every store-hour with receipts has one',
      tables: ['fact_foot_traffic', 'fact_receipts'],
      violations:
        `SELECT r.store_id, r.hour, r.receipts, f.count AS entrance FROM (${receiptsPerHour}) r ` +
        `LEFT JOIN fact_foot_traffic f ON f.store_id = r.store_id AND f.zone = 'ENTRANCE' AND f.event_ts = r.hour WHERE f.count IS NULL OR f.count < r.receipts`,
    },
    {
      id: 'foot-traffic-checkout',
      description: 'fact_foot_traffic: the CHECKOUT count of a store-hour equals its receipts, and no zone counts more than the ENTRANCE',
      tables: ['fact_foot_traffic', 'fact_receipts'],
      violations:
        `SELECT f.store_id, f.event_ts, f.zone, f.count, coalesce(r.receipts, 0) AS receipts, e.count AS entrance FROM fact_foot_traffic f ` +
        `LEFT JOIN (${receiptsPerHour}) r ON r.store_id = f.store_id AND r.hour = f.event_ts ` +
        `LEFT JOIN fact_foot_traffic e ON e.store_id = f.store_id AND e.event_ts = f.event_ts AND e.zone = 'ENTRANCE' ` +
        `WHERE (f.zone = 'CHECKOUT' AND f.count <> coalesce(r.receipts, 0)) OR f.count > coalesce(e.count, -1)`,
    },
    {
      id: 'ble-identified-customer',
      description: "fact_ble_pings: a ping with a customer_id carries that customer's ble_id; an anonymous one an ANON- id",
      tables: ['fact_ble_pings', 'dim_customers'],
      violations:
        `SELECT p.event_ts, p.store_id, p.customer_ble_id, p.customer_id, c.ble_id FROM fact_ble_pings p LEFT JOIN dim_customers c ON c.id = p.customer_id ` +
        `WHERE (p.customer_id IS NOT NULL AND p.customer_ble_id IS DISTINCT FROM c.ble_id) OR (p.customer_id IS NULL AND p.customer_ble_id NOT LIKE 'ANON-%')`,
    },
    {
      id: 'zone-changes-from-pings',
      description: "fact_customer_zone_changes: exactly the changes of zone between consecutive pings of one BLE id in one store on one day",
      tables: ['fact_ble_pings', 'fact_customer_zone_changes'],
      violations:
        `WITH derived AS (SELECT event_ts, store_id, customer_ble_id, from_zone, zone AS to_zone FROM (` +
        `SELECT event_ts, store_id, customer_ble_id, zone, lag(zone) OVER (PARTITION BY store_id, customer_ble_id, CAST(event_ts AS DATE) ORDER BY event_ts) AS from_zone FROM fact_ble_pings) ` +
        `WHERE from_zone IS NOT NULL AND from_zone <> zone) ` +
        `SELECT coalesce(d.store_id, z.store_id) AS store_id, coalesce(d.customer_ble_id, z.customer_ble_id) AS customer_ble_id, coalesce(d.event_ts, z.event_ts) AS event_ts, ` +
        `d.from_zone AS derived_from, z.from_zone AS stored_from FROM derived d FULL JOIN fact_customer_zone_changes z ` +
        `ON z.store_id = d.store_id AND z.customer_ble_id = d.customer_ble_id AND z.event_ts = d.event_ts AND z.from_zone = d.from_zone AND z.to_zone = d.to_zone ` +
        `WHERE d.store_id IS NULL OR z.store_id IS NULL`,
    },
    {
      id: 'marketing-window',
      description: "fact_marketing: every impression falls within its campaign's start_date..end_date",
      tables: ['fact_marketing', 'dim_campaigns'],
      violations:
        `SELECT m.impression_id_ext, m.event_ts, c.start_date, c.end_date FROM fact_marketing m JOIN dim_campaigns c ON c.id = m.campaign_id ` +
        `WHERE CAST(m.event_ts AS DATE) NOT BETWEEN c.start_date AND c.end_date`,
    },
    {
      id: 'marketing-budget',
      description: 'fact_marketing: the cost of a campaign never exceeds its budget',
      tables: ['fact_marketing', 'dim_campaigns'],
      violations: `SELECT c.id, c.budget, sum(m.cost) AS spent FROM fact_marketing m JOIN dim_campaigns c ON c.id = m.campaign_id GROUP BY c.id, c.budget HAVING sum(m.cost) > c.budget`,
    },
    {
      id: 'marketing-resolved-customer',
      description: "fact_marketing: customer_ad_id is the customer's ad_id when customer_id is set, and both are NULL otherwise",
      tables: ['fact_marketing', 'dim_customers'],
      violations:
        `SELECT m.impression_id_ext, m.customer_id, m.customer_ad_id, c.ad_id FROM fact_marketing m LEFT JOIN dim_customers c ON c.id = m.customer_id ` +
        `WHERE (m.customer_id IS NULL) <> (m.customer_ad_id IS NULL) OR (m.customer_id IS NOT NULL AND m.customer_ad_id IS DISTINCT FROM c.ad_id)`,
    },
  ];
}
