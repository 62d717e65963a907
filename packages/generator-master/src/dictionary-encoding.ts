import type { DictionaryColumn } from '@retail-datagen/generator-core';

/**
 * Dictionary-encodes string values (first occurrence order), so a column of a
 * few distinct values travels as codes plus a short dictionary.
 *
 * @example
 * ```ts
 * encodeDictionary(['TX', 'CA', 'TX']); // { kind: 'dictionary', dictionary: ['TX', 'CA'], codes: Int32Array [0, 1, 0] }
 * ```
 */
export function encodeDictionary(values: readonly string[]): DictionaryColumn {
  const dictionary: string[] = [];
  const codeOf = new Map<string, number>();
  const codes = new Int32Array(values.length);
  for (let row = 0; row < values.length; row++) {
    const value = values[row] as string;
    let code = codeOf.get(value);
    if (code === undefined) {
      code = dictionary.length;
      dictionary.push(value);
      codeOf.set(value, code);
    }
    codes[row] = code;
  }
  return { kind: 'dictionary', dictionary, codes };
}
