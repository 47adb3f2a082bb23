// Choices for the currency and time-zone selects, straight from the runtime's Intl data.

export function currencyOptions(locale: string, current: string): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([locale], { type: 'currency' })
  const codes = withCurrent(Intl.supportedValuesOf('currency'), current)
  return codes.map((code) => ({ value: code, label: `${code} — ${names.of(code) ?? code}` }))
}

export function timeZoneOptions(current: string): string[] {
  return withCurrent(Intl.supportedValuesOf('timeZone'), current)
}

/** The browser's zone, e.g. "Asia/Shanghai" (it may be an alias such as "UTC" missing from the list). */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

function withCurrent(values: string[], current: string): string[] {
  return current && !values.includes(current) ? [current, ...values] : values
}
