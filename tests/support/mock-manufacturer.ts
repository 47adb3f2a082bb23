import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ClaimBatchAck, ClaimBatchRequest } from '../../shared/sync-wire'

// A manufacturer's claim endpoint on 127.0.0.1 for the sync tests. It keeps what it received by
// Idempotency-Key (as a real endpoint must), answers a repeated key with 409 and the earlier
// acknowledgement, and can be told how to misbehave for the next requests.

export type Behaviour =
  | 'ack' // 200 with a proper acknowledgement
  | 'drop' // accept the batch, then cut the connection before answering (a restart mid-batch)
  | 'hang' // never answer (a timeout)
  | 'error500'
  | 'malformed' // 200 with a body that is not an acknowledgement
  | { status: number; body: string }

export interface Received {
  key: string | undefined
  authorization: string | undefined
  body: string
}

export interface MockManufacturer {
  url: string
  port: number
  received: Received[]
  /** Acknowledgements given, by key: each batch is acknowledged once here, whatever the retries. */
  acks: Map<string, ClaimBatchAck>
  /** Behaviours for the next requests, in order; 'ack' once they run out. */
  next(...behaviours: Behaviour[]): void
  /** Which claims to reject (by claim number) with a reason. */
  rejects: Map<string, string>
  close(): Promise<void>
  /** Stops listening and starts again on the same port, keeping what it received. */
  restart(): Promise<void>
}

export async function startMockManufacturer(port = 0): Promise<MockManufacturer> {
  const queue: Behaviour[] = []
  const received: Received[] = []
  const acks = new Map<string, ClaimBatchAck>()
  const rejects = new Map<string, string>()
  const hanging = new Set<http.ServerResponse>()

  const ackFor = (request: ClaimBatchRequest): ClaimBatchAck => ({
    batch: request.batch.number,
    claims: request.claims.map((c) => {
      const reason = rejects.get(c.claim_number)
      return reason ? { claim_number: c.claim_number, revision: c.revision, status: 'rejected' as const, reason } : { claim_number: c.claim_number, revision: c.revision, status: 'received' as const, reference: `MFR-${c.claim_number}-${c.revision}` }
    }),
  })

  const handler: http.RequestListener = (req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const key = req.headers['idempotency-key'] as string | undefined
      received.push({ key, authorization: req.headers.authorization, body })
      const behaviour = queue.shift() ?? 'ack'
      const send = (status: number, text: string) => res.writeHead(status, { 'content-type': 'application/json' }).end(text)
      if (behaviour === 'hang') {
        hanging.add(res)
        return
      }
      if (typeof behaviour === 'object') return send(behaviour.status, behaviour.body)
      if (behaviour === 'error500') return send(500, JSON.stringify({ error: { message: 'database unavailable' } }))
      if (behaviour === 'malformed') return send(200, JSON.stringify({ ok: true, thanks: 'received' }))
      if (key && acks.has(key)) return send(409, JSON.stringify(acks.get(key)))
      const ack = ackFor(JSON.parse(body) as ClaimBatchRequest)
      if (key) acks.set(key, ack)
      if (behaviour === 'drop') {
        req.socket.destroy()
        return
      }
      send(200, JSON.stringify(ack))
    })
  }

  let server = http.createServer(handler)
  const listen = (p: number) => new Promise<number>((resolve) => server.listen(p, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)))
  const boundPort = await listen(port)
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const res of hanging) res.destroy()
      hanging.clear()
      server.close(() => resolve())
      server.closeAllConnections()
    })

  return {
    url: `http://127.0.0.1:${boundPort}/claims/batches`,
    port: boundPort,
    received,
    acks,
    rejects,
    next: (...behaviours) => queue.push(...behaviours),
    close: stop,
    async restart() {
      await stop()
      server = http.createServer(handler)
      await listen(boundPort)
    },
  }
}
