export { RetailDatagenError, errorCodes, type RetailDatagenErrorCode, type RetailDatagenErrorOptions } from './errors/retail-datagen-error.js';
export { ConfigValidationError, describeValue, type ConfigIssue } from './errors/config-validation-error.js';
export { UnknownTableError } from './errors/unknown-table-error.js';
export { InvalidArgumentError } from './errors/invalid-argument-error.js';
export { toSnakeCase } from './naming/to-snake-case.js';
export {
  defineTable,
  maxFieldValues,
  type ColumnType,
  type FieldDefinition,
  type FieldInput,
  type TableDefinition,
  type TableInput,
  type TableKind,
} from './tables/table-definition.js';
export { dimGeographies, dimStores, dimDistributionCenters, dimTrucks, dimCustomers, dimProducts, dimensionTables } from './tables/dimensions.js';
export {
  factPayments,
  factPromotions,
  factReceiptLines,
  factReceipts,
  factReorders,
  factStockouts,
  factStoreInventoryTxn,
  declineReasons,
  discountTypes,
  factStoreOps,
  inventoryTxnTypes,
  paymentStatuses,
  receiptTypes,
  reorderPriorities,
  storeFactTables,
  storeOperationTypes,
  tenderTypes,
  tripTypes,
} from './tables/store-facts.js';
export { channels, devices, dimCampaigns, factMarketing, marketingTables } from './tables/marketing-tables.js';
export { factBlePings, factCustomerZoneChanges, factFootTraffic, sensorTables, sensorZones } from './tables/sensor-tables.js';
export { dcInventoryTxnTypes, factDcInventoryTxn, factTruckInventory, factTruckMoves, logisticsTables, truckActions, truckLocationTypes, truckStatuses } from './tables/logistics-tables.js';
export {
  cancelReasons,
  factOnlineOrderHeaders,
  factOnlineOrderLines,
  fulfillmentModes,
  fulfillmentNodeTypes,
  lineStatuses,
  onlineOrderTables,
  onlineTenders,
  orderStatuses,
} from './tables/online-order-tables.js';
export { builtInCatalog, builtInTables, createTableCatalog, type TableCatalog } from './tables/table-catalog.js';
export { configSchema, type RetailConfig, type RetailConfigInput } from './config/config-schema.js';
export { defaultConfig, mergeConfigInput, parseConfig, parseConfigText } from './config/parse-config.js';
export { describeConfigFields, type ConfigFieldDoc } from './config/config-docs.js';
export { configReferenceMarkdown } from './config/config-reference.js';
