/**
 * Splits points into `parts` compact, contiguous groups of near-equal size by
 * recursive bisection along the wider axis (a k-d split). Every group gets at
 * least one point when there are at least as many points as parts. Ties are
 * broken by index, so the result depends only on the input.
 *
 * @example
 * ```ts
 * // Four points on a line, two groups: the two western and the two eastern ones.
 * partitionPoints([0, 1, 2, 3], [0, 10, 1, 11], [0, 0, 0, 0], 2); // [[0, 2], [1, 3]]
 * ```
 */
export function partitionPoints(indices: readonly number[], xs: ArrayLike<number>, ys: ArrayLike<number>, parts: number): number[][] {
  if (!Number.isInteger(parts) || parts < 1) throw new RangeError(`parts must be a whole number >= 1, got ${parts}`);
  if (indices.length < parts) throw new RangeError(`cannot split ${indices.length} points into ${parts} non-empty groups`);
  if (parts === 1) return [[...indices]];
  let minimumX = Infinity;
  let maximumX = -Infinity;
  let minimumY = Infinity;
  let maximumY = -Infinity;
  for (const index of indices) {
    const x = xs[index] as number;
    const y = ys[index] as number;
    minimumX = Math.min(minimumX, x);
    maximumX = Math.max(maximumX, x);
    minimumY = Math.min(minimumY, y);
    maximumY = Math.max(maximumY, y);
  }
  const axis = maximumX - minimumX >= maximumY - minimumY ? xs : ys;
  const sorted = [...indices].sort((left, right) => (axis[left] as number) - (axis[right] as number) || left - right);
  const leftParts = Math.floor(parts / 2);
  const rightParts = parts - leftParts;
  const cut = Math.min(Math.max(Math.round((sorted.length * leftParts) / parts), leftParts), sorted.length - rightParts);
  return [
    ...partitionPoints(sorted.slice(0, cut), xs, ys, leftParts),
    ...partitionPoints(sorted.slice(cut), xs, ys, rightParts),
  ];
}
