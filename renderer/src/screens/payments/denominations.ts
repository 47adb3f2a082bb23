import { cnyDenominationsMinor } from '../../../../shared/payments'

// Counting the drawer by notes and coins: the typed counts, their sum, and what the ledger takes.

/** The notes and coins a drawer in this currency is counted in; none known means count the total only. */
export function denominationsFor(currency: string): readonly number[] {
  return currency === 'CNY' ? cnyDenominationsMinor : []
}

/** A typed count: a whole number from 0 (blank is 0); null when it is not one. */
export function parseCount(text: string): number | null {
  const value = text.trim().replace(/[０-９]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
  if (value === '') return 0
  return /^\d{1,6}$/.test(value) && Number(value) <= 100_000 ? Number(value) : null
}

export interface DenominationTally {
  /** Sum of value × count over the counts that parse (integer minor units). */
  totalMinor: number
  /** The counts as the ledger takes them (those above zero). */
  counted: { valueMinor: number; count: number }[]
  /** Denominations whose typed count is not a whole number. */
  invalid: number[]
}

export function tally(values: readonly number[], counts: Record<number, string>): DenominationTally {
  const counted: { valueMinor: number; count: number }[] = []
  const invalid: number[] = []
  for (const valueMinor of values) {
    const count = parseCount(counts[valueMinor] ?? '')
    if (count === null) invalid.push(valueMinor)
    else if (count > 0) counted.push({ valueMinor, count })
  }
  return { totalMinor: counted.reduce((sum, d) => sum + d.valueMinor * d.count, 0), counted, invalid }
}
