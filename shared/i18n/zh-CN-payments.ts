import type { Messages } from './en'
import type { enPayments } from './en-payments'

// payments 页面的简体中文文本；键集合与 en-payments.ts 一致（由类型保证）。

export const zhCNPayments: Pick<Messages, keyof typeof enPayments> = {}
