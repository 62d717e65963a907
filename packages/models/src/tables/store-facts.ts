import { defineTable } from './table-definition.js';

/**
 * Every `txn_type` a row of fact_store_inventory_txn may carry, in the order
 * they are documented (a closed set: DuckDB stores it as an ENUM). The
 * inventory package writes INITIAL itself, and DELIVERY for the arrivals
 * booked on its dock (by logistics); the others come from the packages that
 * post to the ledger (receipts: SALE and RETURN; online orders: ONLINE_ORDER).
 *
 * @example
 * ```ts
 * inventoryTxnTypes.includes('SALE'); // true
 * ```
 */
export const inventoryTxnTypes = ['INITIAL', 'SALE', 'RETURN', 'DELIVERY', 'ADJUSTMENT', 'ONLINE_ORDER'] as const;

/** `fact_receipts.receipt_type`: a sale, or a return that refunds part of an earlier sale. */
export const receiptTypes = ['SALE', 'RETURN'] as const;

/**
 * Trip types in the order of `config.basket.tripMix` and `config.basket.meanItems`
 * (their keys are the lowercase names); `fact_receipts.trip_type` holds one of them.
 *
 * @example
 * ```ts
 * tripTypes[0]; // 'QUICK'
 * ```
 */
export const tripTypes = ['QUICK', 'GROCERY', 'FAMILY', 'BULK'] as const;

/**
 * Tenders in the order of `config.payments.tenderMix` keys (credit, debit,
 * cash, mobile); `fact_receipts.payment_method` and `fact_payments.payment_method`
 * hold one of them (online orders use all but CASH).
 */
export const tenderTypes = ['CREDIT', 'DEBIT', 'CASH', 'MOBILE'] as const;

/** `fact_payments.status`: the attempt was approved or declined. */
export const paymentStatuses = ['APPROVED', 'DECLINED'] as const;

/** Why a card or mobile payment attempt was declined (`fact_payments.decline_reason`), in store and online. */
export const declineReasons = ['INSUFFICIENT_FUNDS', 'CARD_EXPIRED', 'DO_NOT_HONOR', 'NETWORK_ERROR'] as const;

/**
 * The priorities of fact_reorders: URGENT when the shelf is empty, HIGH when
 * on hand is at most half the reorder point, NORMAL otherwise.
 *
 * @example
 * ```ts
 * reorderPriorities.indexOf('URGENT'); // 2
 * ```
 */
export const reorderPriorities = ['NORMAL', 'HIGH', 'URGENT'] as const;

/** `fact_store_ops.operation_type`: a store opening or closing for the day. */
export const storeOperationTypes = ['OPEN', 'CLOSE'] as const;

/** How a promotion discounts a line; `fact_promotions.discount_type` holds one of them. */
export const discountTypes = ['PERCENT_OFF', 'AMOUNT_OFF', 'BOGO'] as const;

/** Receipt headers: sales and returns. Money identities hold to the cent (see README). */
export const factReceipts = defineTable({
  name: 'FactReceipts',
  kind: 'fact',
  description: 'Receipt headers (SALE and RETURN); total = subtotal - discount + tax.',
  primaryKey: ['ReceiptId'],
  fields: [
    { name: 'ReceiptId', type: 'string', column: 'receipt_id_ext' },
    { name: 'EventTS', type: 'timestamp' },
    { name: 'StoreID', type: 'int32', references: 'dim_stores.id' },
    { name: 'CustomerID', type: 'int32', nullable: true, references: 'dim_customers.id', description: 'NULL = anonymous shopper' },
    { name: 'ReceiptType', type: 'string', values: receiptTypes, description: 'SALE or RETURN' },
    { name: 'ReturnForReceiptId', type: 'string', nullable: true, column: 'return_for_receipt_id_ext', references: 'fact_receipts.receipt_id_ext' },
    { name: 'TripType', type: 'string', values: tripTypes, description: 'QUICK, GROCERY, FAMILY or BULK' },
    { name: 'Subtotal', type: 'money', column: 'subtotal_amount' },
    { name: 'Discount', type: 'money', column: 'discount_amount' },
    { name: 'Tax', type: 'money', column: 'tax_amount' },
    { name: 'Total', type: 'money', column: 'total_amount' },
    { name: 'TenderType', type: 'string', column: 'payment_method', values: tenderTypes, description: 'CREDIT, DEBIT, CASH or MOBILE' },
  ],
});

export const factReceiptLines = defineTable({
  name: 'FactReceiptLines',
  kind: 'fact',
  description: 'Receipt lines; ext_price = quantity x unit_price.',
  primaryKey: ['ReceiptId', 'LineNum'],
  fields: [
    { name: 'ReceiptId', type: 'string', column: 'receipt_id_ext', references: 'fact_receipts.receipt_id_ext' },
    { name: 'LineNum', type: 'int32' },
    { name: 'EventTS', type: 'timestamp' },
    { name: 'ProductID', type: 'int32', references: 'dim_products.id' },
    { name: 'Quantity', type: 'int32' },
    { name: 'UnitPrice', type: 'money' },
    { name: 'ExtPrice', type: 'money' },
    { name: 'Discount', type: 'money', column: 'discount_amount' },
    { name: 'PromoCode', type: 'string', nullable: true },
  ],
});

