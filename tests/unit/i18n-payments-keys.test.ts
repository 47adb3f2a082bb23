import { describe, expect, it } from 'vitest'
import { resources } from '../../shared/i18n'
import { enMoneyErrors, enMoneyValidation } from '../../shared/i18n/en-money'
import { enPayments } from '../../shared/i18n/en-payments'
import { zhCNPayments } from '../../shared/i18n/zh-CN-payments'
import { supportedLocales } from '../../shared/locales'
import { cashMovementKinds, paymentKinds, paymentMethods } from '../../shared/payments'

// The payments issue's message keys: the refusals its channels emit, and the display keys the
// renderer builds from vocabulary lists (`payments.method.${method}`), which the source scan in
// i18n-keys cannot see.

function lookup(tree: object, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree)
}

function flatten(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : flatten(value as object, `${prefix}${key}.`)))
}

const backendKeys = [...Object.keys(enMoneyErrors).map((k) => `errors.${k}`), ...Object.keys(enMoneyValidation).map((k) => `validation.${k}`)]
const displayKeys = [
  ...paymentMethods.map((method) => `payments.method.${method}`),
  ...paymentKinds.map((kind) => `payments.kind.${kind}`),
  ...paymentKinds.map((kind) => `paymentPrint.title.${kind}`),
  ...cashMovementKinds.flatMap((kind) => [`cash.kind.${kind}`, `cash.movementDone.${kind}`]),
]

describe('payments message keys', () => {
  it('has the same keys in the English and Chinese payments text', () => {
    expect(flatten(zhCNPayments).sort()).toEqual(flatten(enPayments).sort())
  })

  it.each(supportedLocales)('%s has every money refusal and every vocabulary display key', (locale) => {
    const missing = [...backendKeys, ...displayKeys].filter((key) => {
      const value = lookup(resources[locale].translation, key)
      return typeof value !== 'string' || value.trim() === ''
    })
    expect(missing).toEqual([])
  })

  it('names the payment methods as the counter says them in Chinese', () => {
    expect(paymentMethods.map((method) => lookup(resources['zh-CN'].translation, `payments.method.${method}`))).toEqual(['现金', '刷卡', '微信支付', '支付宝', '银行转账', '其他'])
  })
})
