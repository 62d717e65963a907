import type { Alert } from '../alerts/alert.js';
import type { ProgressSnapshot } from '../progress-snapshot.js';
import { formatCount, formatDuration, formatPercent, formatTime } from '../reports/format-values.js';
import { escapeHtml } from './escape-html.js';

/**
 * Options of {@link renderDashboardHtml}.
 *
 * @example
 * ```ts
 * const options: DashboardOptions = { title: 'Nightly generation', generatedAt: Date.now(), refreshSeconds: 5 };
 * ```
 */
export interface DashboardOptions {
  /** Default `Progress`. */
  title?: string;
  /** When the page was made (epoch ms), shown in the footer. */
  generatedAt: number;
  /** Makes the browser reload the page this often while a job runs. Off by default. */
  refreshSeconds?: number;
  /** Checkpoints shown per job, newest first. Default 50. */
  checkpointLimit?: number;
}

const style = `
*{box-sizing:border-box}body{margin:0;padding:24px;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f5f6f8;color:#1d2330}
h1{margin:0 0 16px;font-size:22px}h2{margin:0;font-size:18px}h3{margin:18px 0 6px;font-size:14px;text-transform:uppercase;letter-spacing:.04em;color:#5a6275}
.job{background:#fff;border:1px solid #dde1e8;border-radius:8px;padding:16px 20px;margin:0 0 20px}
.job header{display:flex;gap:12px;align-items:center;justify-content:space-between}
.status{padding:2px 10px;border-radius:999px;font-size:12px;font-weight:600;text-transform:uppercase}
.status-running{background:#e3efff;color:#1a56c4}.status-completed{background:#e1f5e7;color:#1d7a3e}.status-failed{background:#fde4e4;color:#b42318}.status-cancelled{background:#fff1d6;color:#9a5b00}
.bar{height:14px;background:#e7eaf0;border-radius:7px;overflow:hidden;margin:12px 0 4px}.bar.small{height:8px;margin:2px 0}
.fill{height:100%;background:#3b82f6}.status-completed .fill{background:#22a35a}.status-failed .fill{background:#d92d20}.status-cancelled .fill{background:#f0a000}
.percent{font-size:28px;font-weight:700;margin:0}
dl.facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:8px 20px;margin:12px 0}
dl.facts div{min-width:0}dt{color:#5a6275;font-size:12px}dd{margin:0;font-weight:600;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eef0f4;vertical-align:top}td.number{text-align:right;font-variant-numeric:tabular-nums}
ol.timeline{list-style:none;margin:0;padding:0 0 0 14px;border-left:2px solid #dde1e8}ol.timeline li{margin:0 0 6px;position:relative}
ol.timeline li::before{content:"";position:absolute;left:-20px;top:6px;width:10px;height:10px;border-radius:50%;background:#3b82f6}
ol.timeline li.milestone::before{background:#8b5cf6}.muted{color:#5a6275}
.alert{padding:6px 10px;border-radius:6px;margin:4px 0}.alert.active.critical{background:#fde4e4}.alert.active.warning{background:#fff1d6}.alert.active.info{background:#e3efff}.alert.resolved{background:#f0f2f5;color:#5a6275}
footer{color:#5a6275;font-size:12px}
`;

const text = (value: string): string => escapeHtml(value);

function fact(name: string, value: string): string {
  return `<div><dt>${text(name)}</dt><dd>${text(value)}</dd></div>`;
}

function bar(percent: number, small = false): string {
  const width = Math.min(100, Math.max(0, Number.isFinite(percent) ? percent : 0)).toFixed(1);
  return `<div class="bar${small ? ' small' : ''}" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${width}"><div class="fill" style="width:${width}%"></div></div>`;
}

function alertItem(alert: Alert, state: 'active' | 'resolved'): string {
  const when = state === 'active' ? `since ${formatTime(alert.firedAt)}` : `${formatTime(alert.firedAt)} to ${formatTime(alert.resolvedAt)}`;
  const repeats = alert.occurrences > 1 ? ` (x${alert.occurrences})` : '';
  const context = alert.context === undefined ? '' : ` <span class="muted">${text(JSON.stringify(alert.context))}</span>`;
  return `<li class="alert ${state} ${text(alert.severity)}"><strong>${text(alert.severity)}</strong> ${text(alert.message)}${text(repeats)} <span class="muted">${text(when)}</span>${context}</li>`;
}

