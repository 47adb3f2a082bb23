// Writes that belong to a later moment than the one being simulated: a ticket's whole life is
// planned at intake, but its events and audit rows are written when the shop's clock reaches them,
// so ids follow time in ticket_events, diagnoses, estimates and the audit hash chain, as in a
// ledger the app wrote. A binary min-heap on (time, order of scheduling).

interface Entry {
  atMs: number
  seq: number
  write: () => void
}

export class PendingWrites {
  private readonly heap: Entry[] = []
  private seq = 0

  get size(): number {
    return this.heap.length
  }

  schedule(atMs: number, write: () => void): void {
    const heap = this.heap
    heap.push({ atMs, seq: this.seq++, write })
    let i = heap.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!before(heap[i] as Entry, heap[parent] as Entry)) break
      ;[heap[i], heap[parent]] = [heap[parent] as Entry, heap[i] as Entry]
      i = parent
    }
  }

  /** Runs every write due at or before `atMs`, in time order. */
  flushUntil(atMs: number): void {
    const heap = this.heap
    while (heap.length > 0 && (heap[0] as Entry).atMs <= atMs) {
      const top = heap[0] as Entry
      const last = heap.pop() as Entry
      if (heap.length > 0) {
        heap[0] = last
        let i = 0
        for (;;) {
          const l = 2 * i + 1
          const r = l + 1
          let m = i
          if (l < heap.length && before(heap[l] as Entry, heap[m] as Entry)) m = l
          if (r < heap.length && before(heap[r] as Entry, heap[m] as Entry)) m = r
          if (m === i) break
          ;[heap[i], heap[m]] = [heap[m] as Entry, heap[i] as Entry]
          i = m
        }
      }
      top.write()
    }
  }
}

function before(a: Entry, b: Entry): boolean {
  return a.atMs < b.atMs || (a.atMs === b.atMs && a.seq < b.seq)
}
