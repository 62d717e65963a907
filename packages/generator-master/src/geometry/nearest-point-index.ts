import { cosineOfLatitude, geographicDistance, kilometersPerDegree } from './geographic-distance.js';

/** Finds the nearest of a fixed set of points, by {@link geographicDistance}. */
export interface NearestPointIndex {
  /** Index of the nearest point; ties go to the lowest index. */
  nearest(latitude: number, longitude: number): number;
}

/**
 * Builds a uniform grid over the points so a nearest-point query looks at a few
 * cells instead of every point (100,000 geographies x 100,000 stores stays fast).
 *
 * The grid is laid out in a plane whose east-west scale is the cosine of the
 * largest latitude any point or query may have; distances in that plane never
 * exceed the true distance, so the ring search can stop as soon as the next
 * ring is farther away than the best point found. Queries beyond
 * `maximumQueryLatitude` fall back to a full scan.
 *
 * @example
 * ```ts
 * const index = createNearestPointIndex(Float64Array.of(40.7, 34.05), Float64Array.of(-74, -118.24));
 * index.nearest(39.95, -75.17); // 0 (New York is nearer to Philadelphia than Los Angeles)
 * ```
 */
export function createNearestPointIndex(
  latitudes: ArrayLike<number>,
  longitudes: ArrayLike<number>,
  maximumQueryLatitude = 0,
): NearestPointIndex {
  const count = latitudes.length;
  if (count === 0) throw new RangeError('a nearest point index needs at least one point');
  let latitudeBound = Math.abs(maximumQueryLatitude);
  for (let index = 0; index < count; index++) latitudeBound = Math.max(latitudeBound, Math.abs(latitudes[index] as number));
  latitudeBound = Math.min(latitudeBound, 89.9);
  const eastScale = kilometersPerDegree * cosineOfLatitude(latitudeBound);

  const xs = new Float64Array(count);
  const ys = new Float64Array(count);
  let minimumX = Infinity;
  let minimumY = Infinity;
  let maximumX = -Infinity;
  let maximumY = -Infinity;
  for (let index = 0; index < count; index++) {
    const x = (longitudes[index] as number) * eastScale;
    const y = (latitudes[index] as number) * kilometersPerDegree;
    xs[index] = x;
    ys[index] = y;
    minimumX = Math.min(minimumX, x);
    minimumY = Math.min(minimumY, y);
    maximumX = Math.max(maximumX, x);
    maximumY = Math.max(maximumY, y);
  }
  const width = maximumX - minimumX;
  const height = maximumY - minimumY;
  // About one point per cell; at least 1 km so identical points do not make a degenerate grid.
  const cellSize = Math.max(1, Math.sqrt(Math.max(width, 1) * Math.max(height, 1) / count));
  const columns = Math.floor(width / cellSize) + 1;
  const rows = Math.floor(height / cellSize) + 1;
  const cellOf = (index: number) =>
    Math.floor(((ys[index] as number) - minimumY) / cellSize) * columns + Math.floor(((xs[index] as number) - minimumX) / cellSize);

  // Points grouped by cell (counting sort), ascending index inside a cell.
  const cellStart = new Int32Array(columns * rows + 1);
  for (let index = 0; index < count; index++) {
    const slot = cellOf(index) + 1;
    cellStart[slot] = (cellStart[slot] as number) + 1;
  }
  for (let cell = 0; cell < columns * rows; cell++) cellStart[cell + 1] = (cellStart[cell + 1] as number) + (cellStart[cell] as number);
  const fill = cellStart.slice(0, columns * rows);
  const cellPoints = new Int32Array(count);
  for (let index = 0; index < count; index++) {
    const cell = cellOf(index);
    cellPoints[fill[cell] as number] = index;
    fill[cell] = (fill[cell] as number) + 1;
  }

  const scan = (latitude: number, longitude: number) => {
    let best = 0;
    let bestDistance = Infinity;
    for (let index = 0; index < count; index++) {
      const distance = geographicDistance(latitude, longitude, latitudes[index] as number, longitudes[index] as number);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = index;
      }
    }
    return best;
  };

  return {
    nearest(latitude, longitude) {
      if (Math.abs(latitude) > latitudeBound) return scan(latitude, longitude);
      const column = Math.floor((longitude * eastScale - minimumX) / cellSize);
      const row = Math.floor((latitude * kilometersPerDegree - minimumY) / cellSize);
      const lastColumn = columns - 1;
      const lastRow = rows - 1;
      // Rings closer than the grid's edge hold no cells; rings beyond its far corner neither.
      const firstRing = Math.max(0, -column, column - lastColumn, -row, row - lastRow);
      const lastRing = Math.max(column, lastColumn - column, row, lastRow - row);
      let best = -1;
      let bestDistance = Infinity;
      const visit = (cell: number) => {
        for (let slot = cellStart[cell] as number, end = cellStart[cell + 1] as number; slot < end; slot++) {
          const index = cellPoints[slot] as number;
          const distance = geographicDistance(latitude, longitude, latitudes[index] as number, longitudes[index] as number);
          if (distance < bestDistance || (distance === bestDistance && index < best)) {
            bestDistance = distance;
            best = index;
          }
        }
      };
      for (let ring = firstRing; ring <= lastRing; ring++) {
        // The ring's cells clipped to the grid: its top and bottom rows, then its left and right columns.
        const fromColumn = Math.max(0, column - ring);
        const toColumn = Math.min(lastColumn, column + ring);
        for (const ringRow of ring === 0 ? [row] : [row - ring, row + ring]) {
          if (ringRow < 0 || ringRow > lastRow) continue;
          for (let cellColumn = fromColumn; cellColumn <= toColumn; cellColumn++) visit(ringRow * columns + cellColumn);
        }
        if (ring > 0) {
          const fromRow = Math.max(0, row - ring + 1);
          const toRow = Math.min(lastRow, row + ring - 1);
          for (const ringColumn of [column - ring, column + ring]) {
            if (ringColumn < 0 || ringColumn > lastColumn) continue;
            for (let cellRow = fromRow; cellRow <= toRow; cellRow++) visit(cellRow * columns + ringColumn);
          }
        }
        // Every point in ring + 1 is more than ring * cellSize away (in the plane, so also truly).
        if (bestDistance < ring * cellSize * (1 - 1e-9)) break;
      }
      return best;
    },
  };
}
