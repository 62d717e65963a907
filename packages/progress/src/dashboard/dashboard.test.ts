import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleJob, sampleStart } from '../test-support/sample-job.js';
import { createDashboardWriter } from './dashboard-writer.js';
import { escapeHtml } from './escape-html.js';
import { renderDashboardHtml } from './render-dashboard-html.js';

describe('renderDashboardHtml', () => {
  it('escapes every piece of text it shows', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const { job } = sampleJob('<img src=x onerror=alert(1)>');
    const html = renderDashboardHtml([job.snapshot()], { generatedAt: sampleStart, title: 'Runs <today>' });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<sales>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<title>Runs &lt;today&gt;</title>');
    expect(html).toContain('export of &lt;sales&gt; failed');
  });

  it('is one self-contained page: inline CSS, no scripts, nothing loaded from elsewhere', () => {
    const { job } = sampleJob();
    const html = renderDashboardHtml([job.snapshot()], { generatedAt: sampleStart });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|<img|\ssrc=|\shref=|url\(|@import|https?:\/\//i);
  });

  it('shows each job: progress bar, rate, ETA, completion time, stages, rows, checkpoint timeline, active and resolved alerts', () => {
    const running = sampleJob('first job');
    const done = sampleJob('second job');
    done.job.complete();
    const html = renderDashboardHtml([running.job.snapshot(), done.job.snapshot()], { generatedAt: sampleStart + 60_000, refreshSeconds: 5 });
    const [first, second] = html.split('<section').slice(1) as [string, string];
    expect(first).toContain('<h2>first job</h2><span class="status status-running">running</span>');
    expect(first).toContain('style="width:50.0%"');
    expect(first).toContain('<p class="percent">50.0%</p>');
    expect(first).toMatch(/<dt>Rate<\/dt><dd>[\d,]+ rows\/s, [\d,.]+ items\/s<\/dd>/);
    expect(first).toMatch(/<dt>ETA<\/dt><dd>\d+s<\/dd>/);
    expect(first).toMatch(/<dt>Estimated completion<\/dt><dd>2024-01-12 10:00:\d\d UTC<\/dd>/);
    expect(first).toContain('<td>sales</td><td class="number">50,015</td>');
    // Newest first.
    expect(first.indexOf('<strong>day 5</strong>')).toBeLessThan(first.indexOf('<strong>day 1</strong>'));
    expect(first).toContain('<li class="milestone"><strong>master data done</strong>');
    expect(first).toMatch(/<h3>Active alerts<\/h3><ul class="alerts"><li class="alert active critical">.*export of &lt;sales&gt; failed/);
    expect(first).toMatch(/<h3>Resolved alerts<\/h3><ul class="alerts"><li class="alert resolved warning">.*errors &lt;b&gt;above&lt;\/b&gt; 0/);
    expect(second).toContain('<span class="status status-completed">completed</span>');
    expect(second).toContain('style="width:100.0%"');
    expect(second).toContain('<dt>Finished</dt><dd>2024-01-12 10:00:09 UTC</dd>');
    expect(html).toContain('<meta http-equiv="refresh" content="5">');
    expect(html).toContain('Updated 2024-01-12 10:01:00 UTC');
  });

  it('asks the browser to reload only while a job runs, and limits the timeline', () => {
    const { job } = sampleJob();
    job.complete();
    const html = renderDashboardHtml([job.snapshot()], { generatedAt: sampleStart, refreshSeconds: 5, checkpointLimit: 2 });
    expect(html).not.toContain('http-equiv');
    expect(html.match(/<li class="checkpoint">/g)).toHaveLength(2);
    expect(html).toContain('and 4 earlier');
    expect(renderDashboardHtml([], { generatedAt: 0 })).toContain('No jobs.');
  });
});

describe('DashboardWriter', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'progress-dashboard-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('rewrites the file on its interval while the job runs, and once more at the end, leaving no temporary files', async () => {
    const { job, clock } = sampleJob('writer job');
    const file = join(folder, 'nested', 'progress.html');
    const dashboard = createDashboardWriter({ file, snapshots: () => [job.snapshot()], intervalMs: 2000, now: clock.now, timer: clock });
    dashboard.start();
    await dashboard.settled();
    expect(dashboard.writes).toBe(1);
    expect(await readFile(file, 'utf8')).toContain('<p class="percent">50.0%</p>');
    expect(await readFile(file, 'utf8')).toContain('<meta http-equiv="refresh" content="2">');

    job.advance(3);
    clock.advance(1999);
    await dashboard.settled();
    expect(dashboard.writes).toBe(1);
    clock.advance(1);
    await dashboard.settled();
    expect(dashboard.writes).toBe(2);
    expect(await readFile(file, 'utf8')).toContain('<p class="percent">74.0%</p>');

    job.complete();
    await dashboard.stop();
    expect(dashboard.writes).toBe(3);
    const final = await readFile(file, 'utf8');
    expect(final).toContain('status-completed');
    expect(final).not.toContain('http-equiv');
    expect(clock.pending).toBe(0);
    clock.advance(10_000);
    await dashboard.settled();
    expect(dashboard.writes).toBe(3);
    expect(await readdir(join(folder, 'nested'))).toEqual(['progress.html']);
  });

  it('keeps going when a rewrite fails, and reports it', async () => {
    const { job, clock } = sampleJob();
    const blocker = join(folder, 'not-a-folder');
    await writeFile(blocker, 'x');
    const errors: unknown[] = [];
    const dashboard = createDashboardWriter({ file: join(blocker, 'progress.html'), snapshots: () => [job.snapshot()], now: clock.now, timer: clock, onError: (error) => errors.push(error) });
    dashboard.start();
    await dashboard.settled();
    clock.advance(2000);
    await dashboard.settled();
    expect(errors).toHaveLength(2);
    expect(dashboard.writes).toBe(0);
    await expect(dashboard.stop()).rejects.toThrow();
  });
});
