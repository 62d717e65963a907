/** Formats rows per table as an aligned text table with a total line. */
export function formatRowCounts(counts: readonly { table: string; rows: number }[]): string {
  const total = counts.reduce((sum, count) => sum + count.rows, 0);
  const rows = [...counts.map((count) => [count.table, count.rows.toLocaleString('en-US')] as const), ['total', total.toLocaleString('en-US')] as const];
  const nameWidth = Math.max('table'.length, ...rows.map(([name]) => name.length));
  const countWidth = Math.max('rows'.length, ...rows.map(([, rowCount]) => rowCount.length));
  const line = (name: string, rowCount: string) => `${name.padEnd(nameWidth)}  ${rowCount.padStart(countWidth)}`;
  const rule = `${'-'.repeat(nameWidth)}  ${'-'.repeat(countWidth)}`;
  const body = rows.slice(0, -1).map(([name, rowCount]) => line(name, rowCount));
  const [totalName, totalCount] = rows[rows.length - 1] as readonly [string, string];
  return [line('table', 'rows'), rule, ...body, rule, line(totalName, totalCount)].join('\n') + '\n';
}