function renderJob(snapshot: ProgressSnapshot, checkpointLimit: number): string {
  const status = text(snapshot.status);
  const completion = snapshot.status === 'running' ? formatTime(snapshot.estimatedCompletionAt) : formatTime(snapshot.finishedAt);
  const facts = [
    fact('Stage', snapshot.stage ?? '--'),
    fact('Step', snapshot.step === '' ? '--' : snapshot.step),
    fact('Rate', `${formatCount(snapshot.rowsPerSecond)} rows/s, ${formatCount(snapshot.itemsPerSecond)} items/s`),
    fact('ETA', snapshot.status === 'running' ? formatDuration(snapshot.etaMs) : '--'),
    fact(snapshot.status === 'running' ? 'Estimated completion' : 'Finished', completion),
    fact('Elapsed', formatDuration(snapshot.elapsedMs)),
    fact('Started', formatTime(snapshot.startedAt)),
    fact('Rows', formatCount(snapshot.counts.totalRows)),
    fact('Items', formatCount(snapshot.counts.items)),
  ];
  if (snapshot.message !== undefined) facts.push(fact('Message', snapshot.message));
  for (const [name, value] of Object.entries(snapshot.metrics)) facts.push(fact(name, String(value)));

  const stages = snapshot.stages
    .map((stage) => `<tr><td>${text(stage.name)}</td><td class="number">${text(String(stage.weight))}</td><td>${bar(stage.fraction * 100, true)}</td><td class="number">${text(formatPercent(stage.fraction * 100))}</td><td>${text(stage.state)}</td></tr>`)
    .join('');
  const rows = Object.entries(snapshot.counts.rows)
    .map(([table, count]) => `<tr><td>${text(table)}</td><td class="number">${text(formatCount(count))}</td></tr>`)
    .join('');
  const shown = snapshot.checkpoints.slice(-checkpointLimit).reverse();
  const hidden = snapshot.checkpoints.length - shown.length;
  const timeline = shown
    .map(
      (entry) =>
        `<li class="${entry.kind}"><strong>${text(entry.name)}</strong> <span class="muted">${text(entry.kind)} at ${text(formatPercent(entry.percent))}, ${text(formatTime(entry.time))}, after ${text(formatDuration(entry.elapsedMs))}, ${text(formatCount(entry.counts.totalRows))} rows</span></li>`,
    )
    .join('');
  const active = snapshot.alerts.active.map((alert) => alertItem(alert, 'active')).join('');
  const resolved = snapshot.alerts.resolved.map((alert) => alertItem(alert, 'resolved')).join('');
  const failures = snapshot.alerts.sinkFailures > 0 ? `<p class="muted">${text(String(snapshot.alerts.sinkFailures))} alert deliveries failed</p>` : '';

  return `<section class="job status-${status}">
<header><h2>${text(snapshot.job)}</h2><span class="status status-${status}">${status}</span></header>
${bar(snapshot.percent)}<p class="percent">${text(formatPercent(snapshot.percent))}</p>
<dl class="facts">${facts.join('')}</dl>
<h3>Stages</h3><table><thead><tr><th>Stage</th><th>Weight</th><th>Progress</th><th></th><th>State</th></tr></thead><tbody>${stages}</tbody></table>
<h3>Rows</h3>${rows === '' ? '<p class="muted">none yet</p>' : `<table><tbody>${rows}</tbody></table>`}
<h3>Checkpoints</h3>${timeline === '' ? '<p class="muted">none yet</p>' : `<ol class="timeline">${timeline}</ol>`}${hidden > 0 ? `<p class="muted">and ${text(String(hidden))} earlier</p>` : ''}
<h3>Active alerts</h3>${active === '' ? '<p class="muted">none</p>' : `<ul class="alerts">${active}</ul>`}
<h3>Resolved alerts</h3>${resolved === '' ? '<p class="muted">none</p>' : `<ul class="alerts">${resolved}</ul>`}${failures}
</section>`;
}

/**
 * A self-contained HTML page (inline CSS, no scripts, no external assets)
 * for one or several jobs: progress bars, rate, ETA, completion time, stages,
 * rows per table, a checkpoint timeline, active and resolved alerts. All text
 * is escaped.
 *
 * @example
 * ```ts
 * await writeFile('progress.html', renderDashboardHtml([job.snapshot()], { generatedAt: Date.now(), title: 'Nightly' }));
 * ```
 */
export function renderDashboardHtml(snapshots: readonly ProgressSnapshot[], options: DashboardOptions): string {
  const title = options.title ?? 'Progress';
  const running = snapshots.some((snapshot) => snapshot.status === 'running');
  const refresh = running && options.refreshSeconds !== undefined ? `<meta http-equiv="refresh" content="${Math.max(1, Math.round(options.refreshSeconds))}">\n` : '';
  const jobs = snapshots.length === 0 ? '<p class="muted">No jobs.</p>' : snapshots.map((snapshot) => renderJob(snapshot, options.checkpointLimit ?? 50)).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${refresh}<title>${text(title)}</title>
<style>${style}</style>
</head>
<body>
<h1>${text(title)}</h1>
${jobs}
<footer>Updated ${text(formatTime(options.generatedAt))}</footer>
</body>
</html>
`;
}
