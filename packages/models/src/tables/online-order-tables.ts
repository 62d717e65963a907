import { tenderTypes } from './store-facts.js';
import { defineTable } from './table-definition.js';

/**
 * Fulfillment modes in the order of `config.onlineOrders.fulfillmentMix` keys
 * (shipFromDc, shipFromStore, bopis); `fact_online_order_lines.fulfillment_mode`
 * holds one of them.
 *
 * @example
 * ```ts
 * fulfillmentModes[2]; // 'BOPIS'
 * ```
 */
export const fulfillmentModes = ['SHIP_FROM_DC', 'SHIP_FROM_STORE', 'BOPIS'] as const;

/** The tenders an online order is paid with: the store tenders without CASH. */
export const onlineTenders = ['CREDIT', 'DEBIT', 'MOBILE'] as const satisfies readonly (typeof tenderTypes)[number][];

/** Status of an order header: DELIVERED when a line was delivered or picked up, CANCELLED when none was fulfilled. */
export const orderStatuses = ['DELIVERED', 'CANCELLED'] as const;

/** Status of an order line. */
export const lineStatuses = ['DELIVERED', 'CANCELLED'] as const;

/**
 * Why an order was cancelled: the customer cancelled before picking, the
 * node held none of its lines, or every payment attempt was declined.
 */
export const cancelReasons = ['CUSTOMER', 'OUT_OF_STOCK', 'PAYMENT_DECLINED'] as const;

/** `fact_online_order_lines.node_type`: the kind of node that fulfils the line. */
export const fulfillmentNodeTypes = ['STORE', 'DC'] as const;

/**
 * Online order headers: one row per order placed by a known customer, with
 * its money to the cent and its outcome. Money counts only the lines that
 * were fulfilled (not CANCELLED): subtotal = sum of their ext_price,
 * discount = sum of their discount_amount, tax = sum of their taxes at the
 * tax_store_id's rate (REDUCED_RATE half, NON_TAXABLE none), total =
 * subtotal - discount + tax, and the order's APPROVED fact_payments rows
 * (order_id_ext set, receipt_id_ext NULL) sum to the total. A CANCELLED order
 * has no fulfilled line, a total of 0 and no APPROVED payment.
 *
 * @example
 * ```ts
 * factOnlineOrderHeaders.field('OrderId').column; // 'order_id_ext'
 * // SELECT status, cancel_reason, count(*) FROM fact_online_order_headers GROUP BY ALL
 * ```
 */
export const factOnlineOrderHeaders = defineTable({
  name: 'FactOnlineOrderHeaders',
  kind: 'fact',
  description:
    'Online orders of known customers; money counts the lines not CANCELLED: total = subtotal - discount + tax, and the APPROVED payments sum to the total.',
  primaryKey: ['OrderId'],
  fields: [
    {
      name: 'OrderId',
      type: 'string',
      column: 'order_id_ext',
      description: 'O<node: S + store id, 5 digits>-<yyyymmdd the order was placed>-<sequence of the node-day, 5 digits>, e.g. OS00017-20241128-00003',
    },
    { name: 'EventTS', type: 'timestamp', description: 'When the customer placed the order' },
    { name: 'CustomerID', type: 'int32', references: 'dim_customers.id' },
    { name: 'TaxStoreID', type: 'int32', references: 'dim_stores.id', description: 'The store whose tax_rate applies: the fulfilling or pickup store' },
    { name: 'Subtotal', type: 'money', column: 'subtotal_amount', description: 'Sum of ext_price of the lines not CANCELLED' },
    { name: 'Discount', type: 'money', column: 'discount_amount', description: 'Sum of discount_amount of the lines not CANCELLED' },
    { name: 'Tax', type: 'money', column: 'tax_amount' },
    { name: 'Total', type: 'money', column: 'total_amount', description: 'subtotal - discount + tax' },
    { name: 'TenderType', type: 'string', column: 'payment_method', values: onlineTenders, description: 'CREDIT, DEBIT or MOBILE: the tender of the approved payment, else the one chosen at checkout' },
    { name: 'PromoCode', type: 'string', nullable: true, description: 'The coupon entered at checkout, if any' },
    { name: 'Status', type: 'string', values: orderStatuses, description: 'DELIVERED (at least one line delivered or picked up) or CANCELLED (no line fulfilled)' },
    { name: 'CancelReason', type: 'string', nullable: true, values: cancelReasons, description: 'CUSTOMER, OUT_OF_STOCK or PAYMENT_DECLINED for a CANCELLED order; NULL otherwise' },
    { name: 'CompletedTS', type: 'timestamp', nullable: true, description: 'Last delivery or pickup of a DELIVERED order; the cancellation time of a CANCELLED one' },
  ],
});

