import type { Messages } from './en'
import type { enClaimRules } from './en-claim-rules'

// claimRules 的简体中文文本；键集合与 en-claim-rules.ts 一致（由类型保证）。

export const zhCNClaimRules: Pick<Messages, keyof typeof enClaimRules> = {
  claimRules: {
    title: 'ClaimRules',
  },
}
