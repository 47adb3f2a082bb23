import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createFakeServer } from './fake-server'
import { renderApp } from './render-app'

// The owner's daily report against the fake's fixed reports (tests/renderer/fake-reports.ts).

const staff = [
  { name: 'Li Wei', role: 'owner' as const, pin: '1234' },
  { name: 'Wang Fang', role: 'technician' as const, pin: '5678' },
]

function openReports(signedInAs = 'Li Wei', hash = '#/reports') {
  window.history.replaceState(null, '', `/${hash}`)
  const server = createFakeServer({ staff, signedInAs })
  return { server, ...renderApp(server, 'en') }
}

/** The texts of a table row, found by its row header. */
function rowOf(table: HTMLElement, header: string): string[] {
  const row = within(table).getByRole('rowheader', { name: header }).closest('tr')!
  return [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '')
}

function keyFigure(name: string): string {
  const term = within(screen.getByRole('region', { name: /^Key figures/ })).getByText(name, { selector: 'dt' })
  return term.nextElementSibling?.textContent ?? ''
}

beforeEach(() => {
  // jsdom has no canvas: the chart must step aside and leave the tables.
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null)
})
afterEach(() => vi.restoreAllMocks())

describe('reports: the daily report', () => {
  it('shows every section of today’s report with the ledger’s numbers', async () => {
    const { server } = openReports()
    expect(await screen.findByRole('heading', { level: 2, name: 'Daily report for Nov 27, 2026' })).toBeInTheDocument()
    expect(screen.getByLabelText('Day')).toHaveFocus()
    expect(screen.getByLabelText('Day')).toHaveValue('2026-11-27')
    expect(server.callsTo('reports.daily')).toEqual([{ date: '2026-11-27' }])

    expect(keyFigure('Net takings')).toBe('CN¥1,310.50')
    expect(keyFigure('Refunds given')).toBe('CN¥140.00')
    expect(keyFigure('Cash drawer')).toBe('Short CN¥1.00')
    expect(keyFigure('Open at the end of the day')).toBe('6')
    expect(keyFigure('Gross margin on paid work')).toBe('CN¥550.44 (47.8% of net revenue)')

    const takings = screen.getByRole('table', { name: 'Takings by payment method' })
    expect(rowOf(takings, 'Cash')).toEqual(['Cash', '3', 'CN¥450.00', 'CN¥20.00', 'CN¥430.00'])
    expect(rowOf(takings, 'Card')).toEqual(['Card', '2', 'CN¥120.00', 'CN¥120.00', 'CN¥0.00'])
    expect(rowOf(takings, 'WeChat Pay')).toEqual(['WeChat Pay', '2', 'CN¥880.50', 'CN¥0.00', 'CN¥880.50'])
    expect(rowOf(takings, 'Total')).toEqual(['Total', '7', 'CN¥1,450.50', 'CN¥140.00', 'CN¥1,310.50'])
    // No 2D context in jsdom: no empty canvas is left behind, the table has the numbers.
    expect(screen.queryByRole('img')).not.toBeInTheDocument()

    const drawer = screen.getByRole('table', { name: 'Cash drawer: expected and counted' })
    expect(rowOf(drawer, 'No. 1, opened by Li Wei')).toEqual(['No. 1, opened by Li Wei', 'CN¥500.00', 'CN¥930.00', 'CN¥929.00', 'Short CN¥1.00', 'Li Wei'])

    const tickets = screen.getByRole('table', { name: 'Tickets through the counter' })
    expect([rowOf(tickets, 'Received')[1], rowOf(tickets, 'Repair completed')[1], rowOf(tickets, 'Handed back')[1], rowOf(tickets, 'Cancelled')[1]]).toEqual(['6', '3', '2', '1'])
    const open = screen.getByRole('table', { name: 'Open at the end of the day, by status' })
    expect(rowOf(open, 'Received')).toEqual(['Received', '2'])
    expect(rowOf(open, 'In repair')).toEqual(['In repair', '3'])
    expect(rowOf(open, 'Ready for pickup')).toEqual(['Ready for pickup', '1'])
    expect(rowOf(open, 'Total')).toEqual(['Total', '6'])

    const mix = screen.getByRole('table', { name: 'Warranty vs paid' })
    expect(rowOf(mix, 'Received in warranty')[1]).toBe('2')
    expect(rowOf(mix, 'Received out of warranty')[1]).toBe('3')
    expect(rowOf(mix, 'Received with the warranty void')[1]).toBe('1')
    expect(rowOf(mix, 'Completed under warranty')[1]).toBe('1')
    expect(rowOf(mix, 'Completed as paid work')[1]).toBe('2')

    const paid = screen.getByRole('table', { name: 'Paid-work revenue, parts cost and margin' })
    expect(rowOf(paid, 'Labour')[1]).toBe('CN¥300.00')
    expect(rowOf(paid, 'Parts')[1]).toBe('CN¥980.00')
    expect(rowOf(paid, 'Fees')[1]).toBe('CN¥20.00')
    expect(rowOf(paid, 'Tax included')[1]).toBe('CN¥149.56')
    expect(rowOf(paid, 'Net revenue (total − tax)')[1]).toBe('CN¥1,150.44')
    expect(rowOf(paid, 'Parts cost (shop stock)')[1]).toBe('CN¥600.00')
    expect(rowOf(paid, 'Gross margin (net − parts cost)')[1]).toBe('CN¥550.44')
    expect(screen.getByText(/^Paid tickets handed back: 2\./)).toBeInTheDocument()

    const warrantyParts = screen.getByRole('table', { name: 'Warranty parts used, by manufacturer' })
    expect(rowOf(warrantyParts, 'Samsung')).toEqual(['Samsung', '2', '1', '1', 'CN¥90.00'])
    const claimsSection = screen.getByRole('region', { name: 'Warranty claims' })
    const claims = within(claimsSection).getByRole('table', { name: 'Warranty claims: sent, answered, paid and owed' })
    expect(within(claims).getAllByRole('row').map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent))).toEqual([
      ['Claims', 'Count', 'Amount'],
      ['Sent to manufacturers', '3', 'CN¥1,264.00'],
      ['Accepted (amount approved)', '2', 'CN¥812.50'],
      ['Rejected', '1', 'CN¥188.00'],
      ['Paid by manufacturers', '2', 'CN¥640.00'],
      ['Still owed at day end', '—', 'CN¥3,525.75'],
      ['Warranty repairs completed', '1', '—'],
      ['Not yet sent at day end', '4', '—'],
    ])
    expect(within(claimsSection).getByRole('button', { name: 'Download CSV: Warranty claims: sent, answered, paid and owed' })).toBeInTheDocument()
    expect(screen.queryByText(/not built/)).not.toBeInTheDocument()

    const overdue = screen.getByRole('table', { name: 'Overdue: open past the promised date' })
    expect(within(overdue).getByRole('link', { name: 'R2611-0003' })).toHaveAttribute('href', '#/tickets/3')
    expect(rowOf(overdue, 'R2611-0003')).toEqual(['R2611-0003', 'Zhang San', '13800138000', 'Samsung Galaxy S24', 'In repair', 'Nov 25, 2026', 'Wang Fang'])
    const repeats = screen.getByRole('table', { name: 'Repeat repairs received (same device back within 90 days)' })
    expect(within(repeats).getByRole('link', { name: 'R2611-0009' })).toHaveAttribute('href', '#/tickets/9')
    expect(rowOf(repeats, 'R2611-0009')).toEqual(['R2611-0009', 'Chen Jing', 'Xiaomi Redmi Note 13', 'In warranty', 'Received'])

    expect(screen.getByRole('link', { name: 'Print or save as PDF' })).toHaveAttribute('href', '#/reports/daily/2026-11-27/print')
  })

  it('fetches another day when the date changes, by typing and by the day buttons, and says when a day is quiet', async () => {
    const { server, user } = openReports()
    const day = await screen.findByLabelText('Day')
    await screen.findByRole('heading', { level: 2, name: 'Daily report for Nov 27, 2026' })

    fireEvent.change(day, { target: { value: '2026-11-26' } })
    expect(await screen.findByRole('heading', { level: 2, name: 'Daily report for Nov 26, 2026' })).toBeInTheDocument()
    expect(keyFigure('Net takings')).toBe('CN¥200.00')
    expect(screen.getByRole('link', { name: 'Print or save as PDF' })).toHaveAttribute('href', '#/reports/daily/2026-11-26/print')

    await user.click(screen.getByRole('button', { name: 'Previous day' }))
    expect(await screen.findByRole('heading', { level: 2, name: 'Daily report for Nov 25, 2026' })).toBeInTheDocument()
    expect(day).toHaveValue('2026-11-25')
    expect(screen.getByText(/^Nothing was recorded on Nov 25, 2026: no payment or refund/)).toBeInTheDocument()
    // A quiet day still shows what stood open at its end…
    expect(rowOf(screen.getByRole('table', { name: 'Open at the end of the day, by status' }), 'In repair')).toEqual(['In repair', '1'])
    // …and the claims: nothing moved, but the manufacturers still owe and three claims wait to be sent.
    const claims = screen.getByRole('table', { name: 'Warranty claims: sent, answered, paid and owed' })
    expect(rowOf(claims, 'Sent to manufacturers')).toEqual(['Sent to manufacturers', '0', 'CN¥0.00'])
    expect(rowOf(claims, 'Still owed at day end')).toEqual(['Still owed at day end', '—', 'CN¥410.00'])
    expect(rowOf(claims, 'Not yet sent at day end')).toEqual(['Not yet sent at day end', '3', '—'])
    expect(screen.queryByRole('table', { name: 'Warranty parts used, by manufacturer' })).not.toBeInTheDocument()
    expect(screen.queryByRole('table', { name: 'Takings by payment method' })).not.toBeInTheDocument()

    // A manufacturer's payment alone makes a day worth its full report.
    await user.click(screen.getByRole('button', { name: 'Previous day' }))
    expect(await screen.findByRole('heading', { level: 2, name: 'Daily report for Nov 24, 2026' })).toBeInTheDocument()
    expect(screen.queryByText(/^Nothing was recorded/)).not.toBeInTheDocument()
    expect(screen.getByText('Takings by payment method: no payment or refund on this day.')).toBeInTheDocument()
    const paidClaims = screen.getByRole('table', { name: 'Warranty claims: sent, answered, paid and owed' })
    expect(rowOf(paidClaims, 'Paid by manufacturers')).toEqual(['Paid by manufacturers', '1', 'CN¥300.00'])
    expect(rowOf(paidClaims, 'Still owed at day end')).toEqual(['Still owed at day end', '—', 'CN¥710.00'])

    await user.click(screen.getByRole('button', { name: 'Today' }))
    expect(await screen.findByRole('heading', { level: 2, name: 'Daily report for Nov 27, 2026' })).toBeInTheDocument()
    expect(server.callsTo('reports.daily')).toEqual([{ date: '2026-11-27' }, { date: '2026-11-26' }, { date: '2026-11-25' }, { date: '2026-11-24' }])
  })

  it('shows the ledger’s refusal of a date by the date field', async () => {
    openReports()
    const day = await screen.findByLabelText('Day')
    await screen.findByRole('heading', { level: 2, name: 'Daily report for Nov 27, 2026' })
    fireEvent.change(day, { target: { value: '' } })
    await waitFor(() => expect(day).toHaveAttribute('aria-invalid', 'true'))
    expect(day).toHaveAccessibleDescription(expect.stringContaining('Enter a valid date.'))
    expect(screen.getByText('Choose a valid day to see its report.')).toBeInTheDocument()
    expect(screen.queryByRole('heading', { level: 2 })).not.toBeInTheDocument()
    expect(screen.queryByRole('link', { name: 'Print or save as PDF' })).not.toBeInTheDocument()
  })

  it('shows any other failure as an error with a way to try again', async () => {
    window.history.replaceState(null, '', '/#/reports')
    const server = createFakeServer({ staff, signedInAs: 'Li Wei' })
    server.failNext('reports.daily', { code: 'INTERNAL', messageKey: 'errors.internal' })
    const { user } = renderApp(server, 'en')
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong')
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('heading', { level: 2, name: 'Daily report for Nov 27, 2026' })).toBeInTheDocument()
  })

  it('tells a technician that reports are the owner’s, and asks the ledger nothing', async () => {
    const { server } = openReports('Wang Fang')
    expect(await screen.findByRole('heading', { level: 1, name: 'Reports' })).toHaveFocus()
    expect(screen.getByText(/^Reports are for the shop owner/)).toBeInTheDocument()
    expect(screen.queryByLabelText('Day')).not.toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(server.callsTo('reports.daily')).toEqual([])
  })
})
