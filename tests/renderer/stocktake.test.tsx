import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from './render-app'
import { openParts, stockroom } from './stock-fixtures'

describe('parts screen: stocktake', () => {
  it('lists every part by bin with what the ledger expects, previews the differences, then posts them', async () => {
    openParts('stocktake')
    const { server, screenPart, battery } = stockroom()
    const { user } = renderApp(server, 'en')
    const form = await screen.findByRole('form', { name: 'Stocktake' })
    expect(within(form).getByLabelText('Pool')).toHaveFocus()
    const table = await within(form).findByRole('table', { name: 'Counts for Shop stock' })
    expect(within(table).getAllByRole('row').slice(1).map((row) => row.textContent)).toEqual([
      'A-01SCR-S24Galaxy S24 display assembly5',
      'A-02CAM-S24Galaxy S24 rear camera0',
      'B-02BAT-RN13Redmi Note 13 battery1',
    ])

    await user.click(within(form).getByRole('button', { name: 'Preview differences' }))
    expect(within(form).getByRole('alert')).toHaveTextContent('Enter at least one counted quantity.')

    await user.type(within(table).getByLabelText('Counted SCR-S24'), '4')
    await user.type(within(table).getByLabelText('Counted BAT-RN13'), 'x')
    await user.click(within(form).getByRole('button', { name: 'Preview differences' }))
    expect(within(table).getByLabelText('Counted BAT-RN13')).toHaveAccessibleDescription('Enter the counted quantity (0 or more).')
    expect(within(table).getByLabelText('Counted BAT-RN13')).toHaveFocus()
    await user.clear(within(table).getByLabelText('Counted BAT-RN13'))
    await user.type(within(table).getByLabelText('Counted BAT-RN13'), '1')
    await user.click(within(form).getByRole('button', { name: 'Preview differences' }))

    const preview = await within(form).findByRole('region', { name: 'Preview: differences in Shop stock' })
    expect(within(preview).getByRole('status')).toHaveTextContent('Parts counted: 2; differing: 1; net −1. Nothing is written yet.')
    expect(within(preview).getAllByRole('row').slice(1).map((row) => row.textContent)).toEqual(['SCR-S24Galaxy S24 display assembly54−1'])
    expect(server.callsTo('stock.stocktake')).toEqual([
      { pool: 'shop', note: '', dryRun: true, counts: [{ partId: screenPart.id, counted: 4 }, { partId: battery.id, counted: 1 }] },
    ])
    expect(server.stock.onHand(screenPart.id, 'shop')).toBe(5)

    // A count changed after the preview: the preview goes, and with it the Post button.
    await user.type(within(table).getByLabelText('Counted BAT-RN13'), '0')
    expect(within(form).queryByRole('button', { name: 'Post stocktake' })).not.toBeInTheDocument()
    await user.clear(within(table).getByLabelText('Counted BAT-RN13'))
    await user.type(within(table).getByLabelText('Counted BAT-RN13'), '1')
    await user.type(within(form).getByLabelText('Note (optional)'), 'Month end')
    await user.click(within(form).getByRole('button', { name: 'Preview differences' }))
    await user.click(await within(form).findByRole('button', { name: 'Post stocktake' }))

    const posted = await within(form).findByRole('region', { name: 'Stocktake posted for Shop stock' })
    expect(within(posted).getByRole('status')).toHaveTextContent('Parts counted: 2; corrected: 1; net −1.')
    expect(server.callsTo('stock.stocktake').at(-1)).toEqual({ pool: 'shop', note: 'Month end', dryRun: false, counts: [{ partId: screenPart.id, counted: 4 }, { partId: battery.id, counted: 1 }] })
    expect(server.stock.onHand(screenPart.id, 'shop')).toBe(4)
    await waitFor(() => expect(within(table).getByRole('row', { name: /SCR-S24/ })).toHaveTextContent('A-01SCR-S24Galaxy S24 display assembly4'))
    expect(within(table).getByLabelText('Counted SCR-S24')).toHaveValue('')
    expect(within(form).queryByRole('button', { name: 'Post stocktake' })).not.toBeInTheDocument()
  })

  it('is the owner’s: a technician reaching the address is told so', async () => {
    openParts('stocktake')
    const { server } = stockroom('Wang Fang')
    renderApp(server, 'en')
    expect(await screen.findByText('Only an owner can post a stocktake.')).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1, name: 'Parts and stock' })).toHaveFocus()
    expect(screen.queryByRole('form', { name: 'Stocktake' })).not.toBeInTheDocument()
  })
})
