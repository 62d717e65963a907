export { createMasterGenerator, master, type MasterGeneratorOptions } from './master-generator.js';
export {
  readMasterData,
  type CodedStrings,
  type CustomerView,
  type DistributionCenterView,
  type GeographyView,
  type MasterData,
  type ProductView,
  type StoreView,
  type TruckView,
} from './read-master-data.js';
export { isOpenAroundTheClock, storeFormats, volumeClasses, type StoreFormat, type VolumeClass } from './store-profiles.js';
export { taxabilities, type Taxability } from './word-lists/product-catalog.js';
export { geographicDistance } from './geometry/geographic-distance.js';
