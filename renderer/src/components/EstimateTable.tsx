import type { EstimateDto } from '../../../shared/dto/workflow'
import { LinesTable } from './LinesTable'

/** An estimate's lines with net, tax and total, as the ledger computed them; on screen and on paper. */
export function EstimateTable({ estimate, caption, className, withKind }: { estimate: EstimateDto; caption: string; className?: string; withKind?: boolean }) {
  return <LinesTable lines={estimate.lines} totals={estimate} describe={(line) => line.description} caption={caption} {...(className && { className })} {...(withKind !== undefined && { withKind })} />
}
