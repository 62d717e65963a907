// The retail-datagen dashboard: plain JavaScript over the HTTP API, no build step.
// A run is followed with Server-Sent Events (GET /api/runs/:id/events); everything
// shown comes from the API's JSON and is written with textContent, never as HTML.

const $ = (id) => document.getElementById(id);
const numbers = new Intl.NumberFormat('en-US');
const decimals = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

const state = {
  /** The run shown. */
  run: undefined,
  /** Its event stream. */
  source: undefined,
  /** Row counts of the database by table. */
  counts: new Map(),
};

function formatRows(value) {
  return value === null || value === undefined ? '-' : numbers.format(value);
}

function formatRate(value) {
  return value === null || value === undefined ? '-' : `${numbers.format(Math.round(value))}/s`;
}

function formatDuration(ms) {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '-';
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${seconds % 60}s`;
  return `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

function formatTime(epochMs) {
  return new Date(epochMs).toLocaleTimeString();
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function setBar(bar, fill, percent, done) {
  const clamped = Math.max(0, Math.min(100, percent));
  fill.style.width = `${clamped}%`;
  bar.classList.toggle('done', done);
  bar.dataset.percent = String(clamped);
  bar.setAttribute('aria-valuenow', String(Math.round(clamped)));
}

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const contentType = response.headers.get('content-type') ?? '';
  const payload = contentType.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const message = payload && payload.error ? payload.error.message : `${response.status} ${response.statusText}`;
    throw new Error(message);
  }
  return payload;
}

function showFormError(message) {
  const node = $('form-error');
  node.hidden = message === undefined;
  node.textContent = message ?? '';
}

// ---- the run -------------------------------------------------------------------------------------

function renderRun(run) {
  state.run = run;
  $('run-id').textContent = run.id;
  const status = run.status === 'running' && run.cancelRequested ? 'cancelling' : run.status;
  const badge = $('run-status');
  badge.textContent = status;
  badge.className = `badge ${run.status}`;

  setBar($('overall-bar'), $('overall-fill'), run.percent, run.status === 'completed');
  $('overall-percent').textContent = `${decimals.format(run.percent)}%`;
  $('run-stage').textContent = run.stage ?? (run.status === 'running' ? 'starting' : run.status);
  $('run-day').textContent = run.current ? `${run.current.day}/${run.current.days} ${run.current.date}` : `${run.committedDays}/${run.days} committed`;
  $('run-rate').textContent = formatRate(run.rowsPerSecond);
  $('run-eta').textContent = run.status === 'completed' ? 'done' : formatDuration(run.etaMs);
  $('run-elapsed').textContent = formatDuration(run.elapsedMs);
  $('run-rows').textContent = formatRows(run.totalRows);
  $('run-step').textContent = run.step;
  const message = $('run-message');
  message.hidden = !run.message;
  message.textContent = run.message ?? '';
  message.className = run.status === 'failed' ? 'small error' : 'small';

  $('cancel').disabled = run.status !== 'running' || run.cancelRequested;
  $('resume').disabled = !run.resumable;
  $('start').disabled = run.status === 'running';

  renderTableProgress(run);
  renderCheckpoints(run.checkpoints);
  renderAlerts(run.alerts);
}

function renderTableProgress(run) {
  const container = $('table-progress');
  container.replaceChildren();
  for (const head of ['table', 'progress', 'rows', 'rows/s', 'ETA']) container.append(element('span', head, head === 'table' || head === 'progress' ? 'head' : 'head number'));
  for (const table of run.tables) {
    const bar = element('div', undefined, 'bar');
    bar.setAttribute('role', 'progressbar');
    bar.setAttribute('aria-label', table.name);
    bar.dataset.table = table.name;
    const fill = element('div', undefined, 'fill');
    bar.append(fill);
    setBar(bar, fill, table.percent, table.percent >= 100);
    container.append(
      element('span', table.name, 'name'),
      bar,
      element('span', formatRows(table.rows), 'number'),
      element('span', formatRate(table.rowsPerSecond), 'number'),
      element('span', table.etaMs === 0 ? 'done' : formatDuration(table.etaMs), 'number'),
    );
  }
}

function renderCheckpoints(checkpoints) {
  const list = $('checkpoints');
  list.replaceChildren();
  if (checkpoints.length === 0) {
    list.append(element('li', 'None yet', 'muted'));
    return;
  }
  for (const checkpoint of [...checkpoints].reverse()) {
    const rows = checkpoint.data && typeof checkpoint.data === 'object' && 'rows' in checkpoint.data ? ` · ${formatRows(checkpoint.data.rows)} rows` : '';
    const item = element('li', `${formatTime(checkpoint.time)} ${checkpoint.name} · ${decimals.format(checkpoint.percent)}%${rows}`, checkpoint.kind);
    list.append(item);
  }
}

function renderAlerts(alerts) {
  const list = $('alerts');
  list.replaceChildren();
  const all = [...alerts.active.map((alert) => ({ alert, active: true })), ...alerts.resolved.map((alert) => ({ alert, active: false }))];
  if (all.length === 0) {
    list.append(element('li', 'None', 'muted'));
    return;
  }
  for (const { alert, active } of all) {
    list.append(element('li', `${active ? '' : 'resolved: '}${alert.severity}: ${alert.message} (${formatTime(alert.firedAt)})`, active ? alert.severity : 'muted'));
  }
}

