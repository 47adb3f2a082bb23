import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { EstimateDto } from '../../shared/dto/workflow'
import { renderApp } from './render-app'
import { sampleDiagnosis, workshop } from './workflow-fixtures'

const estimate: EstimateDto = {
  revision: 2,
  atMs: Date.UTC(2026, 10, 26, 3, 0),
  staffName: 'Wang Fang',
  lines: [
    { kind: 'part', description: 'Display assembly', quantity: 1, unitPriceMinor: 68000, lineTotalMinor: 68000, partId: null },
    { kind: 'labour', description: 'Fitting', quantity: 1, unitPriceMinor: 12000, lineTotalMinor: 12000, partId: null },
  ],
  linesMinor: 80000,
  netMinor: 70796,
  taxMinor: 9204,
  totalMinor: 80000,
  taxRateBp: 1300,
  pricesIncludeTax: true,
}

function repairedTicket() {
  const shop = workshop()
  const ticket = shop.ticketAt('collected', { reportedFault: 'Screen flickers after a drop', assignedStaffName: 'Wang Fang', notes: 'Customer wants the old screen back' })
  shop.ledger.setWork(ticket.id, {
    paid: true,
    diagnosis: sampleDiagnosis,
    estimate,
    decision: { decision: 'approved', via: 'phone', atMs: Date.UTC(2026, 10, 26, 4, 0), staffName: 'Li Wei' },
    completion: { atMs: Date.UTC(2026, 10, 27, 2, 0), workDone: 'Replaced the display assembly', testResult: 'passed' },
    outcome: 'repaired',
    readyAtMs: Date.UTC(2026, 10, 27, 3, 0),
    contactedVia: 'sms',
    collectedAtMs: Date.UTC(2026, 10, 27, 6, 0),
    collectedBy: '张敏',
  })
  return { ...shop, ticket }
}

describe('workflow print pages', () => {
  it('prints the A4 job sheet: barcode of the number, intake facts, fault codes with meanings, the estimate, room for notes', async () => {
    const { server, ticket } = repairedTicket()
    window.history.replaceState(null, '', `/#/tickets/${ticket.id}/print/job-sheet`)
    renderApp(server, 'en')
    const barcode = await screen.findByRole('img', { name: `Barcode of ticket ${ticket.number}` })
    expect(barcode.querySelectorAll('rect').length).toBeGreaterThan(10)
    const sheet = screen.getByRole('article')
    expect(sheet).toHaveClass('print-sheet')
    expect(within(sheet).getByRole('heading', { level: 2, name: 'Job sheet' })).toBeInTheDocument()
    expect(sheet).toHaveTextContent(`Ticket no. ${ticket.number}`)
    expect(sheet).toHaveTextContent('Screen flickers after a drop')
    expect(sheet).toHaveTextContent('TechnicianWang Fang')
    expect(sheet).toHaveTextContent('Intake notesCustomer wants the old screen back')

    const codes = await within(sheet).findByRole('table', { name: 'Fault codes' })
    expect(within(codes).getAllByRole('row').slice(1).map((row) => row.textContent)).toEqual([
      'Condition code1持续出现 / Constant',
      'Symptom codeS03屏幕无显示或花屏 / No display or distorted display',
      'Defect codeD02显示屏组件损坏 / Display assembly defective',
      'Repair codeR02更换显示屏组件 / Display assembly replaced',
    ])
    expect(sheet).toHaveTextContent('Repair tierL2 — module swap')
    expect(sheet).toHaveTextContent('WarrantyWarranty void — Liquid damage')
    const lines = within(sheet).getByRole('table', { name: 'Estimate lines' })
    expect(within(lines).getByRole('row', { name: /^Total/ })).toHaveTextContent('CN¥800.00')
    expect(within(sheet).getByRole('heading', { level: 3, name: 'Bench notes' })).toBeInTheDocument()
    expect(document.querySelectorAll('[style]')).toHaveLength(0)
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument()
  })

  it('prints the 80 mm hand-back receipt with the work, its test, the amounts and who collected', async () => {
    const { server, ticket } = repairedTicket()
    window.history.replaceState(null, '', `/#/tickets/${ticket.id}/print/handback-80`)
    renderApp(server, 'en')
    await screen.findByRole('img', { name: `Barcode of ticket ${ticket.number}` })
    const receipt = screen.getByRole('article')
    expect(receipt).toHaveClass('print-receipt-80')
    expect(within(receipt).getByRole('heading', { level: 1, name: 'Bright Fix' })).toBeInTheDocument()
    expect(within(receipt).getByRole('heading', { level: 2, name: 'Hand-back receipt' })).toBeInTheDocument()
    expect(receipt).toHaveTextContent('Work doneReplaced the display assembly')
    expect(receipt).toHaveTextContent('OutcomeRepaired')
    expect(receipt).toHaveTextContent('Test resultPassed')
    expect(receipt).toHaveTextContent('Collected by张敏')
    const amounts = within(receipt).getByRole('table', { name: 'Estimate lines' })
    expect(within(amounts).queryByRole('columnheader', { name: 'Type' })).not.toBeInTheDocument()
    expect(within(amounts).getByRole('row', { name: /^Tax/ })).toHaveTextContent('Tax (13%)CN¥92.04')
    expect(receipt).toHaveTextContent('Device received in good order — signature')
  })

  it('says a warranty repair costs nothing on the A4 hand-back receipt, and the ticket page links every print', async () => {
    const { server, ticketAt } = workshop()
    const ticket = ticketAt('ready', { warranty: { status: 'in_warranty', reason: 'within_period', endsOn: '2027-03-01', overrideNote: null } })
    window.history.replaceState(null, '', `/#/tickets/${ticket.id}`)
    const { user } = renderApp(server, 'en')
    const prints = await screen.findByRole('group', { name: 'Print' })
    expect(within(prints).getByRole('link', { name: 'Print job sheet (A4)' })).toHaveAttribute('href', `#/tickets/${ticket.id}/print/job-sheet`)
    expect(within(prints).getByRole('link', { name: 'Print hand-back receipt (80 mm)' })).toHaveAttribute('href', `#/tickets/${ticket.id}/print/handback-80`)
    await user.click(within(prints).getByRole('link', { name: 'Print hand-back receipt (A4)' }))
    const receipt = await screen.findByRole('article')
    expect(receipt).toHaveClass('print-receipt-a4')
    expect(receipt).toHaveTextContent('Warranty repair: no charge.')
    expect(receipt).toHaveTextContent('Work doneNot recorded')
  })
})
