import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createFakeServer } from './fake-server'
import { renderApp } from './render-app'

// The owner's period metrics against the fake's fixed report (tests/renderer/fake-reports.ts).

function openPeriod() {
  window.history.replaceState(null, '', '/#/reports/period')
  const server = createFakeServer({ staff: [{ name: 'Li Wei', role: 'owner', pin: '1234' }], signedInAs: 'Li Wei' })
  return { server, ...renderApp(server, 'en') }
}

function rowOf(table: HTMLElement, header: string): string[] {
  const row = within(table).getByRole('rowheader', { name: header }).closest('tr')!
  return [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '')
}

beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null)
})
afterEach(() => vi.restoreAllMocks())

describe('reports: period metrics', () => {
  it('defaults to this month and shows every metric with its numbers', async () => {
    const { server } = openPeriod()
    expect(await screen.findByRole('heading', { level: 2, name: 'Metrics for Nov 1, 2026 – Nov 27, 2026' })).toBeInTheDocument()
    expect(screen.getByLabelText('From')).toHaveFocus()
    expect(screen.getByRole('link', { name: 'Period metrics' })).toHaveAttribute('aria-current', 'page')
    expect(server.callsTo('reports.period')).toEqual([{ from: '2026-11-01', to: '2026-11-27' }])
    expect(screen.getByRole('button', { name: 'This month' })).toHaveAttribute('aria-pressed', 'true')

    const turnaround = screen.getByRole('table', { name: 'Turnaround: intake to ready for pick-up' })
    expect(rowOf(turnaround, 'All repairs')).toEqual(['All repairs', '12', '26.5 h', '70.2 h'])
    expect(rowOf(turnaround, 'Warranty')).toEqual(['Warranty', '5', '30 h', '72 h'])
    expect(rowOf(turnaround, 'Paid')).toEqual(['Paid', '7', '20.5 h', '48 h'])

    const rates = screen.getByRole('table', { name: 'Rates' })
    expect(rowOf(rates, 'Ready on time (by the promised date)')).toEqual(['Ready on time (by the promised date)', '8', '10', '80%'])
    expect(rowOf(rates, 'Warranty repairs back within 30 days').at(-1)).toBe('20%')
    expect(rowOf(rates, 'Warranty repairs back within 90 days').at(-1)).toBe('40%')
    expect(rowOf(rates, 'Fixed first time')).toEqual(['Fixed first time', '11', '12', '91.7%'])

    const technicians = screen.getByRole('table', { name: 'Repairs completed per technician' })
    expect(rowOf(technicians, 'Wang Fang')).toEqual(['Wang Fang', '8', '3', '5', 'CN¥2,000.00'])
    expect(rowOf(technicians, 'Li Wei')).toEqual(['Li Wei', '4', '2', '2', 'CN¥885.00'])

    expect(rowOf(screen.getByRole('table', { name: 'Top faults (defect codes)' }), 'D04')).toEqual(['D04', 'Charging port corroded', '5'])
    expect(rowOf(screen.getByRole('table', { name: 'Top models received' }), 'Galaxy S24')).toEqual(['Galaxy S24', 'Samsung', '6'])
    expect(rowOf(screen.getByRole('table', { name: 'Parts used (net of returns)' }), 'SCR-S24')).toEqual(['SCR-S24', 'Galaxy S24 display assembly', '3', 'CN¥1,800.00'])

    const kinds = screen.getByRole('table', { name: 'Revenue and margin per kind of work' })
    const rows = within(kinds).getAllByRole('row').map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent))
    expect(rows).toEqual([
      ['Repair tier', 'Work', 'Repairs', 'Net revenue', 'Parts cost', 'Gross margin'],
      ['L2 — module swap', 'Paid', '5', 'CN¥2,000.00', 'CN¥1,200.00', 'CN¥800.00'],
      ['L2 — module swap', 'Warranty', '3', 'CN¥0.00', 'CN¥90.00', '-CN¥90.00'],
      ['Total', '', '8', 'CN¥2,000.00', 'CN¥1,290.00', 'CN¥710.00'],
    ])
    const revenue = screen.getByRole('table', { name: 'Paid-work revenue split' })
    expect(rowOf(revenue, 'Net revenue (total − tax)')[1]).toBe('CN¥2,831.86')
    expect(rowOf(revenue, 'Gross margin (net − parts cost)')[1]).toBe('CN¥1,631.86')

    const claimsSection = screen.getByRole('region', { name: 'Warranty claims' })
    const claims = within(claimsSection).getByRole('table', { name: 'Warranty claims by manufacturer' })
    expect(within(claims).getAllByRole('row').map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent))).toEqual([
      ['Manufacturer', 'Sent', 'Amount sent', 'Accepted', 'Rejected', 'Rejection rate', 'Paid', 'Median time to payment', '90th percentile time to payment', 'Owed at the end'],
      ['Motorola', '0', 'CN¥0.00', '0', '1', '100%', 'CN¥125.00', '7 d', '7 d', 'CN¥0.00'],
      ['Samsung', '9', 'CN¥4,123.00', '6', '2', '25%', 'CN¥2,980.00', '18 d', '41 d', 'CN¥2,204.50'],
      ['Xiaomi', '4', 'CN¥960.00', '1', '0', '0%', 'CN¥0.00', '—', '—', 'CN¥960.00'],
      // The ledger's totals, not sums of the rows: days to payment are over every claim paid.
      ['Total', '13', 'CN¥5,083.00', '7', '3', '30%', 'CN¥3,105.00', '15 d', '41 d', 'CN¥3,164.50'],
    ])
    expect(within(claimsSection).getByText('Paid short of the approved amount, on claims first paid in the period: CN¥42.50.')).toBeInTheDocument()
    expect(within(claimsSection).getByText(/^Sent, accepted, rejected and paid count what happened in the period/)).toBeInTheDocument()
    expect(claimsSection).not.toHaveTextContent('once warranty claims are built')
  })

  it('refetches for a preset period and shows a reversed period’s refusal by the To field', async () => {
    const { server, user } = openPeriod()
    await screen.findByRole('heading', { level: 2, name: 'Metrics for Nov 1, 2026 – Nov 27, 2026' })
    await user.click(screen.getByRole('button', { name: 'Last month' }))
    expect(await screen.findByRole('heading', { level: 2, name: 'Metrics for Oct 1, 2026 – Oct 31, 2026' })).toBeInTheDocument()
    expect(server.callsTo('reports.period').at(-1)).toEqual({ from: '2026-10-01', to: '2026-10-31' })

    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-30' } })
    const to = screen.getByLabelText('To')
    await waitFor(() => expect(to).toHaveAttribute('aria-invalid', 'true'))
    expect(to).toHaveAccessibleDescription(expect.stringContaining('The end date is before the start date.'))
    expect(screen.getByLabelText('From')).not.toHaveAttribute('aria-invalid')
    expect(screen.getByText('Choose a valid period to see its metrics.')).toBeInTheDocument()

    fireEvent.change(to, { target: { value: '2027-12-31' } })
    await waitFor(() => expect(to).toHaveAccessibleDescription(expect.stringContaining('A period can be at most 366 days')))

    fireEvent.change(to, { target: { value: '2026-12-31' } })
    expect(await screen.findByRole('heading', { level: 2, name: 'Metrics for Nov 30, 2026 – Dec 31, 2026' })).toBeInTheDocument()
    expect(to).not.toHaveAttribute('aria-invalid')
  })
})
