export { Random, createRandom, createWeightedSampler } from './random/random.js';
export { deriveState, type StreamKey } from './random/derive-seed.js';
export {
  columnLength,
  createColumnBatch,
  isColumnOfType,
  stringAt,
  type ColumnBatch,
  type ColumnData,
  type DictionaryColumn,
  type StringColumn,
} from './batch/column-batch.js';
export { ColumnBatchBuilder } from './batch/column-batch-builder.js';
export { dayNumberOf, isoDateOf, millisecondsPerDay, timestampOf } from './calendar/day-number.js';
export type { GeneratorPlugin, MasterContext } from './plugin/generator-plugin.js';
export { createGeneratorRegistry, type GeneratorRegistry } from './registry/generator-registry.js';
export { UnknownGeneratorError } from './registry/unknown-generator-error.js';
export { runMasterPhase } from './plugin/run-master-phase.js';