function follow(runId) {
  state.source?.close();
  const source = new EventSource(`/api/runs/${encodeURIComponent(runId)}/events`);
  state.source = source;
  source.addEventListener('progress', (event) => renderRun(JSON.parse(event.data)));
  source.addEventListener('end', (event) => {
    // The server closes the stream after the end; closing here keeps EventSource from reconnecting.
    source.close();
    if (state.source === source) state.source = undefined;
    renderRun(JSON.parse(event.data));
    void refreshDatabase();
    void refreshRuns();
  });
  source.addEventListener('error', () => {
    if (source.readyState === EventSource.CLOSED) void refreshRuns();
  });
}

// ---- the database ----------------------------------------------------------------------------------

async function refreshDatabase() {
  const { tables } = await api('GET', '/api/tables');
  state.counts = new Map(tables.map((table) => [table.name, table.rows]));
  const body = $('row-counts').tBodies[0];
  body.replaceChildren();
  for (const table of tables) {
    const row = element('tr');
    row.dataset.table = table.name;
    row.title = table.description;
    row.append(element('td', table.name), element('td', table.kind), element('td', formatRows(table.rows), 'number'));
    body.append(row);
  }
  if (tables.length === 0) {
    const row = element('tr');
    const cell = element('td', 'No tables yet: start a run', 'muted');
    cell.colSpan = 3;
    row.append(cell);
    body.append(row);
  }
  const select = $('preview-table');
  const chosen = select.value;
  select.replaceChildren(...tables.map((table) => new Option(table.name, table.name)));
  if (tables.some((table) => table.name === chosen)) select.value = chosen;
  else if (tables.some((table) => table.name === 'fact_receipts')) select.value = 'fact_receipts';
  await refreshPreview();
}

async function refreshPreview() {
  const name = $('preview-table').value;
  const table = $('preview');
  if (!name) {
    table.replaceChildren();
    return;
  }
  const page = await api('GET', `/api/tables/${encodeURIComponent(name)}?limit=20&order=desc`);
  const head = element('thead');
  const headRow = element('tr');
  for (const column of page.columns) headRow.append(element('th', column.name, column.type === 'string' || column.type === 'boolean' ? '' : 'number'));
  head.append(headRow);
  const body = element('tbody');
  for (const row of page.rows) {
    const tr = element('tr');
    for (const column of page.columns) {
      const value = row[column.name];
      tr.append(element('td', value === null ? 'NULL' : value, column.type === 'string' || column.type === 'boolean' ? '' : 'number'));
    }
    body.append(tr);
  }
  table.replaceChildren(head, body);
}

async function refreshRuns() {
  const { runs } = await api('GET', '/api/runs');
  const list = $('runs');
  list.replaceChildren();
  if (runs.length === 0) list.append(element('li', 'None yet', 'muted'));
  for (const run of runs) {
    const item = element('li');
    item.append(element('span', run.id), element('span', run.status, `badge ${run.status}`), element('span', `${run.start} to ${run.end}, seed ${run.seed}`, 'muted'), element('span', `${formatRows(run.totalRows)} rows`, 'muted'));
    item.addEventListener('click', () => (run.status === 'running' ? follow(run.id) : renderRun(run)));
    list.append(item);
  }
  return runs;
}

// ---- actions -------------------------------------------------------------------------------------

$('run-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  showFormError(undefined);
  const request = { days: Number($('days').value) };
  if ($('seed').value !== '') request.seed = Number($('seed').value);
  if ($('workers').value !== '') request.workers = Number($('workers').value);
  if ($('batch-rows').value !== '') request.batchRows = Number($('batch-rows').value);
  $('start').disabled = true;
  try {
    const { run } = await api('POST', '/api/runs', request);
    renderRun(run);
    follow(run.id);
    void refreshRuns();
  } catch (error) {
    showFormError(error.message);
    $('start').disabled = false;
  }
});

$('cancel').addEventListener('click', async () => {
  if (!state.run) return;
  $('cancel').disabled = true;
  try {
    renderRun(await api('DELETE', `/api/runs/${encodeURIComponent(state.run.id)}`));
  } catch (error) {
    showFormError(error.message);
  }
});

$('resume').addEventListener('click', async () => {
  if (!state.run) return;
  $('resume').disabled = true;
  try {
    const { run } = await api('POST', `/api/runs/${encodeURIComponent(state.run.id)}/resume`);
    renderRun(run);
    follow(run.id);
  } catch (error) {
    showFormError(error.message);
  }
});

$('preview-table').addEventListener('change', () => void refreshPreview());
$('preview-refresh').addEventListener('click', () => void refreshPreview());

// ---- start -----------------------------------------------------------------------------------------

async function start() {
  try {
    const health = await api('GET', '/health');
    $('database').textContent = health.database;
    $('server-status').textContent = 'up';
    $('server-status').className = 'badge ok';
  } catch {
    $('server-status').textContent = 'down';
    $('server-status').className = 'badge down';
    return;
  }
  const { config } = await api('GET', '/api/config/defaults');
  $('seed').placeholder = String(config.seed);
  $('config-start').textContent = config.start;
  const runs = await refreshRuns();
  const latest = runs[0];
  if (latest) {
    renderRun(latest);
    if (latest.status === 'running') follow(latest.id);
  }
  await refreshDatabase();
}

void start();
