export { Random, createRandom, createWeightedSampler } from './random/random.js';
export { deriveState, type StreamKey } from './random/derive-seed.js';
export {
  columnLength,
  createColumnBatch,
  isColumnOfType,
  stringAt,
  utf8ColumnOf,
  type ColumnBatch,
  type ColumnData,
  type DictionaryColumn,
  type StringColumn,
  type Utf8Column,
} from './batch/column-batch.js';
export { ColumnBatchBuilder, type NumberColumnWriter, type StringColumnWriter } from './batch/column-batch-builder.js';
export { dayNumberOf, isoDateOf, millisecondsPerDay, timestampOf } from './calendar/day-number.js';
export type { GeneratorPlugin, MasterContext } from './plugin/generator-plugin.js';
export { createGeneratorRegistry, type GeneratorRegistry } from './registry/generator-registry.js';
export { UnknownGeneratorError } from './registry/unknown-generator-error.js';
export { runMasterPhase } from './plugin/run-master-phase.js';
export { dayOfWeek, isWeekend } from './calendar/day-of-week.js';
export { CompositionSlots, defineCompositionPoint, type CompositionPoint } from './engine/composition-point.js';
export { DemandMultiplier, type CategoryDemandContribution, type DemandContribution, type DemandInput } from './engine/demand-multiplier.js';
export {
  dcInventoryPoint,
  inventoryLedgerPoint,
  storeReplenishmentPoint,
  type BookedDelivery,
  type DcInventory,
  type DcInventoryTake,
  type InventoryLedger,
  type InventoryPosting,
  type InventoryTransactionType,
  type ReorderPriority,
  type ReorderRequests,
  type StoreReplenishment,
} from './engine/inventory-ledger.js';
export { partitionStores } from './engine/store-partitions.js';
export type { ChainContext, FactHooks, FactRun, SetupContext, StoreContext, StoreHourContext, UnitContext } from './engine/fact-hooks.js';
export { FactEngine, type DayResult, type EngineSnapshot, type UnitResult, type UnitStates } from './engine/fact-engine.js';
export { booleanColumn, float64Column, int32Column, isValid, requireDim, stringValues } from './batch/column-access.js';
export { dailyProductWeights, productDemandWeights, type ProductAssortment } from './engine/product-demand-weights.js';
export { checkGeneratorContract, type GeneratorContractOptions } from './contract/generator-contract.js';
export { batchProblems, rowsAsText } from './contract/batch-conformance.js';
export { batchRows, tableRows, type BatchRow } from './batch/batch-rows.js';
