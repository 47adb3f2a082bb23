import type { Messages } from './en'
import type { enReports } from './en-reports'

// reports 页面的简体中文文本；键集合与 en-reports.ts 一致（由类型保证）。

export const zhCNReports: Pick<Messages, keyof typeof enReports> = {}
