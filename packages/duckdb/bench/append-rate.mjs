// Appends 1M rows per column type (and a 4-column int/timestamp/decimal/varchar
// table) into a DuckDB file through the store and prints rows per second.
// Run after `pnpm build` (it imports the built dist of this package and its
// dependencies): pnpm --filter @retail-datagen/duckdb bench
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createColumnBatch } from '@retail-datagen/generator-core';
import { defineTable } from '@retail-datagen/models';
import { openStore } from '../dist/index.js';

const rows = Number(process.argv[2] ?? 1_000_000);
const start = Date.UTC(2024, 0, 1);
const dictionary = Array.from({ length: 5_000 }, (_, index) => `SKU-${String(index).padStart(6, '0')}`);

const columnsByType = {
  int32: () => Int32Array.from({ length: rows }, (_, row) => row),
  int64: () => Float64Array.from({ length: rows }, (_, row) => row * 1_000_003),
  float64: () => Float64Array.from({ length: rows }, (_, row) => row / 7),
  money: () => Float64Array.from({ length: rows }, (_, row) => (row * 37) % 1_000_000),
  timestamp: () => Float64Array.from({ length: rows }, (_, row) => start + row * 1_000),
  date: () => Int32Array.from({ length: rows }, (_, row) => 19_723 + (row % 365)),
  boolean: () => Uint8Array.from({ length: rows }, (_, row) => row & 1),
  string: () => ({ kind: 'dictionary', dictionary, codes: Int32Array.from({ length: rows }, (_, row) => row % dictionary.length) }),
};

function tableOf(name, types) {
  return defineTable({
    name,
    kind: 'fact',
    description: 'append benchmark',
    primaryKey: ['C0'],
    fields: types.map((type, index) => ({ name: `C${index}`, type })),
  });
}

const cases = [
  ...Object.keys(columnsByType).map((type) => [type, [type]]),
  ['string (plain array)', ['string']],
  ['int32+timestamp+money+string', ['int32', 'timestamp', 'money', 'string']],
];

const directory = mkdtempSync(join(tmpdir(), 'retail-datagen-bench-'));
const store = await openStore(join(directory, 'bench.duckdb'));
try {
  for (const [label, types] of cases) {
    const table = tableOf(`Bench${label.replace(/[^a-z0-9]/gi, '')}`, types);
    const columns = Object.fromEntries(
      types.map((type, index) => {
        const column = columnsByType[type]();
        const plain = label.includes('plain') ? Array.from(column.codes, (code) => dictionary[code]) : column;
        return [`C${index}`, plain];
      }),
    );
    const batch = createColumnBatch(table, rows, columns);
    const began = process.hrtime.bigint();
    await store.replaceTables([batch]);
    const seconds = Number(process.hrtime.bigint() - began) / 1e9;
    const [{ n }] = await store.query(`SELECT count(*) AS n FROM "${table.name}"`);
    if (Number(n) !== rows) throw new Error(`${label}: ${n} rows stored, expected ${rows}`);
    console.log(`${label.padEnd(30)} ${(rows / seconds / 1e6).toFixed(2)}M rows/s  (${seconds.toFixed(2)} s for ${rows} rows)`);
  }
} finally {
  store.close();
  rmSync(directory, { recursive: true, force: true });
}
