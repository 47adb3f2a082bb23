// Web mode is opened as http://127.0.0.1:<port>/#token=<token>. The token is moved into
// sessionStorage (so a reload in the same tab still works) and scrubbed from the visible URL,
// so it does not linger in the address bar, history or a copied link.

const storageKey = 'repairLedger.token'

export function takeSessionToken(
  location: Location = window.location,
  storage: Storage = window.sessionStorage,
  history: History = window.history,
): string | null {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''))
  const fromHash = params.get('token')
  if (fromHash) {
    storage.setItem(storageKey, fromHash)
    history.replaceState(history.state, '', `${location.pathname}${location.search}`)
    return fromHash
  }
  return storage.getItem(storageKey)
}
