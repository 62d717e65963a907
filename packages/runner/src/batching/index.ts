export { rebatch } from './rebatch.js';
export { BatchSizer, defaultMemoryBudgetBytes, type BatchSizerOptions, type BatchWriteSample } from './batch-sizer.js';
export { batchRowsEnvironmentVariable, maxBatchRowsOverride, parseBatchRows, resolveBatchRows, type BatchRowsChoice } from './batch-rows-option.js';
export { createBatchSizer } from './create-batch-sizer.js';
