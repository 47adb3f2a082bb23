import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, expectError, setUpShop, type Harness } from '../support/harness'
import { newPhoneIntake } from '../support/intake'
import { completedWarrantyRepair, motoClaimRules } from '../support/claims'

// Bugs the boundary fuzzer (fuzz-boundary.test.ts) found, each pinned by its smallest input.

let h: Harness
beforeEach(async () => {
  h = await createHarness()
  await setUpShop(h)
})
afterEach(() => h.close())

describe('reports.period with a malformed date', () => {
  // The range refinement measured the days between two strings that had already failed their
  // own date check; date parsing threw and the call answered INTERNAL.
  it.each([
    [{ from: '2026-11-01a', to: '2026-11-30' }, ['from']],
    [{ from: '2026-11-01', to: '490154203237518' }, ['to']],
    [{ from: '2026-02-30', to: '2026-03-01' }, ['from']],
  ])('%j is INVALID_INPUT naming the field', async (input, path) => {
    const before = h.digest()
    const error = expectError(await h.raw('reports.period', input))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.issues?.map((i) => [i.path, i.messageKey])).toEqual([[path, 'validation.date']])
    expect(h.digest()).toBe(before)
  })

  it('still refuses a range longer than a year', async () => {
    expect(expectError(await h.raw('reports.period', { from: '2025-01-01', to: '2026-11-30' })).issues?.[0]?.messageKey).toBe('validation.rangeTooLong')
  })
})

describe('search text with a NUL character', () => {
  // FTS5 stops reading a MATCH query at NUL, inside a quoted phrase too ("unterminated string"):
  // a search for typed or pasted text with a NUL answered INTERNAL.
  it.each(['customers.search', 'tickets.search'] as const)('%s treats NUL as a space', async (channel) => {
    await h.call('tickets.intake', await newPhoneIntake(h))
    const plain = await h.call(channel, { query: '138 0013' })
    expect(plain.length).toBe(1)
    expect(await h.call(channel, { query: '138\u00000013' })).toEqual(plain)
    for (const query of ['\u0000', 'a\u0000b', '张a\u0000ba', '"\u0000"', '\u0000\u0000\u0000abc']) {
      const result = await h.raw(channel, { query })
      expect(result.ok, `${JSON.stringify(query)}: ${JSON.stringify(result)}`).toBe(true)
    }
  })
})

describe('business dates near the end of the calendar', () => {
  // 9999-12-31 was a valid business date, but the day after it (10000-01-01) is not a YYYY-MM-DD
  // date: a daily report for it answered INTERNAL, and a claim given such a date was saved and
  // then every read of it (claims.get, claims.validate, the list) answered INTERNAL. Business
  // dates now lie in 1900–2999, where ten years of date arithmetic stays in four-digit years.
  it.each([
    ['reports.daily', { date: '9999-12-31' }, ['date']],
    ['reports.period', { from: '9999-12-01', to: '9999-12-31' }, ['from']],
    ['payments.list', { date: '3000-01-01' }, ['date']],
    ['payments.list', { date: '1899-12-31' }, ['date']],
  ] as const)('%s %j is INVALID_INPUT', async (channel, input, path) => {
    const error = expectError(await h.raw(channel, input))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.issues?.[0]).toMatchObject({ path, messageKey: 'validation.date' })
  })

  it('a claim date far in the future is refused, not saved to poison the claim', async () => {
    await motoClaimRules(h)
    const { claimId } = await completedWarrantyRepair(h)
    for (const field of ['purchaseDate', 'receivedDate', 'repairStartedDate', 'completedDate']) {
      for (const date of ['9999-12-31', '9999-06-01']) {
        const before = h.digest()
        const error = expectError(await h.raw('claims.update', { id: claimId, [field]: date }))
        expect(error.issues?.[0]).toMatchObject({ path: [field], messageKey: 'validation.date' })
        expect(h.digest()).toBe(before)
      }
    }
    expect((await h.call('claims.validate', { id: claimId })).id).toBe(claimId)
  })

  it('the first and last years still work end to end', async () => {
    expect((await h.call('reports.daily', { date: '2999-12-31' })).date).toBe('2999-12-31')
    expect(await h.call('payments.list', { date: '1900-01-01' })).toMatchObject({ date: '1900-01-01', payments: [] })
  })
})
