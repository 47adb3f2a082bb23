import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { seededServer } from './intake-fixtures'
import { renderApp } from './render-app'

function openSettings() {
  window.history.replaceState(null, '', '/#/settings')
}

describe('settings: fault codes', () => {
  it('shows a technician each manufacturer’s codes by kind, with nothing to edit', async () => {
    openSettings()
    const { server, xiaomi } = seededServer('Wang Fang')
    const { user } = renderApp(server, 'en')
    const symptoms = await screen.findByRole('table', { name: 'Symptom codes of Samsung' })
    expect(within(symptoms).getByRole('row', { name: /S01/ })).toHaveTextContent('S01不开机 / No powerActive')
    expect(screen.getByRole('table', { name: 'Repair codes of Samsung' })).toBeInTheDocument()
    expect(screen.getByText('Only an owner can add or change fault codes.')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Edit code S01' })).not.toBeInTheDocument()
    expect(screen.queryByRole('form', { name: /Add a fault code/ })).not.toBeInTheDocument()

    await user.selectOptions(screen.getByLabelText('Manufacturer'), 'Xiaomi')
    expect(await screen.findByRole('table', { name: 'Defect codes of Xiaomi' })).toBeInTheDocument()
    expect(server.callsTo('faultCodes.list').at(-1)).toEqual({ manufacturerId: xiaomi.id, includeInactive: true })
  })

  it('lets an owner add a code, refuse a bad one, edit a description and deactivate a code', async () => {
    openSettings()
    const { server, samsung } = seededServer('Li Wei')
    const { user } = renderApp(server, 'en')
    const add = await screen.findByRole('form', { name: 'Add a fault code for Samsung' })
    await user.selectOptions(within(add).getByLabelText('Kind'), 'Defect code')
    await user.type(within(add).getByLabelText('Code'), 'D 09')
    await user.type(within(add).getByLabelText('Description'), '排线断裂 / Flex cable broken')
    await user.click(within(add).getByRole('button', { name: 'Add code' }))
    expect(within(add).getByLabelText('Code')).toHaveAccessibleDescription(/Choose a code from the list./)
    expect(server.callsTo('faultCodes.upsert')).toEqual([])

    await user.clear(within(add).getByLabelText('Code'))
    await user.type(within(add).getByLabelText('Code'), 'D09')
    await user.click(within(add).getByRole('button', { name: 'Add code' }))
    expect(await within(add).findByText('Code D09 was saved.')).toBeInTheDocument()
    expect(server.callsTo('faultCodes.upsert')).toEqual([{ manufacturerId: samsung.id, kind: 'defect', code: 'D09', description: '排线断裂 / Flex cable broken', active: true }])
    const defects = screen.getByRole('table', { name: 'Defect codes of Samsung' })
    expect(await within(defects).findByRole('row', { name: /D09/ })).toHaveTextContent('Flex cable broken')

    await user.click(screen.getByRole('button', { name: 'Edit code S05' }))
    const edit = screen.getByRole('form', { name: 'Edit code S05' })
    const description = within(edit).getByLabelText('Description')
    expect(description).toHaveFocus()
    await user.clear(description)
    await user.type(description, '无信号 / No signal')
    await user.click(within(edit).getByRole('button', { name: 'Save code' }))
    const symptoms = screen.getByRole('table', { name: 'Symptom codes of Samsung' })
    await waitFor(() => expect(within(symptoms).getByRole('row', { name: /S05/ })).toHaveTextContent('S05无信号 / No signalActive'))

    await user.click(screen.getByRole('button', { name: 'Deactivate code S08' }))
    await waitFor(() => expect(within(symptoms).getByRole('row', { name: /S08/ })).toHaveTextContent('Inactive'))
    expect(screen.getByRole('button', { name: 'Reactivate code S08' })).toBeInTheDocument()
    expect(server.callsTo('faultCodes.upsert').at(-1)).toEqual({ manufacturerId: samsung.id, kind: 'symptom', code: 'S08', description: '死机或重启 / Freezes or restarts', active: false })
  })
})
