import { randomInt } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { expect, it } from 'vitest'
import { checkLedger, type Acknowledged } from '../support/crash-ledger'
import { seededRandom, startLoad, type LoadStats } from '../support/crash-load'
import { ensureServerBundle, rpcMust, startCrashServer, type CrashServer } from '../support/crash-server'

// Crash safety, tested: the web-mode server runs as a child process on a file ledger while
// several writes are in flight, and is killed with SIGKILL at random moments, again and again.
// After each kill the ledger file is opened read-only, before anything else touches it: every
// write whose ok answer reached us must be there, no transaction may be half there, and SQLite
// must find the file sound. Replay a failure with CRASH_SEED=<seed>; CRASH_KILLS sets the count.

const seed = process.env.CRASH_SEED ? Number(process.env.CRASH_SEED) : randomInt(2 ** 31)
const kills = process.env.CRASH_KILLS ? Number(process.env.CRASH_KILLS) : 24
const concurrency = 4
const maxAcksPerCycle = 60
const maxLoadMsPerCycle = 1200
const ownerPin = '246810'

const shop = { shopName: '好修通讯维修店', address: '上海市徐汇区漕溪北路 88 号', phone: '021-5555 0100', currency: 'CNY', timeZone: 'Asia/Shanghai', locale: 'zh-CN' }

async function signInOwner(server: CrashServer): Promise<void> {
  const choices = await rpcMust<{ id: number; role: string }[]>(server, 'auth.staffChoices', {})
  const owner = choices.find((s) => s.role === 'owner')
  if (!owner) throw new Error('no owner to sign in')
  await rpcMust(server, 'auth.signIn', { staffId: owner.id, pin: ownerPin })
}

it(`keeps every acknowledged write through ${kills} SIGKILLs of the web server`, { timeout: 180_000 }, async () => {
  console.log(`crash-safety: seed=${seed} (replay: CRASH_SEED=${seed}), server: ${ensureServerBundle()}`)
  const startedAt = Date.now()
  // Separate streams: the kill schedule replays exactly from the seed whatever the timing.
  const schedule = seededRandom(seed)
  const loadRandom = seededRandom(seed ^ 0x5bd1e995)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-crash-'))
  const databasePath = path.join(dir, 'ledger.sqlite3')
  const acked: Acknowledged = { tickets: new Map(), payments: new Map() }
  const stats: LoadStats = { sent: 0, acknowledged: 0, cut: 0, refused: [] }
  const failures: string[] = []
  let inFlightAtKills = 0
  let killed = 0
  let committedUnacknowledged = 0
  let server = await startCrashServer(databasePath)
  try {
    await rpcMust(server, 'setup.complete', { shop, owner: { name: '王店主', pin: ownerPin } })
    const [model] = await rpcMust<{ id: number }[]>(server, 'models.search', { query: 'Galaxy S24' })
    if (!model) throw new Error('no seeded Galaxy S24')

    for (let kill = 1; kill <= kills; kill++) {
      if (kill > 1) {
        server = await startCrashServer(databasePath)
        await signInOwner(server)
      }
      const load = startLoad({ server, random: loadRandom, acked, modelId: model.id, tag: `${seed}-${kill}`, concurrency }, stats)
      // Let a random number of writes through (or a while pass, on a slow machine), then kill
      // 5–80 ms later: writes go back to back, so the kill lands inside one.
      const target = Math.floor(schedule() * maxAcksPerCycle)
      const until = Date.now() + maxLoadMsPerCycle
      while (load.acknowledged() < target && Date.now() < until) await sleep(2)
      await sleep(5 + Math.floor(schedule() * 76))
      inFlightAtKills += load.inFlight()
      const settled = load.stop()
      await server.kill()
      await settled
      killed++

      const check = checkLedger(databasePath, acked)
      committedUnacknowledged = check.committedUnacknowledged
      const at = `after kill ${kill} (seed ${seed})`
      failures.push(...check.lost.map((l) => `${at}: lost ${l}`), ...check.halfWritten.map((h) => `${at}: half-written ${h}`))
      if (check.integrity !== 'ok') failures.push(`${at}: integrity_check ${check.integrity}`)
      if (check.foreignKeyViolations > 0) failures.push(`${at}: ${check.foreignKeyViolations} foreign key violations`)
      if (check.auditChainBreak) failures.push(`${at}: audit chain broken at ${check.auditChainBreak}`)
      failures.push(...stats.refused.splice(0).map((r) => `${at}: refused ${r}`))
      if (failures.length > 0) break
    }

    // A last clean start on the survivor: the server itself reads every acknowledged write back
    // and its own audit check agrees.
    server = await startCrashServer(databasePath)
    await signInOwner(server)
    const verify = await rpcMust<{ ok: boolean; checked: number }>(server, 'audit.verify', {})
    if (!verify.ok) failures.push(`audit.verify after the last restart: ${JSON.stringify(verify)}`)
    for (const t of acked.tickets.values()) {
      const detail = await rpcMust<{ number: string }>(server, 'tickets.get', { id: t.id })
      if (detail.number !== t.number) failures.push(`tickets.get ${t.id} answers ${detail.number}, acknowledged ${t.number}`)
    }
    await server.stop()

    const lost = failures.filter((f) => f.includes(': lost ')).length
    const seconds = ((Date.now() - startedAt) / 1000).toFixed(1)
    console.log(
      `crash-safety: ${killed} kills, ${stats.acknowledged.toLocaleString('en-US')} acknowledged writes ` +
        `(${acked.tickets.size} tickets, ${acked.payments.size} payments), ${lost} lost, ` +
        `${stats.cut} cut by the kill (${inFlightAtKills} in flight at the kills, ${committedUnacknowledged} committed unanswered), ` +
        `${failures.length - lost} other failures, ${seconds} s, seed=${seed}`,
    )
    expect(failures).toEqual([])
    expect(killed).toBe(kills)
    expect(stats.acknowledged).toBeGreaterThan(kills)
    // Every kill cut calls off mid-flight: it landed while writes were under way.
    expect(stats.cut).toBeGreaterThanOrEqual(kills)
  } finally {
    await server.kill()
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
