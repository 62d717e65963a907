/**
 * The generator packages the server runs when it is given none (`datagen
 * serve` passes the CLI's own list): the built-in ones, from
 * `@retail-datagen/builtin-generators`, and the module worker threads load
 * them from. Also exported as `@retail-datagen/api/generators`.
 *
 * @example
 * ```ts
 * await startServer({ database: 'data/retail.duckdb', generators: { ...generators, loyalty } });
 * await openRunService({ database, generators, generatorsModule });
 * ```
 */
export { generators, generatorsModule } from '@retail-datagen/builtin-generators';
