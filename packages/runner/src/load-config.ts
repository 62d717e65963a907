import { readFile } from 'node:fs/promises';
import {
  ConfigValidationError,
  mergeConfigInput,
  parseConfig,
  type RetailConfig,
  type RetailConfigInput,
} from '@retail-datagen/models';

/**
 * Reads a configuration file (JSON) if one is given, applies overrides (such
 * as CLI flags) on top, and validates the result with every default filled in.
 * A missing or unreadable file is reported like any other configuration mistake.
 *
 * @example
 * ```ts
 * const config = await loadConfig({ file: 'retail.json', overrides: { seed: 7 } });
 * ```
 */
export async function loadConfig(options: { file?: string | undefined; overrides?: RetailConfigInput } = {}): Promise<RetailConfig> {
  let input: RetailConfigInput = {};
  if (options.file !== undefined) {
    let text: string;
    try {
      text = await readFile(options.file, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
      throw new ConfigValidationError([{ path: '', message: `cannot read config file (${reason})` }], { source: options.file, cause: error });
    }
    try {
      input = JSON.parse(text) as RetailConfigInput;
    } catch (error) {
      throw new ConfigValidationError([{ path: '', message: `is not valid JSON (${(error as Error).message})` }], { source: options.file, cause: error });
    }
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      return parseConfig(input, options.file);
    }
  }
  return parseConfig(mergeConfigInput(input, options.overrides ?? {}), options.file);
}
