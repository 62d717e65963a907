/**
 * Every `txn_type` a row of fact_store_inventory_txn may carry, declared with
 * the table in the models (a closed set: DuckDB stores it as an ENUM).
 */
export { inventoryTxnTypes } from '@retail-datagen/models';
