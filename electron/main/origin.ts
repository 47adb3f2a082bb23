// The one origin the renderer runs in. Checked by parsing scheme and host rather than comparing
// `URL.origin`: Node's URL parser treats `app:` as a non-special scheme whose origin is "null",
// even though Chromium (with the scheme registered as standard) gives it a real origin.
export const appScheme = 'app'
export const appHost = 'repair-ledger'
export const appOrigin = `${appScheme}://${appHost}`
export const appEntryUrl = `${appOrigin}/index.html`

/** The parsed URL when `value` is a well-formed `app://repair-ledger/...` URL, else null. */
export function parseAppUrl(value: string): URL | null {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return null
  }
  const ours = url.protocol === `${appScheme}:` && url.host === appHost && !url.username && !url.password
  return ours ? url : null
}

export function isAppUrl(value: string): boolean {
  return parseAppUrl(value) !== null
}
