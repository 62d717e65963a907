export { createReceiptsGenerator, receipts, receiptsTables, type ReceiptsGeneratorOptions } from './receipts-generator.js';
export { paymentIdOf, receiptIdOf, receiptIdPrefix } from './receipt-ids.js';
export { createPromotionCatalog, discountTypes, promotionDiscount, type DiscountType, type Promotion } from './promotion-catalog.js';
export {
  cashTender,
  declineReasons,
  declineReasonWeights,
  earliestReceiptSecond,
  maximumPaymentAttempts,
  quantityStepChance,
  sameTenderRetryChance,
  shopperSegments,
  storeFormatBasketScale,
  taxabilityFactor,
  tenderTypes,
  tripConfigKeys,
  tripTypes,
  type ShopperSegment,
  type TenderType,
  type TripType,
} from './receipt-shapes.js';
export { segmentOfCustomer } from './shopper-choice.js';
export { isOpenAroundTheClock, isOpenDuring, openHourCount } from './store-hours.js';
export { createStoreHourVisits, recordVisit, resetStoreHourVisits, storeHourVisitsPoint, type StoreHourVisits } from './store-hour-visits.js';
