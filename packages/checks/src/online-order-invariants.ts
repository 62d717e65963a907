import type { Invariant } from './invariant.js';

const headers = 'fact_online_order_headers';
const lines = 'fact_online_order_lines';
const liveLines = `SELECT order_id_ext, sum(ext_price) AS ext_price, sum(discount_amount) AS discount_amount FROM ${lines} WHERE fulfillment_status <> 'CANCELLED' GROUP BY order_id_ext`;

/** The rules of online orders ("Facts II"): money identities, lifecycle order, stock drawn through the store and DC ledgers, payments. */
export function onlineOrderInvariants(): Invariant[] {
  return [
    {
      id: 'order-line-ext-price',
      description: 'fact_online_order_lines: ext_price = quantity x unit_price',
      tables: [lines],
      violations: `SELECT order_id_ext, line_num, quantity, unit_price, ext_price FROM ${lines} WHERE ext_price <> quantity * unit_price`,
    },
    {
      id: 'order-money',
      description: 'fact_online_order_headers: subtotal and discount are the sums over the lines not CANCELLED; total = subtotal - discount + tax',
      tables: [headers, lines],
      violations:
        `SELECT h.order_id_ext, h.subtotal_amount, coalesce(l.ext_price, 0) AS lines_subtotal, h.discount_amount, coalesce(l.discount_amount, 0) AS lines_discount, h.tax_amount, h.total_amount ` +
        `FROM ${headers} h LEFT JOIN (${liveLines}) l USING (order_id_ext) ` +
        `WHERE h.subtotal_amount <> coalesce(l.ext_price, 0) OR h.discount_amount <> coalesce(l.discount_amount, 0) OR h.total_amount <> h.subtotal_amount - h.discount_amount + h.tax_amount`,
    },
    {
      id: 'order-payments-total',
      description: 'fact_payments: the APPROVED payments of an order sum to its total (none for an order with nothing to pay)',
      tables: [headers, 'fact_payments'],
      violations:
        `SELECT h.order_id_ext, h.total_amount, p.approved FROM ${headers} h LEFT JOIN (SELECT order_id_ext, sum(amount) AS approved FROM fact_payments ` +
        `WHERE status = 'APPROVED' AND order_id_ext IS NOT NULL GROUP BY order_id_ext) p USING (order_id_ext) WHERE coalesce(p.approved, 0) <> h.total_amount`,
    },
    {
      id: 'order-payment-reference',
      description: 'fact_payments: every order_id_ext is an order',
      tables: [headers, 'fact_payments'],
      violations: `SELECT p.payment_id, p.order_id_ext FROM fact_payments p WHERE p.order_id_ext IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${headers} h WHERE h.order_id_ext = p.order_id_ext)`,
    },
    {
      id: 'order-lifecycle',
      description: 'fact_online_order_lines: created < picked < shipped < delivered (BOPIS: no shipped); a CANCELLED line has none of them',
      tables: [headers, lines],
      violations:
        `SELECT l.order_id_ext, l.line_num, l.fulfillment_mode, l.fulfillment_status, h.event_ts AS created, l.picked_ts, l.shipped_ts, l.delivered_ts FROM ${lines} l JOIN ${headers} h USING (order_id_ext) ` +
        `WHERE (l.fulfillment_status = 'CANCELLED' AND (l.picked_ts IS NOT NULL OR l.shipped_ts IS NOT NULL OR l.delivered_ts IS NOT NULL)) ` +
        `OR (l.fulfillment_status <> 'CANCELLED' AND (l.picked_ts IS NULL OR l.delivered_ts IS NULL OR NOT (h.event_ts < l.picked_ts) ` +
        `OR (l.fulfillment_mode = 'BOPIS' AND (l.shipped_ts IS NOT NULL OR NOT (l.picked_ts < l.delivered_ts))) ` +
        `OR (l.fulfillment_mode <> 'BOPIS' AND (l.shipped_ts IS NULL OR NOT (l.picked_ts < l.shipped_ts AND l.shipped_ts < l.delivered_ts)))))`,
    },
    {
      id: 'order-stock-from-store',
      description: 'Every fulfilled store line is one ONLINE_ORDER inventory movement of its store (source = order id), and no such movement lacks its line',
      tables: [lines, 'fact_store_inventory_txn'],
      violations:
        `SELECT coalesce(l.order_id_ext, t.source) AS order_id_ext, coalesce(l.product_id, t.product_id) AS product_id, l.quantity AS line_quantity, t.quantity AS inventory_quantity FROM ` +
        `(SELECT order_id_ext, node_id AS store_id, product_id, sum(quantity) AS quantity FROM ${lines} WHERE node_type = 'STORE' AND fulfillment_status <> 'CANCELLED' GROUP BY ALL) l ` +
        `FULL JOIN (SELECT source, store_id, product_id, sum(quantity) AS quantity FROM fact_store_inventory_txn WHERE txn_type = 'ONLINE_ORDER' GROUP BY ALL) t ` +
        `ON t.source = l.order_id_ext AND t.product_id = l.product_id AND t.store_id = l.store_id WHERE t.quantity IS DISTINCT FROM -l.quantity`,
    },
    {
      id: 'order-stock-from-dc',
      description: 'Every fulfilled DC line is one ONLINE_ORDER movement of its DC (source = order id, at picked_ts), and no such DC movement lacks its line',
      tables: [lines, 'fact_dc_inventory_txn'],
      violations:
        `SELECT coalesce(l.order_id_ext, t.source) AS order_id_ext, coalesce(l.product_id, t.product_id) AS product_id, l.quantity AS line_quantity, t.quantity AS inventory_quantity FROM ` +
        `(SELECT order_id_ext, node_id AS dc_id, product_id, sum(quantity) AS quantity, min(picked_ts) AS picked_ts FROM ${lines} WHERE node_type = 'DC' AND fulfillment_status <> 'CANCELLED' GROUP BY ALL) l ` +
        `FULL JOIN (SELECT source, dc_id, product_id, sum(quantity) AS quantity, min(event_ts) AS event_ts FROM fact_dc_inventory_txn WHERE txn_type = 'ONLINE_ORDER' GROUP BY ALL) t ` +
        `ON t.source = l.order_id_ext AND t.product_id = l.product_id AND t.dc_id = l.dc_id WHERE t.quantity IS DISTINCT FROM -l.quantity OR t.event_ts IS DISTINCT FROM l.picked_ts`,
    },
  ];
}
