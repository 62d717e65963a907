export { createOnlineOrdersGenerator, onlineOrders, onlineOrdersTables, type OnlineOrdersGeneratorOptions } from './online-orders-generator.js';
export { dcOrderId, orderPaymentId, storeOrderId } from './order-ids.js';
export { creationDaysPickedOn, isStoreOpenDuring, pickTimeOf, pickWave, pickupWindow, type TimeWindow } from './order-timeline.js';
export {
  cancelReasons,
  dcPickWaveStartHour,
  carrierPickupHours,
  deliveryDays,
  fulfillmentModes,
  lineStatuses,
  maximumPaymentAttempts,
  onlineCoupon,
  onlineHourOfDayWeights,
  onlineTenders,
  orderStatuses,
  pickWaveHours,
  pickupAfterOpeningMinutes,
  pickupDayWeights,
  storeFulfillmentModes,
  type FulfillmentMode,
} from './order-shapes.js';
