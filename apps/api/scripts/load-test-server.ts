// The server of the load test, in a process of its own so that the clients' work is not counted as the
// server's: starts on the database given as the first argument, prints its URL, stops on SIGTERM.
import { startServer } from '@retail-datagen/api';

const database = process.argv[2];
if (database === undefined) throw new Error('usage: node load-test-server.js DATABASE');
const server = await startServer({ database, port: 0 });
process.stdout.write(`${server.url}\n`);
process.once('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
