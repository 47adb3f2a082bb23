import { describe, expect, it } from 'vitest'
import { resources } from '../../shared/i18n'
import { supportedLocales } from '../../shared/locales'
import { contactChannels, decisionChannels, estimateLineKinds, faultCodeKinds, repairTiers, testResults, voidReasons } from '../../shared/repair'
import { ticketActions } from '../../shared/ticket-flow'

// The repair-workflow issue's message keys: what its handlers emit, and the display keys the
// renderer builds from vocabulary lists (`repair.tier.${tier}`), which the source scan cannot see.

function lookup(tree: object, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree)
}

function has(tree: object, key: string): boolean {
  const value = lookup(tree, key)
  return typeof value === 'string' && value.trim() !== ''
}

const backendKeys = [
  'errors.illegalTransition', 'errors.estimateOnWarranty', 'errors.approvalOnWarranty', 'errors.noEstimate',
  'errors.alreadyCompleted', 'errors.notCompleted', 'validation.faultCode', 'validation.faultCodeNotInList',
  'validation.repairTier', 'validation.warrantyDecision', 'validation.voidReason', 'validation.warrantyDecisionRequired',
  'validation.warrantyDecisionNotApplicable', 'validation.lineKind', 'validation.quantity', 'validation.lines',
  'validation.decision', 'validation.decisionVia', 'validation.feeOnlyWhenDeclined', 'validation.testResult',
  'validation.contactVia', 'validation.amount', 'validation.amountFraction', 'validation.amountNegative',
  'validation.amountTooLarge', 'validation.faultCodeKind',
]

const eventKinds = ['intake', 'startDiagnosis', 'diagnose', 'estimate', 'approve', 'decline', 'startRepair', 'complete', 'markReady', 'collect', 'cancel', 'assign', 'note', 'warranty_override']

const displayKeys = [
  ...repairTiers.map((v) => `repair.tier.${v}`),
  ...voidReasons.map((v) => `repair.voidReason.${v}`),
  ...decisionChannels.map((v) => `repair.decisionChannel.${v}`),
  ...contactChannels.map((v) => `repair.contactChannel.${v}`),
  ...testResults.map((v) => `repair.testResult.${v}`),
  ...estimateLineKinds.map((v) => `repair.lineKind.${v}`),
  ...faultCodeKinds.map((v) => `repair.faultCodeKind.${v}`),
  ...['confirmed', 'voided', 'not_applicable'].map((v) => `repair.warrantyDecision.${v}`),
  ...['repaired', 'unrepaired'].map((v) => `repair.outcome.${v}`),
  ...[...ticketActions, 'assign', 'addNote'].map((v) => `ticketAction.${v}`),
  ...[...ticketActions.filter((a) => a !== 'approve' && a !== 'decline'), 'decide', 'assign', 'addNote'].map((v) => `workForm.submit.${v}`),
  ...eventKinds.map((v) => `ticketEvent.${v}`),
]

describe('repair workflow message keys', () => {
  it.each(supportedLocales)('%s has every backend key and every vocabulary display key', (locale) => {
    const missing = [...backendKeys, ...displayKeys].filter((key) => !has(resources[locale].translation, key))
    expect(missing).toEqual([])
  })

  it('names both states of a refused transition', () => {
    for (const locale of supportedLocales) {
      const text = lookup(resources[locale].translation, 'errors.illegalTransition') as string
      expect(text).toContain('{{from}}')
      expect(text).toContain('{{to}}')
    }
  })
})
