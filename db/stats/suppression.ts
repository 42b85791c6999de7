/**
 * Small-count suppression for published statistics. A count from 1 to k − 1 could single out a
 * person's activity, so it is withheld (primary suppression); zero is published. When the sum of a
 * breakdown is published too and only one cell was withheld, the smallest other non-zero cell is
 * withheld as well, so the first cannot be recovered by subtraction (complementary suppression).
 * Shares and medians built on withheld or too few observations are withheld the same way.
 */

/** A published number: `value` is null when withheld (`suppressed`) or when there is nothing to measure. */
export interface Cell {
  value: number | null;
  suppressed: boolean;
}

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

export function isSmall(count: number, threshold: number): boolean {
  return count > 0 && count < threshold;
}

/** Which of `counts` to withhold; `sumPublished` turns on complementary suppression. */
export function suppressionMask(counts: readonly number[], threshold: number, sumPublished: boolean): boolean[] {
  const mask = counts.map((n) => isSmall(n, threshold));
  if (sumPublished && mask.filter(Boolean).length === 1) {
    let smallest = -1;
    counts.forEach((n, i) => {
      if (!mask[i] && n > 0 && (smallest < 0 || n < counts[smallest]!)) smallest = i;
    });
    if (smallest >= 0) mask[smallest] = true;
  }
  return mask;
}

export function countCell(count: number, suppressed: boolean): Cell {
  return suppressed ? { value: null, suppressed: true } : { value: count, suppressed: false };
}

/** Counts as cells, suppressed together (see suppressionMask). */
export function countCells(counts: readonly number[], threshold: number, sumPublished: boolean): Cell[] {
  const mask = suppressionMask(counts, threshold, sumPublished);
  return counts.map((n, i) => countCell(n, mask[i]!));
}

/**
 * `part / whole`, rounded to four decimals. Withheld when either count is small, or when the part's
 * own cell was withheld; null without suppression when `whole` is zero.
 */
export function shareCell(part: number, whole: number, threshold: number, partSuppressed = false): Cell {
  if (whole <= 0) return { value: null, suppressed: false };
  if (partSuppressed || isSmall(part, threshold) || isSmall(whole, threshold)) return { value: null, suppressed: true };
  return { value: Math.round((part / whole) * 10_000) / 10_000, suppressed: false };
}

/** A statistic (median, percentile) over `observations`: withheld below the threshold, null with none. */
export function measureCell(value: number | null, observations: number, threshold: number): Cell {
  if (observations <= 0 || value === null) return { value: null, suppressed: false };
  if (isSmall(observations, threshold)) return { value: null, suppressed: true };
  return { value, suppressed: false };
}
