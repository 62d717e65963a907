/**
 * The generator packages the CLI runs: the built-in ones
 * (`@retail-datagen/builtin-generators`, which the HTTP API runs too). Worker
 * threads load this module (`@retail-datagen/cli/generators`).
 */
export { generators } from '@retail-datagen/builtin-generators';
