import type { Invariant } from './invariant.js';

/** What the store-day invariants need to know of the run's configuration. */
export interface StoreInvariantSettings {
  /** `seasonality.closedOnChristmas`: no store activity on December 25. */
  readonly closedOnChristmas: boolean;
}

const receipts = 'fact_receipts';
const lines = 'fact_receipt_lines';
const payments = 'fact_payments';
const promotions = 'fact_promotions';
const inventory = 'fact_store_inventory_txn';

/** Hours a store is open: open_hour up to close_hour, wrapping past midnight; 0-24 is around the clock. */
const openHourCount = 'CASE WHEN s.close_hour > s.open_hour THEN s.close_hour - s.open_hour ELSE s.close_hour + 24 - s.open_hour END';

/** Lines of each receipt, summed. */
const lineTotals = `SELECT receipt_id_ext, sum(ext_price) AS ext_price, sum(discount_amount) AS discount_amount, count(*) AS lines FROM ${lines} GROUP BY receipt_id_ext`;

/**
 * The rules of the store day ("Facts I"): money identities to the cent,
 * returns, payments, the store inventory chain and its agreement with the
 * receipt lines, store hours, Christmas closure and launch dates.
 *
 * @example
 * ```ts
 * storeInvariants({ closedOnChristmas: config.seasonality.closedOnChristmas }).length; // 25
 * ```
 */
