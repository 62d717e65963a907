export type { Invariant, InvariantResult } from './invariant.js';
export { catalogInvariants } from './catalog-invariants.js';
export { storeInvariants, type StoreInvariantSettings } from './store-invariants.js';
export { checkDatabase, type CheckOptions } from './check-database.js';
export { invariantsFor } from './invariants-for.js';
export { checkDatabaseFile, type CheckDatabaseFileOptions } from './check-database-file.js';
export { sensorAndMarketingInvariants } from './chain-invariants.js';
export { logisticsInvariants } from './logistics-invariants.js';
export { onlineOrderInvariants } from './online-order-invariants.js';
