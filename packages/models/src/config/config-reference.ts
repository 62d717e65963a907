import { describeConfigFields } from './config-docs.js';

/**
 * The configuration reference as a Markdown table (field, default, meaning),
 * generated from the schema. The README embeds it and a test keeps them equal.
 *
 * @example
 * ```ts
 * console.log(configReferenceMarkdown());
 * // | field | default | meaning |
 * // | --- | --- | --- |
 * // | `seed` | `42` | Fixes every random draw: ... |
 * ```
 */
export function configReferenceMarkdown(): string {
  const lines = ['| field | default | meaning |', '| --- | --- | --- |'];
  for (const field of describeConfigFields()) {
    lines.push(`| \`${field.path}\` | \`${JSON.stringify(field.defaultValue)}\` | ${field.description} |`);
  }
  return `${lines.join('\n')}\n`;
}
