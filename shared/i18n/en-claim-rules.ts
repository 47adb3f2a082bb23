// English text of the claimRules UI. Spread into `en` (en.ts); zh-CN-claim-rules.ts must have the same keys.

export const enClaimRules = {
  claimRules: {
    title: 'ClaimRules',
  },
}
