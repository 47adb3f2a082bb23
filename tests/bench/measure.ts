// Timing and the printed table. Figures are printed, never asserted: a slow machine must not
// fail the build, but a miss is said plainly.

export interface Stats {
  n: number
  p50: number
  p95: number
}

export interface Row {
  operation: string
  app: Stats
  /** The hand-written floor; omitted where none is asked for (the reports): only the budget counts. */
  floor?: Stats
  budgetMs: number
  /** Largest allowed p95(app) / p95(floor); ignored without a floor. */
  maxRatio: number
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number
  return { n: sorted.length, p50: rank(0.5), p95: rank(0.95) }
}

/** Warm-up runs (untimed), then the inputs in turn from `start` until `samples` timings are taken. */
export async function time<T>(inputs: T[], run: (input: T) => unknown, samples: number, start = 0, warmup = 20): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await run(inputs[(start + i) % inputs.length] as T)
  const out: number[] = []
  for (let i = start; out.length < samples; i++) {
    const input = inputs[i % inputs.length] as T
    const started = performance.now()
    await run(input)
    out.push(performance.now() - started)
  }
  return out
}

export function passes(row: Row): boolean {
  return row.app.p95 <= row.budgetMs && ratio(row) <= row.maxRatio
}

/** p95(app) / p95(floor); 0 without a floor, so the ratio never fails such a row. */
function ratio(row: Row): number {
  return row.floor ? row.app.p95 / Math.max(row.floor.p95, 1e-6) : 0
}

export function printTable(rows: Row[]): void {
  const header = ['operation', 'n', 'p50 ms', 'p95 ms', 'floor p50', 'floor p95', 'ratio', 'budget', 'result']
  const lines = rows.map((r) => [
    r.operation,
    String(r.app.n),
    r.app.p50.toFixed(3),
    r.app.p95.toFixed(3),
    r.floor ? r.floor.p50.toFixed(3) : '–',
    r.floor ? r.floor.p95.toFixed(3) : '–',
    r.floor ? `${ratio(r).toFixed(1)}×` : '–',
    r.floor ? `≤${r.budgetMs} ms, ≤${r.maxRatio}×` : `≤${r.budgetMs} ms`,
    passes(r) ? 'PASS' : `FAIL (${[r.app.p95 > r.budgetMs && 'p95', ratio(r) > r.maxRatio && 'ratio'].filter(Boolean).join(' + ')})`,
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)))
  const format = (cells: string[]) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ')
  console.log(format(header))
  console.log(widths.map((w) => '─'.repeat(w)).join('  '))
  for (const l of lines) console.log(format(l))
}
