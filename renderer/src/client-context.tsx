import { createContext, useContext, type ReactNode } from 'react'
import type { RpcClient } from './api'

const ClientContext = createContext<RpcClient | null>(null)

/** Makes the typed client injectable: the app passes the real transport, tests an in-process fake. */
export function ClientProvider({ client, children }: { client: RpcClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>
}

export function useClient(): RpcClient {
  const client = useContext(ClientContext)
  if (!client) throw new Error('useClient() needs a <ClientProvider>')
  return client
}
