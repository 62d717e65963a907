export { ProgressError, progressErrorCodes, type ProgressErrorCode, type ProgressErrorOptions } from './progress-error.js';
export { systemClock, systemTimer, type Clock, type Timer, type TimerHandle } from './clock.js';
export { createManualClock, type ManualClock } from './manual-clock.js';
export type { JsonValue } from './json-value.js';

export {
  HourlyProgressTracker,
  type DayHour,
  type HourlyProgressSnapshot,
  type HourlyProgressState,
  type HourlyProgressTrackerOptions,
  type TableHourProgress,
} from './hourly-progress-tracker.js';
export { createProgressPort, isProgressMessage, progressMessageType, type ProgressMessage, type ProgressMessageTarget, type ProgressPort } from './progress-port.js';
export { listenForProgress, type ListenForProgressOptions, type ProgressListener, type ProgressMessageSource } from './listen-for-progress.js';

export { StagedProgress, type ProgressCounts, type StageDefinition, type StageProgress, type StagedProgressState } from './staged-progress.js';
export { RateEstimator, type RateEstimatorOptions } from './rate-estimator.js';
export { ThrottledEmitter, type SubscribeOptions, type ThrottledEmitterOptions, type ThrottledUpdate } from './throttled-emitter.js';
export { CheckpointLog, type Checkpoint } from './checkpoint-log.js';
export { ProgressJob, builtInMetrics, createProgressJob, type ProgressJobOptions } from './progress-job.js';
export type { ProgressJobState, ProgressJobStatus, ProgressSnapshot } from './progress-snapshot.js';

export { formatCount, formatDuration, formatPercent, formatTime } from './reports/format-values.js';
export { formatProgressLine, type ProgressLineOptions } from './reports/progress-line.js';
export { formatProgressDetails } from './reports/progress-details.js';
export { formatProgressEvent, formatProgressJson, toProgressEvent, type ProgressEvent } from './reports/progress-json.js';
export { csvField, formatCheckpointsCsv, formatProgressCsv } from './reports/progress-csv.js';

export type { Alert, AlertEvent, AlertSeverity, AlertSink, SinkFailure, ThresholdRule } from './alerts/alert.js';
export { AlertMonitor, type AlertMonitorOptions, type ErrorAlertOptions } from './alerts/alert-monitor.js';
export { createLogAlertSink, formatAlertEvent, type LogAlertSinkOptions } from './alerts/log-alert-sink.js';
export { createWebhookAlertSink, type WebhookAlertSinkOptions } from './alerts/webhook-alert-sink.js';

export { escapeHtml } from './dashboard/escape-html.js';
export { renderDashboardHtml, type DashboardOptions } from './dashboard/render-dashboard-html.js';
export { DashboardWriter, createDashboardWriter, type DashboardWriterOptions } from './dashboard/dashboard-writer.js';
