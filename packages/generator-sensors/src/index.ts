export { createSensorsGenerator, sensors, sensorsTables, type SensorsGeneratorOptions } from './sensors-generator.js';
export { conversionRateOf, minimumConversionRate } from './conversion-rate.js';
export { anonymousBleId, anonymousBleKeys } from './anonymous-ble-id.js';
export { maximumPingsPerVisit, visitTiming } from './visit-pings.js';
export {
  beaconIdOf,
  checkoutZone,
  entranceZone,
  sensorIdOf,
  sensorZones,
  zoneDwellSeconds,
  zoneLayoutOf,
  zoneLayouts,
  zoneVisitShare,
  type SensorZone,
} from './store-zones.js';
