import type { StageDefinition } from '@retail-datagen/progress';

/** Names of the stages a run reports. */
export const runStages = Object.freeze({ master: 'master data', facts: 'facts' });

/**
 * The weighted stages of a run for `createProgressJob`: master data is quick
 * next to the facts, whose weight grows with the days.
 *
 * @example
 * ```ts
 * const job = createProgressJob({ name: 'generate all', stages: runStageDefinitions({ master: true, facts: true }) });
 * ```
 */
export function runStageDefinitions(include: { master: boolean; facts: boolean }): StageDefinition[] {
  const stages: StageDefinition[] = [];
  if (include.master) stages.push({ name: runStages.master, weight: 1 });
  if (include.facts) stages.push({ name: runStages.facts, weight: 20 });
  return stages;
}
