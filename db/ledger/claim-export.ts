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

/** The data files of the batch's profile, then manifest.json (which hashes them). */
export function batchExportFiles(batch: BatchDetailDto): ExportFile[] {
  const { columns, formats, csvBom } = batch.exportProfile
  const files: ExportFile[] = []
  if (formats.includes('csv')) {
    const csv = Papa.unparse(
      { fields: columns.map((c) => c.header), data: batch.claims.map((claim) => columns.map((c) => csvValue(c.field, claim.fields[c.field]))) },
      { newline: '\r\n', quotes: false, header: true },
    )
    files.push({ name: 'claims.csv', content: Buffer.from(`${csvBom ? '\uFEFF' : ''}${csv}\r\n`, 'utf8') })
  }
  if (formats.includes('json')) {
    const claims = batch.claims.map((claim) => Object.fromEntries(columns.map((c) => [c.header, claim.fields[c.field] ?? null])))
    const body = { batch: batch.number, manufacturer: batch.manufacturer.code, claims }
    files.push({ name: 'claims.json', content: Buffer.from(`${JSON.stringify(body, null, 2)}\n`, 'utf8') })
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
