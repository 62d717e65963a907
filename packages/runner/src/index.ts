export { loadConfig } from './load-config.js';
export { generateMaster, type GenerateMasterOptions, type TableRowCount } from './generate-master.js';
export { generateFacts, resolveFactTables, type FactDayProgress, type GenerateFactsOptions } from './generate-facts.js';
