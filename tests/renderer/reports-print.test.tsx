import { screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseView } from '../../renderer/src/routes'
import { createFakeServer } from './fake-server'
import { renderApp } from './render-app'

// The daily report's print page and its address.

const staff = [
  { name: 'Li Wei', role: 'owner' as const, pin: '1234' },
  { name: 'Wang Fang', role: 'technician' as const, pin: '5678' },
]

afterEach(() => {
  vi.restoreAllMocks()
  delete (window as unknown as Record<string, unknown>).repairLedger
})

describe('reports: addresses', () => {
  it('parses the reports sections and the daily report’s print page', () => {
    expect(parseView('#/reports')).toEqual({ kind: 'reports', route: 'reports', section: 'daily' })
    expect(parseView('#/reports/daily')).toEqual({ kind: 'reports', route: 'reports', section: 'daily' })
    expect(parseView('#/reports/period')).toEqual({ kind: 'reports', route: 'reports', section: 'period' })
    expect(parseView('#/reports/daily/2026-11-27/print')).toEqual({ kind: 'report-print', route: 'reports', date: '2026-11-27' })
  })

  it('sends anything else under reports to the counter, as unknown addresses always were', () => {
    for (const hash of ['#/reports/monthly', '#/reports/daily/2026-02-30/print', '#/reports/daily/27-11-2026/print', '#/reports/daily/2026-11-27', '#/reports/daily/2026-11-27/print/x', '#/reports/period/print']) {
      expect(parseView(hash), hash).toEqual({ kind: 'screen', route: 'counter' })
    }
  })

  it('leaves the other addresses as they were', () => {
    expect(parseView('#/settings')).toEqual({ kind: 'screen', route: 'settings' })
    expect(parseView('#/tickets/12/print/label')).toEqual({ kind: 'print', route: 'tickets', ticketId: 12, layout: 'label' })
    expect(parseView('')).toEqual({ kind: 'screen', route: 'counter' })
  })
})

describe('reports: the daily report on paper', () => {
  it('prints alone: shop header, date, key figures and every table, without CSV buttons', async () => {
    window.history.replaceState(null, '', '/#/reports/daily/2026-11-27/print')
    const print = vi.spyOn(window, 'print').mockImplementation(() => {})
    const { user } = renderApp(createFakeServer({ staff, signedInAs: 'Li Wei' }), 'en')

    const doc = await screen.findByRole('article')
    expect(doc).toHaveClass('print-report')
    expect(within(doc).getByRole('heading', { level: 1, name: 'Bright Fix' })).toBeInTheDocument()
    expect(doc).toHaveTextContent('1 Market St')
    expect(doc).toHaveTextContent('Tel. 021-5555-0101')
    expect(within(doc).getByRole('heading', { level: 2, name: 'Daily report — Nov 27, 2026' })).toBeInTheDocument()
    expect(doc).toHaveTextContent('Printed')
    expect(doc).toHaveTextContent('by Li Wei')
    expect(doc).toHaveTextContent('Net takingsCN¥1,310.50')
    for (const caption of [
      'Takings by payment method',
      'Cash drawer: expected and counted',
      'Tickets through the counter',
      'Open at the end of the day, by status',
      'Warranty vs paid',
      'Paid-work revenue, parts cost and margin',
      'Warranty parts used, by manufacturer',
      'Overdue: open past the promised date',
      'Repeat repairs received (same device back within 90 days)',
    ]) {
      expect(within(doc).getByRole('table', { name: caption })).toHaveClass('print-table')
    }
    const claims = within(doc).getByRole('table', { name: 'Warranty claims: sent, answered, paid and owed' })
    expect(claims).toHaveClass('print-table')
    // On paper the claims run across the page under the two columns: a figure per column, counts then amounts.
    expect(within(claims).getAllByRole('row').map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent))).toEqual([
      ['Claims', 'Sent to manufacturers', 'Accepted (amount approved)', 'Rejected', 'Paid by manufacturers', 'Still owed at day end', 'Warranty repairs completed', 'Not yet sent at day end'],
      ['Count', '3', '2', '1', '2', '—', '1', '4'],
      ['Amount', 'CN¥1,264.00', 'CN¥812.50', 'CN¥188.00', 'CN¥640.00', 'CN¥3,525.75', '—', '—'],
    ])
    expect(claims.closest('.print-report-grid')).toBeNull()
    expect(doc).toHaveTextContent('Checked by (owner)')
    expect(screen.queryByRole('button', { name: /CSV/ })).not.toBeInTheDocument()
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument()

    const printButton = screen.getByRole('button', { name: 'Print' })
    expect(printButton).toHaveFocus()
    await user.click(printButton)
    expect(print).toHaveBeenCalledTimes(1)
  })

  it('offers Save as PDF on the desktop with the report’s date in the file name', async () => {
    const savePdf = vi.fn().mockResolvedValue({ ok: true, path: '/home/owner/daily-report-2026-11-27.pdf' })
    const server = createFakeServer({ staff, signedInAs: 'Li Wei' })
    ;(window as unknown as Record<string, unknown>).repairLedger = { invoke: server.transport, savePdf }
    window.history.replaceState(null, '', '/#/reports/daily/2026-11-27/print')
    const { user } = renderApp(server, 'en')
    await screen.findByRole('article')
    await user.click(screen.getByRole('button', { name: 'Save as PDF' }))
    expect(savePdf).toHaveBeenCalledWith({ suggestedName: 'daily-report-2026-11-27' })
    expect(await screen.findByText('Saved to /home/owner/daily-report-2026-11-27.pdf')).toBeInTheDocument()
  })

  it('tells a technician the paper is the owner’s', async () => {
    window.history.replaceState(null, '', '/#/reports/daily/2026-11-27/print')
    const server = createFakeServer({ staff, signedInAs: 'Wang Fang' })
    renderApp(server, 'en')
    expect(await screen.findByText(/^Reports are for the shop owner/)).toBeInTheDocument()
    expect(screen.queryByRole('article')).not.toBeInTheDocument()
    expect(server.callsTo('reports.daily')).toEqual([])
  })
})
