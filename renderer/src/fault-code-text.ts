import { useTranslation } from 'react-i18next'
import { faultCodeKinds, type FaultCodeKind } from '../../shared/repair'
import { useFaultCodes } from './hooks'

export interface FaultCodeText {
  /** The list has answered (or failed, and codes show alone): paper can be printed. */
  settled: boolean
  /** What a recorded code means, from the manufacturer's list (inactive codes too: old tickets keep theirs). */
  description(kind: FaultCodeKind, code: string): string | null
  /** "Symptom code: S01 — No power", one per kind, for the screen and for paper. */
  lines(codes: Record<FaultCodeKind, string>): string[]
}

/** Recorded fault codes in words; until the list loads (or for a code since removed) the code alone. */
export function useFaultCodeText(manufacturerId: number): FaultCodeText {
  const { t } = useTranslation()
  const query = useFaultCodes(manufacturerId, true)
  const list = query.data
  const description = (kind: FaultCodeKind, code: string) => list?.find((c) => c.kind === kind && c.code === code)?.description ?? null
  return {
    settled: !query.isPending,
    description,
    lines: (codes) =>
      faultCodeKinds.map((kind) => {
        const meaning = description(kind, codes[kind])
        return `${t(`repair.faultCodeKind.${kind}`)}: ${codes[kind]}${meaning ? ` — ${meaning}` : ''}`
      }),
  }
}
