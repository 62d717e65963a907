export { startServer, type RunningServer, type ServerOptions } from './start-server.js';
export { createApiApp, type ApiAppOptions } from './create-api-app.js';
export { errorResponse, validationErrorBody, type ErrorBody, type ErrorStatus } from './http-errors.js';
export { generators, generatorsModule } from './generators.js';
export { version } from './version.js';