export const factPayments = defineTable({
  name: 'FactPayments',
  kind: 'fact',
  description: 'Payment attempts; the APPROVED payments of a receipt or order sum to its total.',
  primaryKey: ['PaymentID'],
  fields: [
    { name: 'PaymentID', type: 'string' },
    { name: 'ReceiptId', type: 'string', nullable: true, column: 'receipt_id_ext', references: 'fact_receipts.receipt_id_ext' },
    { name: 'OrderId', type: 'string', nullable: true, column: 'order_id_ext' },
    { name: 'EventTS', type: 'timestamp' },
    { name: 'TenderType', type: 'string', column: 'payment_method', values: tenderTypes },
    { name: 'Amount', type: 'money' },
    { name: 'Status', type: 'string', values: paymentStatuses, description: 'APPROVED or DECLINED' },
    { name: 'DeclineReason', type: 'string', nullable: true, values: declineReasons },
  ],
});

export const factPromotions = defineTable({
  name: 'FactPromotions',
  kind: 'fact',
  description: 'Promotions applied to receipts; their discounts sum to the receipt discount.',
  primaryKey: ['ReceiptId', 'PromoCode'],
  fields: [
    { name: 'ReceiptId', type: 'string', column: 'receipt_id_ext', references: 'fact_receipts.receipt_id_ext' },
    { name: 'EventTS', type: 'timestamp' },
    { name: 'PromoCode', type: 'string' },
    { name: 'Discount', type: 'money', column: 'discount_amount' },
    { name: 'DiscountType', type: 'string', values: discountTypes, description: 'PERCENT_OFF, AMOUNT_OFF or BOGO' },
  ],
});

export const factStoreInventoryTxn = defineTable({
  name: 'FactStoreInventoryTxn',
  kind: 'fact',
  description: 'Every store inventory movement with its signed quantity and resulting balance.',
  primaryKey: ['TxnSeq'],
  fields: [
    { name: 'TxnSeq', type: 'int64', description: 'Orders the movements of each (store, product)' },
    { name: 'EventTS', type: 'timestamp' },
    { name: 'StoreID', type: 'int32', references: 'dim_stores.id' },
    { name: 'ProductID', type: 'int32', references: 'dim_products.id' },
    { name: 'Quantity', type: 'int32' },
    { name: 'TxnType', type: 'string', values: inventoryTxnTypes, description: 'INITIAL, SALE, RETURN, DELIVERY, ADJUSTMENT, ONLINE_ORDER' },
    { name: 'Balance', type: 'int32' },
    { name: 'Source', type: 'string', nullable: true, description: 'Receipt, shipment or order id' },
  ],
});

export const factStockouts = defineTable({
  name: 'FactStockouts',
  kind: 'fact',
  description: 'Demand that found an empty shelf: lost sales.',
  primaryKey: ['EventTS', 'StoreID', 'ProductID'],
  fields: [
    { name: 'EventTS', type: 'timestamp' },
    { name: 'StoreID', type: 'int32', references: 'dim_stores.id' },
    { name: 'ProductID', type: 'int32', references: 'dim_products.id' },
    { name: 'LostQuantity', type: 'int32' },
  ],
});

export const factReorders = defineTable({
  name: 'FactReorders',
  kind: 'fact',
  description: 'Store reorders raised when on-hand plus in-transit falls to the reorder point.',
  primaryKey: ['EventTS', 'StoreID', 'ProductID'],
  fields: [
    { name: 'EventTS', type: 'timestamp' },
    { name: 'StoreID', type: 'int32', references: 'dim_stores.id' },
    { name: 'ProductID', type: 'int32', references: 'dim_products.id' },
    { name: 'CurrentQuantity', type: 'int32' },
    { name: 'ReorderPoint', type: 'int32' },
    { name: 'ReorderQuantity', type: 'int32' },
    { name: 'Priority', type: 'string', values: reorderPriorities, description: 'NORMAL, HIGH or URGENT' },
  ],
});

export const factStoreOps = defineTable({
  name: 'FactStoreOps',
  kind: 'fact',
  description: 'Store opening and closing events.',
  primaryKey: ['EventTS', 'StoreID', 'OperationType'],
  fields: [
    { name: 'EventTS', type: 'timestamp' },
    { name: 'StoreID', type: 'int32', references: 'dim_stores.id' },
    { name: 'OperationType', type: 'string', values: storeOperationTypes, description: 'OPEN or CLOSE' },
  ],
});

/** The store-day fact tables of "Facts I". */
export const storeFactTables = [factReceipts, factReceiptLines, factPayments, factPromotions, factStoreInventoryTxn, factStockouts, factReorders, factStoreOps] as const;
