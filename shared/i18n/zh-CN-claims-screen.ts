import type { Messages } from './en'
import type { enClaimsScreen } from './en-claims-screen'

// claimsScreen 的简体中文文本；键集合与 en-claims-screen.ts 一致（由类型保证）。

export const zhCNClaimsScreen: Pick<Messages, keyof typeof enClaimsScreen> = {
  claimsScreen: {
    title: 'ClaimsScreen',
  },
}
