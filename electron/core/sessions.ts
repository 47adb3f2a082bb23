// Who is signed in, per client: an Electron window (`ipc:<webContents id>`) or a web-mode token.
// Kept in memory on purpose: restarting the app signs everyone out.

export interface Session {
  staffId: number
  signedInAtMs: number
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>()

  get(clientKey: string): Session | undefined {
    return this.sessions.get(clientKey)
  }

  set(clientKey: string, session: Session): void {
    this.sessions.set(clientKey, session)
  }

  delete(clientKey: string): void {
    this.sessions.delete(clientKey)
  }

  /** Everyone signs in again (after a restore, the staff may not be the same). */
  clear(): void {
    this.sessions.clear()
  }
}