export function storeInvariants(settings: StoreInvariantSettings): Invariant[] {
  const invariants: Invariant[] = [
    {
      id: 'line-ext-price',
      description: 'fact_receipt_lines: ext_price = quantity x unit_price',
      tables: [lines],
      violations: `SELECT receipt_id_ext, line_num, quantity, unit_price, ext_price FROM ${lines} WHERE ext_price <> quantity * unit_price`,
    },
    {
      id: 'line-numbers',
      description: 'fact_receipt_lines: line_num runs 1..n within each receipt',
      tables: [lines],
      violations: `SELECT receipt_id_ext, min(line_num) AS first, max(line_num) AS last, count(*) AS lines FROM ${lines} GROUP BY receipt_id_ext HAVING min(line_num) <> 1 OR max(line_num) <> count(*)`,
    },
    {
      id: 'receipt-has-lines',
      description: 'fact_receipts: every receipt has at least one line',
      tables: [receipts, lines],
      violations: `SELECT r.receipt_id_ext FROM ${receipts} r WHERE NOT EXISTS (SELECT 1 FROM ${lines} l WHERE l.receipt_id_ext = r.receipt_id_ext)`,
    },
    {
      id: 'receipt-subtotal',
      description: 'fact_receipts: subtotal_amount = sum of its lines ext_price',
      tables: [receipts, lines],
      violations: `SELECT r.receipt_id_ext, r.subtotal_amount, l.ext_price FROM ${receipts} r JOIN (${lineTotals}) l USING (receipt_id_ext) WHERE r.subtotal_amount <> l.ext_price`,
    },
    {
      id: 'receipt-discount-lines',
      description: 'fact_receipts: discount_amount = sum of its lines discount_amount',
      tables: [receipts, lines],
      violations: `SELECT r.receipt_id_ext, r.discount_amount, l.discount_amount AS lines_discount FROM ${receipts} r JOIN (${lineTotals}) l USING (receipt_id_ext) WHERE r.discount_amount <> l.discount_amount`,
    },
    {
      id: 'receipt-discount-promotions',
      description: 'fact_receipts: discount_amount = sum of its fact_promotions discount_amount',
      tables: [receipts, promotions],
      violations:
        `SELECT r.receipt_id_ext, r.discount_amount, coalesce(p.discount_amount, 0) AS promotions_discount FROM ${receipts} r ` +
        `LEFT JOIN (SELECT receipt_id_ext, sum(discount_amount) AS discount_amount FROM ${promotions} GROUP BY receipt_id_ext) p USING (receipt_id_ext) ` +
        `WHERE r.discount_amount <> coalesce(p.discount_amount, 0)`,
    },
    {
      id: 'promotion-lines',
      description: 'fact_promotions: each row is the sum of the discounts of its receipt lines with that promo_code',
      tables: [lines, promotions],
      violations:
        `SELECT coalesce(p.receipt_id_ext, l.receipt_id_ext) AS receipt_id_ext, coalesce(p.promo_code, l.promo_code) AS promo_code, p.discount_amount, l.discount_amount AS lines_discount FROM ${promotions} p ` +
        `FULL JOIN (SELECT receipt_id_ext, promo_code, sum(discount_amount) AS discount_amount FROM ${lines} WHERE promo_code IS NOT NULL GROUP BY ALL) l ` +
        `ON l.receipt_id_ext = p.receipt_id_ext AND l.promo_code = p.promo_code WHERE p.discount_amount IS DISTINCT FROM l.discount_amount`,
    },
    {
      id: 'receipt-total',
      description: 'fact_receipts: total_amount = subtotal_amount - discount_amount + tax_amount',
      tables: [receipts],
      violations: `SELECT receipt_id_ext, subtotal_amount, discount_amount, tax_amount, total_amount FROM ${receipts} WHERE total_amount <> subtotal_amount - discount_amount + tax_amount`,
    },
    {
      id: 'receipt-tax',
      description:
        "fact_receipts: tax_amount = sum over lines of (ext_price - discount) x the store's tax_rate x taxability (REDUCED_RATE half, NON_TAXABLE none), to half a cent per line (a cent per line on returns, which refund the sale's rounded tax in proportion to the units)",
      tables: [receipts, lines, 'dim_stores', 'dim_products'],
      violations:
        `SELECT r.receipt_id_ext, r.tax_amount, round(b.base * s.tax_rate, 4) AS exact_tax, b.lines FROM ${receipts} r JOIN dim_stores s ON s.id = r.store_id JOIN (` +
        `SELECT l.receipt_id_ext, count(*) AS lines, sum(CAST(l.ext_price - l.discount_amount AS DOUBLE) * CASE p.taxability WHEN 'NON_TAXABLE' THEN 0 WHEN 'REDUCED_RATE' THEN 0.5 ELSE 1 END) AS base ` +
        `FROM ${lines} l JOIN dim_products p ON p.id = l.product_id GROUP BY l.receipt_id_ext) b USING (receipt_id_ext) ` +
        `WHERE abs(CAST(r.tax_amount AS DOUBLE) - b.base * s.tax_rate) > CASE r.receipt_type WHEN 'RETURN' THEN 0.01 ELSE 0.005 END * b.lines + 1e-6`,
    },
    {
      id: 'receipt-sign',
      description: 'SALE receipts have positive line quantities and subtotal >= 0; RETURN receipts negative quantities and subtotal <= 0',
      tables: [receipts, lines],
      violations:
        `SELECT r.receipt_id_ext, r.receipt_type, l.line_num, l.quantity, r.subtotal_amount FROM ${receipts} r JOIN ${lines} l USING (receipt_id_ext) ` +
        `WHERE (r.receipt_type = 'SALE' AND (l.quantity <= 0 OR r.subtotal_amount < 0)) OR (r.receipt_type = 'RETURN' AND (l.quantity >= 0 OR r.subtotal_amount > 0)) ` +
        `OR r.receipt_type NOT IN ('SALE', 'RETURN')`,
    },
    {
      id: 'return-reference',
      description: 'RETURN receipts (and only they) reference an earlier SALE receipt',
      tables: [receipts],
      violations:
        `SELECT r.receipt_id_ext, r.receipt_type, r.event_ts, r.return_for_receipt_id_ext, o.receipt_type AS original_type, o.event_ts AS original_ts FROM ${receipts} r ` +
        `LEFT JOIN ${receipts} o ON o.receipt_id_ext = r.return_for_receipt_id_ext ` +
        `WHERE (r.receipt_type = 'SALE' AND r.return_for_receipt_id_ext IS NOT NULL) ` +
        `OR (r.receipt_type = 'RETURN' AND (o.receipt_id_ext IS NULL OR o.receipt_type <> 'SALE' OR o.event_ts >= r.event_ts))`,
    },
    {
      id: 'return-quantities',
      description: 'Returns never give back more units of a product than its sale sold (over all returns of that sale)',
      tables: [receipts, lines],
      violations:
        `SELECT ret.original, ret.product_id, ret.returned, coalesce(sold.sold, 0) AS sold FROM ` +
        `(SELECT r.return_for_receipt_id_ext AS original, l.product_id, -sum(l.quantity) AS returned FROM ${receipts} r JOIN ${lines} l USING (receipt_id_ext) WHERE r.receipt_type = 'RETURN' GROUP BY ALL) ret ` +
        `LEFT JOIN (SELECT receipt_id_ext AS original, product_id, sum(quantity) AS sold FROM ${lines} GROUP BY ALL) sold USING (original, product_id) ` +
        `WHERE ret.returned > coalesce(sold.sold, 0)`,
    },
    {
      id: 'payments-approved-total',
      description: 'fact_payments: the APPROVED payments of a receipt sum to its total_amount',
      tables: [receipts, payments],
      violations:
        `SELECT r.receipt_id_ext, r.total_amount, p.approved FROM ${receipts} r LEFT JOIN ` +
        `(SELECT receipt_id_ext, sum(amount) AS approved FROM ${payments} WHERE status = 'APPROVED' AND receipt_id_ext IS NOT NULL GROUP BY receipt_id_ext) p USING (receipt_id_ext) ` +
        `WHERE p.approved IS DISTINCT FROM r.total_amount`,
    },
    {
      id: 'payment-owner',
      description: 'fact_payments: exactly one of receipt_id_ext and order_id_ext is set',
      tables: [payments],
      violations: `SELECT payment_id, receipt_id_ext, order_id_ext FROM ${payments} WHERE (receipt_id_ext IS NULL) = (order_id_ext IS NULL)`,
    },
    {
      id: 'payment-status',
      description: 'fact_payments: status is APPROVED (no decline_reason) or DECLINED (with a decline_reason); cash never declines',
      tables: [payments],
      violations:
        `SELECT payment_id, payment_method, status, decline_reason FROM ${payments} WHERE NOT (` +
        `(status = 'APPROVED' AND decline_reason IS NULL) OR (status = 'DECLINED' AND decline_reason IS NOT NULL AND payment_method <> 'CASH'))`,
    },
    {
      id: 'payment-tender',
      description: "fact_receipts: payment_method is the tender of the receipt's approved payment",
      tables: [receipts, payments],
      violations:
        `SELECT r.receipt_id_ext, r.payment_method, p.payment_method AS approved_method FROM ${receipts} r JOIN ${payments} p USING (receipt_id_ext) ` +
        `WHERE p.status = 'APPROVED' AND p.payment_method <> r.payment_method`,
    },
    {
      id: 'inventory-initial-first',
      description: 'fact_store_inventory_txn: per (store, product) the first row in txn_seq order is INITIAL, and no other row is',
      tables: [inventory],
      violations:
        `SELECT store_id, product_id, txn_seq, txn_type, position FROM (SELECT store_id, product_id, txn_seq, txn_type, ` +
        `row_number() OVER (PARTITION BY store_id, product_id ORDER BY txn_seq) AS position FROM ${inventory}) ` +
        `WHERE (position = 1) <> (txn_type = 'INITIAL')`,
    },
    {
      id: 'inventory-balance-chain',
      description: 'fact_store_inventory_txn: per (store, product) in txn_seq order, balance = previous balance + quantity, and balance >= 0',
      tables: [inventory],
      violations:
        `SELECT store_id, product_id, txn_seq, txn_type, quantity, balance, previous FROM (SELECT store_id, product_id, txn_seq, txn_type, quantity, balance, ` +
        `lag(balance, 1, 0) OVER (PARTITION BY store_id, product_id ORDER BY txn_seq) AS previous FROM ${inventory}) ` +
        `WHERE balance <> previous + quantity OR balance < 0`,
    },
    {
      id: 'inventory-time-order',
      description: 'fact_store_inventory_txn: per (store, product), txn_seq order is time order',
      tables: [inventory],
      violations:
        `SELECT store_id, product_id, txn_seq, event_ts, previous_ts FROM (SELECT store_id, product_id, txn_seq, event_ts, ` +
        `lag(event_ts) OVER (PARTITION BY store_id, product_id ORDER BY txn_seq) AS previous_ts FROM ${inventory}) WHERE event_ts < previous_ts`,
    },
    {
      id: 'inventory-matches-lines',
      description: 'Every receipt line is a SALE (units out) or RETURN (units back) inventory row with source = receipt id, product by product, and no such row lacks its line',
      tables: [receipts, lines, inventory],
      violations:
        `SELECT coalesce(l.receipt_id_ext, t.source) AS receipt_id_ext, coalesce(l.product_id, t.product_id) AS product_id, l.quantity AS line_quantity, t.quantity AS inventory_quantity FROM ` +
        `(SELECT l.receipt_id_ext, r.store_id, l.product_id, sum(l.quantity) AS quantity FROM ${lines} l JOIN ${receipts} r USING (receipt_id_ext) GROUP BY ALL) l ` +
        `FULL JOIN (SELECT source, store_id, product_id, sum(quantity) AS quantity FROM ${inventory} WHERE txn_type IN ('SALE', 'RETURN') GROUP BY ALL) t ` +
        `ON t.source = l.receipt_id_ext AND t.product_id = l.product_id AND t.store_id = l.store_id ` +
        `WHERE t.quantity IS DISTINCT FROM -l.quantity`,
    },
    {
      id: 'receipt-store-hours',
      description: "fact_receipts: every receipt falls within its store's open hours",
      tables: [receipts, 'dim_stores'],
      violations:
        `SELECT r.receipt_id_ext, r.event_ts, s.open_hour, s.close_hour FROM ${receipts} r JOIN dim_stores s ON s.id = r.store_id ` +
        `WHERE (hour(r.event_ts) - s.open_hour + 24) % 24 >= ${openHourCount}`,
    },
    {
      id: 'receipt-store-opened',
      description: 'fact_receipts: no receipt before its store opened',
      tables: [receipts, 'dim_stores'],
      violations: `SELECT r.receipt_id_ext, r.event_ts, s.opened_date FROM ${receipts} r JOIN dim_stores s ON s.id = r.store_id WHERE CAST(r.event_ts AS DATE) < s.opened_date`,
    },
    {
      id: 'launch-date',
      description: 'fact_receipt_lines: no product is sold before its launch_date',
      tables: [receipts, lines, 'dim_products'],
      violations:
        `SELECT l.receipt_id_ext, l.product_id, r.event_ts, p.launch_date FROM ${lines} l JOIN ${receipts} r USING (receipt_id_ext) JOIN dim_products p ON p.id = l.product_id ` +
        `WHERE r.receipt_type = 'SALE' AND CAST(r.event_ts AS DATE) < p.launch_date`,
    },
    {
      id: 'line-time',
      description: "fact_receipt_lines, fact_promotions: event_ts equals the receipt's",
      tables: [receipts, lines, promotions],
      violations:
        `SELECT x.receipt_id_ext, x.event_ts, r.event_ts AS receipt_ts FROM (SELECT receipt_id_ext, event_ts FROM ${lines} UNION ALL SELECT receipt_id_ext, event_ts FROM ${promotions}) x ` +
        `JOIN ${receipts} r USING (receipt_id_ext) WHERE x.event_ts <> r.event_ts`,
    },
    {
      id: 'store-ops',
      description: "fact_store_ops: OPEN at the store's open_hour and CLOSE at its close_hour, never for a store open around the clock",
      tables: ['fact_store_ops', 'dim_stores'],
      violations:
        `SELECT o.store_id, o.event_ts, o.operation_type, s.open_hour, s.close_hour FROM fact_store_ops o JOIN dim_stores s ON s.id = o.store_id ` +
        `WHERE ${openHourCount} >= 24 OR NOT ((o.operation_type = 'OPEN' AND hour(o.event_ts) = s.open_hour) OR (o.operation_type = 'CLOSE' AND hour(o.event_ts) = s.close_hour % 24))`,
    },
    {
      id: 'stockout-quantity',
      description: 'fact_stockouts: lost_quantity > 0',
      tables: ['fact_stockouts'],
      violations: `SELECT store_id, product_id, event_ts, lost_quantity FROM fact_stockouts WHERE lost_quantity <= 0`,
    },
    {
      id: 'reorder-point',
      description: 'fact_reorders: raised at or below the reorder point, for a positive quantity',
      tables: ['fact_reorders'],
      violations: `SELECT store_id, product_id, event_ts, current_quantity, reorder_point, reorder_quantity FROM fact_reorders WHERE current_quantity > reorder_point OR reorder_quantity <= 0`,
    },
  ];
  if (settings.closedOnChristmas) {
    invariants.push({
      id: 'closed-on-christmas',
      description: "No receipt, store operation or inventory SALE/RETURN on December 25 (a store closing at midnight closes Christmas Eve at 00:00 on the 25th)",
      tables: [receipts, inventory, 'fact_store_ops'],
      violations:
        `SELECT 'fact_receipts' AS source, receipt_id_ext AS id, event_ts FROM ${receipts} WHERE month(event_ts) = 12 AND day(event_ts) = 25 ` +
        `UNION ALL SELECT 'fact_store_ops', CAST(store_id AS VARCHAR), event_ts FROM fact_store_ops WHERE month(event_ts) = 12 AND day(event_ts) = 25 AND NOT (operation_type = 'CLOSE' AND hour(event_ts) = 0) ` +
        `UNION ALL SELECT 'fact_store_inventory_txn', CAST(txn_seq AS VARCHAR), event_ts FROM ${inventory} WHERE txn_type IN ('SALE', 'RETURN') AND month(event_ts) = 12 AND day(event_ts) = 25`,
    });
  }
  return invariants;
}
