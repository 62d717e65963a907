/**
 * One metric family of the Prometheus text exposition format: its samples,
 * each with optional labels.
 *
 * @example
 * ```ts
 * const family: MetricFamily = { name: 'datagen_runs', help: 'Runs by status', type: 'gauge', samples: [{ labels: { status: 'running' }, value: 1 }] };
 * ```
 */
export interface MetricFamily {
  readonly name: string;
  readonly help: string;
  readonly type: 'counter' | 'gauge';
  readonly samples: readonly { readonly labels?: Readonly<Record<string, string>>; readonly value: number }[];
}

/**
 * Metric families as Prometheus text (version 0.0.4): `# HELP`, `# TYPE`,
 * then one `name{label="value"} number` line per sample.
 *
 * @example
 * ```ts
 * formatPrometheusText([{ name: 'datagen_up', help: 'Always 1', type: 'gauge', samples: [{ value: 1 }] }]);
 * // '# HELP datagen_up Always 1\n# TYPE datagen_up gauge\ndatagen_up 1\n'
 * ```
 */
export function formatPrometheusText(families: readonly MetricFamily[]): string {
  const lines: string[] = [];
  for (const family of families) {
    lines.push(`# HELP ${family.name} ${family.help.replaceAll('\\', '\\\\').replaceAll('\n', '\\n')}`);
    lines.push(`# TYPE ${family.name} ${family.type}`);
    for (const sample of family.samples) {
      const labels = Object.entries(sample.labels ?? {}).map(([key, value]) => `${key}="${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n')}"`);
      lines.push(`${family.name}${labels.length > 0 ? `{${labels.join(',')}}` : ''} ${formatNumber(sample.value)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(value);
}
