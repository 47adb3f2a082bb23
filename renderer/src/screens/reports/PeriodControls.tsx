import { useTranslation } from 'react-i18next'
import { addDaysToDate, addMonthsToDate } from '../../../../shared/dates'
import { Field } from '../../components/Field'
import { useFocusOnMount } from '../../components/useFocusOnMount'

interface PeriodControlsProps {
  from: string
  to: string
  today: string
  /** The ledger's messages by field ('from', 'to'), e.g. a reversed or too-long period. */
  errors: Record<string, string> | null
  onChange: (period: { from: string; to: string }) => void
  onRefresh: () => void
  refreshing: boolean
}

/** From/to date fields and the usual periods one key press away; the metrics follow at once. */
export function PeriodControls({ from, to, today, errors, onChange, onRefresh, refreshing }: PeriodControlsProps) {
  const { t } = useTranslation()
  const fromField = useFocusOnMount<HTMLInputElement>()
  const monthStart = `${today.slice(0, 8)}01`
  const lastMonthStart = addMonthsToDate(monthStart, -1)
  const presets: [string, { from: string; to: string }][] = [
    [t('reports.period.thisMonth'), { from: monthStart, to: today }],
    [t('reports.period.lastMonth'), { from: lastMonthStart, to: addDaysToDate(monthStart, -1) }],
    [t('reports.period.last30'), { from: addDaysToDate(today, -29), to: today }],
  ]
  return (
    <form className="report-controls" aria-label={t('reports.period.controls')} onSubmit={(event) => event.preventDefault()}>
      <Field id="report-from" label={t('reports.period.from')} error={errors?.from}>
        {(control) => <input {...control} ref={fromField} type="date" value={from} onChange={(event) => onChange({ from: event.target.value, to })} />}
      </Field>
      <Field id="report-to" label={t('reports.period.to')} hint={t('reports.period.hint')} error={errors?.to}>
        {(control) => <input {...control} type="date" value={to} onChange={(event) => onChange({ from, to: event.target.value })} />}
      </Field>
      <div className="report-controls-buttons">
        {presets.map(([label, period]) => (
          <button key={label} type="button" className="button" onClick={() => onChange(period)} aria-pressed={period.from === from && period.to === to}>
            {label}
          </button>
        ))}
        <button type="button" className="button" onClick={onRefresh} aria-busy={refreshing || undefined}>
          {t('reports.refresh')}
        </button>
      </div>
    </form>
  )
}
