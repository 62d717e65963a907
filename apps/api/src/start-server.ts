import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { GeneratorPlugin } from '@retail-datagen/generator-core';
import { RetailDatagenError, type RetailConfigInput } from '@retail-datagen/models';
import { openRunService, type RunService } from '@retail-datagen/service';
import { createApiApp } from './create-api-app.js';
import { generators as builtInGenerators, generatorsModule as builtInGeneratorsModule } from './generators.js';

/**
 * Options of {@link startServer}.
 *
 * @example
 * ```ts
 * const options: ServerOptions = { database: 'data/retail.duckdb', port: 8080, host: '127.0.0.1', config: { volumes: { stores: 8 } } };
 * ```
 */
export interface ServerOptions {
  /** The DuckDB file the server owns (created when missing); no other process may hold it. */
  readonly database: string;
  /** TCP port; 0 picks a free one (see the `url` returned). Default 8080. */
  readonly port?: number;
  /** Interface to listen on. Default `127.0.0.1` (this machine only). */
  readonly host?: string;
  /** Configuration every run starts from (a run's overrides go on top). Default: the built-in defaults. */
  readonly config?: RetailConfigInput;
  /** The generator packages. Default: the built-in ones ({@link generators}). */
  readonly generators?: Readonly<Record<string, GeneratorPlugin>>;
  /** Module exporting `generators` for worker threads. Default: this package's, when `generators` is not given. */
  readonly generatorsModule?: string | URL;
  /** Folder of the exports. Default: `<name>-exports` beside the database. */
  readonly exportsDirectory?: string;
  /** Progress events at most this often, ms. Default 250. */
  readonly eventIntervalMs?: number;
}

/**
 * A listening server.
 *
 * @example
 * ```ts
 * const server = await startServer({ database: 'data/retail.duckdb', port: 0 });
 * console.log(server.url); // http://127.0.0.1:41234
 * await server.close();
 * ```
 */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:8080`. */
  readonly url: string;
  /** The service behind the API (for tests and embedding). */
  readonly service: RunService;
  /**
   * Stops: no new connection is taken, a running run is cancelled at the next
   * day boundary (its end event still goes out), event streams are ended,
   * and the database is closed. Calling it again waits for the same end.
   */
  close(): Promise<void>;
}

/**
 * Opens the database and serves the HTTP API and the dashboard (at `/`).
 *
 * @throws StorageError when the database cannot be opened (another process
 * holds it); RetailDatagenError `USER_INVALID_ARGUMENT` when the port is taken
 * or the host cannot be listened on; ConfigValidationError for a bad `config`.
 *
 * @example
 * ```ts
 * const server = await startServer({ database: 'data/retail.duckdb', port: 8080 });
 * process.once('SIGINT', () => void server.close());
 * ```
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const port = options.port ?? 8080;
  const host = options.host ?? '127.0.0.1';
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new RetailDatagenError({ code: 'USER_INVALID_ARGUMENT', message: `--port: got ${String(port)}; expected a whole number from 0 to 65535` });
  }
  const ownGenerators = options.generators === undefined;
  const service = await openRunService({
    database: options.database,
    generators: options.generators ?? builtInGenerators,
    ...(options.generatorsModule !== undefined ? { generatorsModule: options.generatorsModule } : ownGenerators ? { generatorsModule: builtInGeneratorsModule } : {}),
    ...(options.config === undefined ? {} : { baseConfig: options.config }),
    ...(options.exportsDirectory === undefined ? {} : { exportsDirectory: options.exportsDirectory }),
    ...(options.eventIntervalMs === undefined ? {} : { eventIntervalMs: options.eventIntervalMs }),
  });
  const streams = new Set<() => void>();
  const app = createApiApp({
    service,
    trackStream: (close) => {
      streams.add(close);
      return () => streams.delete(close);
    },
  });
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  try {
    await listen(server, port, host);
  } catch (error) {
    await service.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    service,
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        await service.close();
        for (const end of [...streams]) end();
        server.closeIdleConnections();
        // A client that keeps a connection busy past this does not hold the server up.
        const force = setTimeout(() => server.closeAllConnections(), 2_000);
        force.unref();
        await closed;
        clearTimeout(force);
      })();
      return closing;
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      const reason = error.code === 'EADDRINUSE' ? `port ${port} is in use on ${host}` : error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND' ? `cannot listen on ${host}` : error.message;
      reject(new RetailDatagenError({ code: 'USER_INVALID_ARGUMENT', message: `cannot start the server: ${reason}`, cause: error }));
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}
