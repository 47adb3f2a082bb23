import { useTranslation } from 'react-i18next'
import type { FaultCodeDto } from '../../../../shared/dto/workflow'
import { faultCodeKinds, type FaultCodeKind } from '../../../../shared/repair'
import { Field } from '../../components/Field'
import { LoadError, Loading } from '../../components/Feedback'
import { useFaultCodes } from '../../hooks'

interface FaultCodeSelectsProps {
  manufacturerId: number
  manufacturerName: string
  value: Record<FaultCodeKind, string>
  onChange: (kind: FaultCodeKind, code: string) => void
  errors: Record<string, string>
}

/** The four IRIS-style codes, each picked from the manufacturer's own active list of that kind. */
export function FaultCodeSelects({ manufacturerId, manufacturerName, value, onChange, errors }: FaultCodeSelectsProps) {
  const { t } = useTranslation()
  const codes = useFaultCodes(manufacturerId, false)
  const hintId = 'work-diagnose-codes-hint'
  return (
    <fieldset className="fault-codes" aria-describedby={hintId} aria-busy={codes.isPending || undefined}>
      <legend>{t('work.faultCodes')}</legend>
      <p id={hintId} className="field-hint">
        {t('workForm.faultCodesHint', { manufacturer: manufacturerName })}
      </p>
      {codes.isPending && <Loading />}
      {codes.isError && <LoadError error={codes.error} onRetry={() => void codes.refetch()} />}
      {codes.data?.length === 0 && <p className="empty-state">{t('workForm.noFaultCodes', { manufacturer: manufacturerName })}</p>}
      {codes.data && (
        <div className="form-row">
          {faultCodeKinds.map((kind) => (
            <Field key={kind} id={`work-diagnose-${kind}`} label={t(`repair.faultCodeKind.${kind}`)} error={errors[`faultCodes.${kind}`]}>
              {(control) => (
                <select {...control} value={value[kind]} onChange={(event) => onChange(kind, event.target.value)}>
                  <option value="">{t('workForm.choose')}</option>
                  {ofKind(codes.data, kind).map((code) => (
                    <option key={code.id} value={code.code}>
                      {codeLabel(code)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ))}
        </div>
      )}
    </fieldset>
  )
}

function ofKind(codes: FaultCodeDto[], kind: FaultCodeKind): FaultCodeDto[] {
  return codes.filter((code) => code.kind === kind && code.active)
}

/** "S01 — No power": the code the manufacturer reads, then what it means. */
export function codeLabel(code: Pick<FaultCodeDto, 'code' | 'description'>): string {
  return `${code.code} — ${code.description}`
}
