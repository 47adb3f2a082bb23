import { createHash } from 'node:crypto'
import Papa from 'papaparse'
import type { BatchDetailDto, ExportedFileDto } from '../../shared/dto/claim-batches'
import { currencyDigits, minorToDecimalString } from '../../shared/money'

// The files of a batch export, built only from what the batch froze (its export profile, its
// claims' fields, its creation time), so exporting the same batch again gives the same bytes.

export interface ExportFile {
  name: string
  content: Buffer
}

interface FrozenPart {
  part_number?: unknown
  quantity?: unknown
  old_serial?: unknown
  new_serial?: unknown
}

/** A claim's parts in one CSV cell: "5P68C22600 x1 [old SN1 → new SN2]; SC98C11442 x2". */
function partsCell(parts: unknown): string {
  if (!Array.isArray(parts)) return ''
  return (parts as FrozenPart[])
    .map((p) => {
      const serials = p.old_serial || p.new_serial ? ` [old ${String(p.old_serial || '-')} → new ${String(p.new_serial || '-')}]` : ''
      return `${String(p.part_number ?? '')} x${String(p.quantity ?? '')}${serials}`
    })
    .join('; ')
}

function csvValue(field: string, value: unknown): string {
  if (field === 'parts') return partsCell(value)
  if (value === null || value === undefined) return ''
  return String(value)
}

export const sha256 = (content: Buffer): string => createHash('sha256').update(content).digest('hex')

/** How far an export has got: claims written into a file so far, of all of them. */
export type ExportProgress = (phase: 'csv' | 'json', done: number, total: number) => void

/** Rows per CSV chunk: between chunks the export yields, so the app answers other calls meanwhile. */
const chunkRows = 500

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * The data files of the batch's profile, then manifest.json (which hashes them). The CSV is built
 * in chunks of rows (the same bytes as one pass), reporting progress after each.
 */
export async function batchExportFiles(batch: BatchDetailDto, progress: ExportProgress = () => {}): Promise<ExportFile[]> {
  const { columns, formats, csvBom } = batch.exportProfile
  const total = batch.claims.length
  const files: ExportFile[] = []
  if (formats.includes('csv')) {
    const parts: string[] = [Papa.unparse({ fields: columns.map((c) => c.header), data: [] }, { newline: '\r\n', quotes: false, header: true })]
    for (let start = 0; start < total; start += chunkRows) {
      const rows = batch.claims.slice(start, start + chunkRows).map((claim) => columns.map((c) => csvValue(c.field, claim.fields[c.field])))
      parts.push(Papa.unparse(rows, { newline: '\r\n', quotes: false, header: false }))
      progress('csv', Math.min(total, start + chunkRows), total)
      await yieldToOthers()
    }
    files.push({ name: 'claims.csv', content: Buffer.from(`${csvBom ? '\uFEFF' : ''}${parts.join('\r\n')}\r\n`, 'utf8') })
  }
  if (formats.includes('json')) {
    const claims = batch.claims.map((claim) => Object.fromEntries(columns.map((c) => [c.header, claim.fields[c.field] ?? null])))
    const body = { batch: batch.number, manufacturer: batch.manufacturer.code, claims }
    files.push({ name: 'claims.json', content: Buffer.from(`${JSON.stringify(body, null, 2)}\n`, 'utf8') })
    progress('json', total, total)
  }
  // The defective parts that go back with this batch, for the packing list: from the frozen claim
  // fields only, so a re-export stays byte-identical whatever happens to the claims later.
  const returns = batch.claims.flatMap((claim) =>
    (Array.isArray(claim.fields.parts) ? (claim.fields.parts as (FrozenPart & { name?: unknown; return_required?: unknown })[]) : [])
      .filter((p) => p.return_required === true)
      .map((p) => [claim.number, String(p.part_number ?? ''), String(p.name ?? ''), String(p.quantity ?? ''), String(p.old_serial ?? '')]),
  )
  if (returns.length > 0) {
    const csv = Papa.unparse({ fields: ['claim_number', 'part_number', 'name', 'quantity', 'old_serial'], data: returns }, { newline: '\r\n', quotes: false, header: true })
    files.push({ name: 'parts-to-return.csv', content: Buffer.from(`${csvBom ? '\uFEFF' : ''}${csv}\r\n`, 'utf8') })
  }
  const digits = currencyDigits(batch.currency)
  const money = (minor: number) => minorToDecimalString(minor, digits)
  const listed: ExportedFileDto[] = files.map((f) => ({ name: f.name, bytes: f.content.length, sha256: sha256(f.content) }))
  const manifest = {
    batchId: batch.id,
    batchNumber: batch.number,
    manufacturer: { code: batch.manufacturer.code, name: batch.manufacturer.name },
    createdAt: new Date(batch.createdAtMs).toISOString(),
    currency: batch.currency,
    claimCount: batch.claimCount,
    totals: { labour: money(batch.labourMinor), parts: money(batch.partsMinor), total: money(batch.totalMinor) },
    claims: batch.claims.map((c) => ({ number: c.number, revision: c.revision, total: money(c.totalMinor) })),
    files: listed,
  }
  files.push({ name: 'manifest.json', content: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') })
  return files
}
