/** Median and 90th percentile by nearest rank (the definition docs/reports.md gives); null without values. */
export function medianAndP90(values: readonly number[]): { count: number; median: number | null; p90: number | null } {
  if (values.length === 0) return { count: 0, median: null, p90: null }
  const sorted = [...values].sort((a, b) => a - b)
  const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] as number
  return { count: sorted.length, median: rank(0.5), p90: rank(0.9) }
}
