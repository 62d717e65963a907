export { loadConfig } from './load-config.js';
export { generateMaster, type GenerateMasterOptions, type TableRowCount } from './generate-master.js';
export { generateFacts, resolveFactTables, type FactDayProgress, type GenerateFactsOptions, type GenerateFactsResult } from './generate-facts.js';
export { runStageDefinitions, runStages } from './run-stages.js';
export { defaultWorkerCount } from './workers/unit-executor.js';
export { loadGenerators } from './workers/load-generators.js';
export { exportDatabase, type ExportDatabaseOptions, type ExportDatabaseResult, type ExportTableProgress } from './export-database.js';
