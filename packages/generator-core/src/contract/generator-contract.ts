import { parseConfig, type RetailConfig, type RetailConfigInput } from '@retail-datagen/models';
import type { ColumnBatch } from '../batch/column-batch.js';
import { dayNumberOf } from '../calendar/day-number.js';
import { FactEngine, type UnitResult } from '../engine/fact-engine.js';
import type { FactRun } from '../engine/fact-hooks.js';
import type { GeneratorPlugin } from '../plugin/generator-plugin.js';
import { runMasterPhase } from '../plugin/run-master-phase.js';
import { createGeneratorRegistry } from '../registry/generator-registry.js';
import { batchProblems, rowsAsText } from './batch-conformance.js';

/** A contract run: the package under test among the packages it needs. */
export interface GeneratorContractOptions {
  /** Id of the package under test. */
  readonly subject: string;
  /** The package under test and everything it requires (e.g. `{ master, seasonal, inventory, receipts }`). */
  readonly generators: Readonly<Record<string, GeneratorPlugin>>;
  /** A small configuration; `start`..`end` should be a few days. Default: 12 stores, 3 days from 2024-11-28. */
  readonly config?: RetailConfigInput;
  /** Two partition counts that must give the same rows. Default [1, 5]. */
  readonly partitions?: readonly [number, number];
  /** Every declared table must get rows in the contract run. Default true. */
  readonly requireRows?: boolean;
}

const defaultContractConfig: RetailConfigInput = {
  seed: 20_241_128,
  start: '2024-11-28',
  end: '2024-11-30',
  volumes: { geographies: 12, stores: 12, distributionCenters: 2, customers: 2_000, products: 200 },
  traffic: { baseDailyCustomers: 120 },
};

const idPattern = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * The contract every generator package keeps, checked by running it for
 * real (master phase, then a few fact days through the engine) among the
 * packages it requires. Returns what is broken; an empty list means the
 * package keeps the contract:
 *
 * - shape: specification `v1`, a kebab-case id, a description, declared
 *   tables of the right kinds (dimension tables come from `generateMaster`,
 *   fact tables from `facts`), requirements the registry can resolve;
 * - output: only its own tables, each batch conforming to its definition
 *   (types, lengths, NULLs, unique primary keys), rows in every table;
 * - determinism: the same seed gives the same rows in the same order, in its
 *   tables and in every other package's (a package that only contributes,
 *   such as a demand curve, shows there); the partition count changes
 *   nothing but the order; running the units on another engine with the
 *   states handed over by structured clone (as worker threads do) changes
 *   nothing; stopping after a day and resuming on a new engine from a
 *   structured clone of {@link FactEngine.snapshot} (as a resumed run does)
 *   changes nothing; another seed changes its rows.
 *
 * Framework-agnostic: assert the result is empty in any test runner.
 *
 * @example
 * ```ts
 * test('loyalty keeps the generator contract', async () => {
 *   expect(await checkGeneratorContract({ subject: 'loyalty', generators: { master, seasonal, inventory, receipts, loyalty } })).toEqual([]);
 * });
 * ```
 */
export async function checkGeneratorContract(options: GeneratorContractOptions): Promise<string[]> {
  const problems: string[] = [];
  const subject = Object.values(options.generators).find((generator) => generator.id === options.subject);
  if (!subject) return [`no generator with id ${options.subject} among ${Object.values(options.generators).map((generator) => generator.id).join(', ')}`];
  problems.push(...shapeProblems(subject));
  try {
    createGeneratorRegistry(options.generators);
  } catch (error) {
    return [...problems, `the registry refuses the packages: ${(error as Error).message}`];
  }
  if (problems.length > 0) return problems;

  const config = parseConfig(options.config ?? defaultContractConfig);
  const [first, second] = options.partitions ?? [1, 5];
  const run = async (runConfig: RetailConfig, partitions: number, mode: 'inline' | 'split' | 'resume' = 'inline') => outputOf(options.generators, runConfig, partitions, mode);

  let baseline: SubjectOutput;
  try {
    baseline = await run(config, first);
  } catch (error) {
    return [`running ${subject.id} failed: ${(error as Error).stack ?? String(error)}`];
  }
  const subjectBatches = baseline.batches.filter((batch) => subject.tables.includes(batch.table));
  for (const batch of subjectBatches) problems.push(...batchProblems(batch));
  if (options.requireRows ?? true) {
    for (const table of subject.tables) {
      const rows = subjectBatches.filter((batch) => batch.table === table).reduce((sum, batch) => sum + batch.length, 0);
      if (rows === 0) problems.push(`${table.name}: no rows in the contract run (${config.start}..${config.end})`);
    }
  }
  const baselineRows = rowsAsText(baseline.batches);

  const again = rowsAsText((await run(config, first)).batches);
  if (!sameRows(baselineRows, again)) problems.push(`not deterministic: the same seed and partitions gave different rows (${describeDifference(baselineRows, again)})`);

  const repartitioned = rowsAsText((await run(config, second)).batches);
  if (!sameRows([...baselineRows].sort(), [...repartitioned].sort())) {
    problems.push(`depends on the partition count: ${first} and ${second} partitions gave different rows (${describeDifference([...baselineRows].sort(), [...repartitioned].sort())})`);
  }

  let split: string[] | undefined;
  try {
    split = rowsAsText((await run(config, first, 'split')).batches);
  } catch (error) {
    problems.push(`fails when its units run on another engine, as on worker threads: ${(error as Error).message}`);
  }
  if (split && !sameRows(baselineRows, split)) {
    problems.push(
      `gives other rows when its units run on another engine, as on worker threads (${describeDifference(baselineRows, split)}): ` +
        'store-phase hooks may read only the run, composition points provided in setup or startUnit, and their store states, which must be structured-clone data',
    );
  }

  let resumed: string[] | undefined;
  try {
    resumed = rowsAsText((await run(config, first, 'resume')).batches);
  } catch (error) {
    problems.push(`fails when the run resumes from a checkpoint: ${(error as Error).message}`);
  }
  if (resumed && !sameRows(baselineRows, resumed)) {
    problems.push(
      `gives other rows when the run stops after a day and resumes from a checkpoint on a new engine (${describeDifference(baselineRows, resumed)}): ` +
        'every state a later day depends on must live in the chain or store states (structured-clone data), not in closures or module variables',
    );
  }

  const subjectRows = rowsAsText(subjectBatches);
  if (subjectRows.length > 0) {
    const reseeded = (await run({ ...config, seed: (config.seed + 1) % 4_294_967_296 }, first)).batches;
    if (sameRows(subjectRows, rowsAsText(reseeded.filter((batch) => subject.tables.includes(batch.table))))) problems.push('ignores the seed: another seed gave the same rows');
  }
  return problems;
}