/**
 * Online order lines with their fulfillment: the mode (SHIP_FROM_DC,
 * SHIP_FROM_STORE, BOPIS = buy online, pick up in store), the node that
 * fulfils it (node_type STORE or DC, node_id its dim_stores or
 * dim_distribution_centers id) and the lifecycle created < picked_ts <
 * shipped_ts < delivered_ts (BOPIS: picked_ts < delivered_ts, the pickup,
 * shipped_ts NULL). Stock is drawn from the node's inventory at picked_ts
 * (fact_store_inventory_txn ONLINE_ORDER rows, source = order_id_ext); a line
 * the node cannot fill is CANCELLED with every timestamp NULL. An order's
 * whole lifecycle is written when it is picked, so the last deliveries of a
 * history may lie a few days after its last day.
 *
 * @example
 * ```ts
 * factOnlineOrderLines.field('NodeID').column; // 'node_id'
 * // SELECT fulfillment_mode, count(*) FROM fact_online_order_lines GROUP BY ALL
 * ```
 */
export const factOnlineOrderLines = defineTable({
  name: 'FactOnlineOrderLines',
  kind: 'fact',
  description:
    'Online order lines: ext_price = quantity x unit_price; fulfillment mode, node and lifecycle picked_ts < shipped_ts < delivered_ts (BOPIS: no shipped_ts); CANCELLED lines have no timestamps.',
  primaryKey: ['OrderId', 'LineNum'],
  fields: [
    { name: 'OrderId', type: 'string', column: 'order_id_ext', references: 'fact_online_order_headers.order_id_ext' },
    { name: 'LineNum', type: 'int32', description: '1..n within the order' },
    { name: 'ProductID', type: 'int32', references: 'dim_products.id' },
    { name: 'Quantity', type: 'int32', description: 'Units ordered (> 0)' },
    { name: 'UnitPrice', type: 'money' },
    { name: 'ExtPrice', type: 'money', description: 'quantity x unit_price' },
    { name: 'Discount', type: 'money', column: 'discount_amount', description: "The line's share of the order's coupon; 0 on a CANCELLED line" },
    { name: 'FulfillmentMode', type: 'string', values: fulfillmentModes, description: 'SHIP_FROM_DC, SHIP_FROM_STORE or BOPIS (the same on every line of an order)' },
    { name: 'NodeType', type: 'string', values: fulfillmentNodeTypes, description: 'STORE or DC' },
    { name: 'NodeID', type: 'int32', description: 'dim_stores.id when node_type is STORE, dim_distribution_centers.id when DC' },
    { name: 'PickedTS', type: 'timestamp', nullable: true, description: 'When the node took the units from its stock; NULL when CANCELLED' },
    { name: 'ShippedTS', type: 'timestamp', nullable: true, description: 'Handed to the carrier; NULL for BOPIS and when CANCELLED' },
    { name: 'DeliveredTS', type: 'timestamp', nullable: true, description: "Delivered to the customer, or picked up in store (BOPIS); NULL when CANCELLED" },
    { name: 'FulfillmentStatus', type: 'string', values: lineStatuses, description: 'DELIVERED (delivered or picked up) or CANCELLED (the node lacked the units, or the order was cancelled)' },
  ],
});

/** The online order tables, referenced tables first (payments go to fact_payments with order_id_ext set). */
export const onlineOrderTables = [factOnlineOrderHeaders, factOnlineOrderLines] as const;
