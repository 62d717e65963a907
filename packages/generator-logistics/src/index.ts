export { createLogisticsGenerator, logistics, maximumLogisticsRunDays } from './logistics-generator.js';
export { createLogisticsPlan, expectedUnitsPerCustomer, minimumTravelMinutes, type LogisticsPlan } from './logistics-plan.js';
export {
  createLogisticsChainState,
  createStoreArrivals,
  type DcBacklog,
  type LogisticsChainState,
  type ShipmentInFlight,
  type StoreArrivals,
  type SupplierOrders,
} from './logistics-state.js';
export { DcInventoryLedger, dcInventoryTxnTypes, type DcInventoryTransactionType } from './dc-inventory-ledger.js';
export { dayDcTransactionSequence, initialDcTransactionSequence, transactionsPerDcDay } from './dc-transaction-sequence.js';
export { firstSupplierHour, lastSupplierHour } from './supplier-orders.js';
export {
  minimumHandlingMinutes,
  minutesBeforeSlot,
  minutesToLoading,
  receivingSlot,
  shipmentTimeline,
  truckStatuses,
  type ShipmentTimeline,
  type TruckStatus,
} from './truck-lifecycle.js';
export { storeShipmentId, supplierShipmentId } from './shipment-ids.js';
export { earthRadiusKilometers, greatCircleDistance } from './great-circle-distance.js';
