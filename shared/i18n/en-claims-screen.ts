// English text of the claimsScreen UI. Spread into `en` (en.ts); zh-CN-claims-screen.ts must have the same keys.

export const enClaimsScreen = {
  claimsScreen: {
    title: 'ClaimsScreen',
  },
}
