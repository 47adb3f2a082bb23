import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from './render-app'
import { openParts, stockroom } from './stock-fixtures'

const rowOf = (table: HTMLElement, sku: string) => within(table).getByRole('row', { name: new RegExp(sku) })

describe('parts screen: the list', () => {
  it('shows on-hand per pool with consigned pools named by manufacturer, and says which parts are low', async () => {
    openParts()
    const { server } = stockroom('Wang Fang')
    renderApp(server, 'en')
    expect(await screen.findByLabelText('Search parts')).toHaveFocus()
    const table = await screen.findByRole('table', { name: 'Parts' })
    // Consigned pools are named once the manufacturers are in.
    await waitFor(() => expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['SKU', 'Name', 'Bin', 'Shop stock', 'Samsung consigned', 'Defective', 'Reorder at', 'Sell price', 'State', 'Actions']))

    const battery = rowOf(table, 'BAT-RN13')
    expect(battery).toHaveClass('row-low')
    expect(within(battery).getByText('Low stock')).toBeInTheDocument()
    expect(within(battery).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['Redmi Note 13 battery', 'B-02', '1', '0', '0', '3', 'CN¥180.00', 'Low stock', 'Details'])
    const display = rowOf(table, 'SCR-S24')
    expect(display).not.toHaveClass('row-low')
    expect(within(display).getAllByRole('cell').slice(2, 5).map((cell) => cell.textContent)).toEqual(['5', '2', '0'])
    // A technician sees stock but no catalogue or correction actions.
    expect(screen.queryByRole('button', { name: 'New part' })).not.toBeInTheDocument()
    expect(within(screen.getByRole('navigation', { name: 'Parts sections' })).queryByRole('link', { name: 'Stocktake' })).not.toBeInTheDocument()
  })

  it('searches as you type and filters to low stock', async () => {
    openParts()
    const { server } = stockroom()
    const { user } = renderApp(server, 'en')
    const table = await screen.findByRole('table', { name: 'Parts' })
    expect(within(table).getAllByRole('row')).toHaveLength(4)

    await user.type(screen.getByLabelText('Search parts'), 'galaxy display')
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Parts' })).getAllByRole('row')).toHaveLength(2))
    expect(screen.getByRole('row', { name: /SCR-S24/ })).toBeInTheDocument()
    expect(server.callsTo('parts.search').at(-1)).toEqual({ query: 'galaxy display', lowStockOnly: false, includeInactive: false, limit: 200 })

    await user.type(screen.getByLabelText('Search parts'), ' nothing')
    expect(await screen.findByText('No parts match.')).toBeInTheDocument()

    await user.clear(screen.getByLabelText('Search parts'))
    await user.click(screen.getByLabelText('Low stock only'))
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Parts' })).getAllByRole('row')).toHaveLength(2))
    expect(screen.getByRole('row', { name: /BAT-RN13/ })).toHaveClass('row-low')
  })

  it('opens a part: its facts, compatible models and movements, newest first', async () => {
    openParts()
    const { server } = stockroom('Wang Fang')
    const { user } = renderApp(server, 'en')
    await user.click(await screen.findByRole('button', { name: 'Details of SCR-S24' }))
    expect(await screen.findByRole('heading', { level: 2, name: 'SCR-S24 — Galaxy S24 display assembly' })).toHaveFocus()
    const detail = screen.getByRole('region', { name: 'SCR-S24 — Galaxy S24 display assembly' })
    expect(await within(detail).findByText('Samsung Galaxy S24 (SM-S921B)')).toBeInTheDocument()
    expect(within(detail).getByText('GH82-33364A')).toBeInTheDocument()
    expect(within(detail).getByText('CN¥600.00')).toBeInTheDocument()
    expect(within(detail).queryByRole('group', { name: 'Owner actions' })).not.toBeInTheDocument()

    const history = await within(detail).findByRole('table', { name: 'Movements, newest first' })
    const rows = within(history).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(2)
    expect(within(rows[0]!).getAllByRole('cell').map((cell) => cell.textContent).slice(1)).toEqual(['Samsung consigned', '+2', '2', '', 'Li Wei', 'Supplier Seed supplier'])
    expect(within(rows[1]!).getAllByRole('cell').map((cell) => cell.textContent).slice(1)).toEqual(['Shop stock', '+5', '5', '', 'Li Wei', 'Supplier Seed supplier · Cost CN¥600.00 each'])
    expect(screen.getByText('Movements shown: 2')).toBeInTheDocument()
    expect(server.callsTo('stock.movements')).toEqual([{ partId: server.stock.parts[0]!.id, limit: 50 }])

    await user.click(within(detail).getByRole('button', { name: 'Close details' }))
    expect(screen.queryByRole('region', { name: /SCR-S24 —/ })).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Details of SCR-S24' })).toHaveFocus()
  })
})
