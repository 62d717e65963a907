export { RunService, openRunService, type ExportRequest, type RunRequest, type RunServiceOptions } from './run-service.js';
export {
  jobStatuses,
  type CurrentDay,
  type ExportInfo,
  type ExportedFile,
  type JobStatus,
  type PreviewColumn,
  type RunCheckpoint,
  type RunInfo,
  type TableInfo,
  type TablePreview,
  type TableProgress,
} from './job-info.js';
export { JobEventStream, type JobEvent } from './job-events.js';
export { maxPreviewRows, listTables, previewTable, type PreviewOptions } from './table-preview.js';
export { formatPrometheusText, type MetricFamily } from './prometheus-text.js';
export { UnknownJobError } from './unknown-job-error.js';
export { ServiceBusyError } from './service-busy-error.js';
export { JobStateError } from './job-state-error.js';
