export { loadConfig } from './load-config.js';
export { generateMaster, type GenerateMasterOptions, type TableRowCount } from './generate-master.js';