function shapeProblems(subject: GeneratorPlugin): string[] {
  const problems: string[] = [];
  if (subject.specificationVersion !== 'v1') problems.push(`specificationVersion is ${JSON.stringify(subject.specificationVersion)}, not "v1"`);
  if (!idPattern.test(subject.id)) problems.push(`id ${JSON.stringify(subject.id)} is not kebab-case (e.g. "loyalty-points")`);
  if (typeof subject.description !== 'string' || subject.description.trim() === '') problems.push('description is empty');
  if (!Array.isArray(subject.tables)) problems.push('tables is not an array');
  if (!subject.generateMaster && !subject.facts) problems.push('has neither generateMaster nor facts hooks: it does nothing');
  for (const table of subject.tables ?? []) {
    if (table.kind === 'dimension' && !subject.generateMaster) problems.push(`${table.name} is a dimension table, but the package has no generateMaster`);
    if (table.kind === 'fact' && !subject.facts) problems.push(`${table.name} is a fact table, but the package has no facts hooks`);
    const prefix = table.kind === 'dimension' ? 'dim_' : table.kind === 'fact' ? 'fact_' : '';
    if (!table.name.startsWith(prefix)) problems.push(`${table.name} is a ${table.kind} table; its name should start with ${prefix}`);
  }
  if ((subject.requires ?? []).includes(subject.id)) problems.push('requires itself');
  return problems;
}

interface SubjectOutput {
  readonly batches: ColumnBatch[];
}

/**
 * Every batch of a run of all the packages: master phase, then each fact day.
 * `split` runs the store-phase units on a second engine, handing the store
 * states and summaries over by structured clone, as the worker-thread runner does.
 */
async function outputOf(
  generators: Readonly<Record<string, GeneratorPlugin>>,
  config: RetailConfig,
  partitions: number,
  mode: 'inline' | 'split' | 'resume',
): Promise<SubjectOutput> {
  const registry = createGeneratorRegistry(generators);
  const dims = await runMasterPhase(registry, config);
  const batches = [...dims.values()];
  if (registry.generators.some((generator) => generator.facts)) {
    const run: FactRun = { config, dims, firstDay: dayNumberOf(config.start), lastDay: dayNumberOf(config.end), storeCount: dims.get('dim_stores')?.length ?? 0 };
    let engine = new FactEngine(registry, run, { partitions });
    const worker = mode === 'split' ? new FactEngine(createGeneratorRegistry(generators), run, { partitions }) : undefined;
    // A resumed run stops after the middle day and goes on with a new engine built from the snapshot's clone.
    const stopAfter = mode === 'resume' ? run.firstDay + Math.floor((run.lastDay - run.firstDay) / 2) : undefined;
    for (let day = run.firstDay; day <= run.lastDay; day++) {
      if (!worker) {
        batches.push(...engine.runDay(day).batches);
        if (day === stopAfter) {
          const checkpoint = structuredClone(engine.snapshot());
          engine = new FactEngine(createGeneratorRegistry(generators), { ...run }, { partitions });
          engine.restore(checkpoint);
        }
        continue;
      }
      const chainStart = engine.startDay(day);
      const units: UnitResult[] = [];
      for (let partition = 0; partition < engine.partitions.length; partition++) {
        worker.adoptUnitStates(partition, structuredClone(engine.unitStates(partition)));
        const unit = worker.runUnit(day, partition);
        engine.adoptUnitStates(partition, structuredClone(worker.unitStates(partition)));
        units.push({ ...unit, summaries: structuredClone(unit.summaries) });
      }
      batches.push(...engine.assembleDay(day, chainStart, units, engine.endDay(day, units)).batches);
    }
  }
  return { batches };
}

function sameRows(first: readonly string[], second: readonly string[]): boolean {
  return first.length === second.length && first.every((row, index) => row === second[index]);
}

function describeDifference(first: readonly string[], second: readonly string[]): string {
  if (first.length !== second.length) return `${first.length} rows vs ${second.length}`;
  const index = first.findIndex((row, position) => row !== second[position]);
  const show = (row: string | undefined) => (row ?? '').replace('\u0002', ': ').replaceAll('\u0001', ', ').replaceAll('\u0000', 'NULL').slice(0, 160);
  return `first difference at row ${index}: ${show(first[index])} vs ${show(second[index])}`;
}
