import { useTranslation } from 'react-i18next'
import { addDaysToDate, isBusinessDate } from '../../../../shared/dates'
import { Field } from '../../components/Field'
import { useFocusOnMount } from '../../components/useFocusOnMount'
import { dailyReportPrintHref } from '../../routes'

interface DailyControlsProps {
  date: string
  today: string
  /** The ledger's message about the date, shown by the field. */
  error: string | undefined
  onChange: (date: string) => void
  onRefresh: () => void
  refreshing: boolean
}

/**
 * The day picker: a native date field (typed or stepped with the arrow keys), buttons for the
 * day before, today and the day after, the print page and a refresh for a day still going on.
 * The report follows the field at once; there is nothing to submit.
 */
export function DailyControls({ date, today, error, onChange, onRefresh, refreshing }: DailyControlsProps) {
  const { t } = useTranslation()
  const dateField = useFocusOnMount<HTMLInputElement>()
  const valid = isBusinessDate(date)
  const step = (days: number) => onChange(addDaysToDate(valid ? date : today, days))
  return (
    <form className="report-controls" aria-label={t('reports.daily.controls')} onSubmit={(event) => event.preventDefault()}>
      <Field id="report-day" label={t('reports.daily.date')} hint={t('reports.daily.dateHint')} error={error}>
        {(control) => <input {...control} ref={dateField} type="date" value={date} onChange={(event) => onChange(event.target.value)} />}
      </Field>
      <div className="report-controls-buttons">
        <button type="button" className="button" onClick={() => step(-1)}>
          {t('reports.daily.previous')}
        </button>
        <button type="button" className="button" onClick={() => onChange(today)}>
          {t('reports.daily.today')}
        </button>
        <button type="button" className="button" onClick={() => step(1)}>
          {t('reports.daily.next')}
        </button>
        <button type="button" className="button" onClick={onRefresh} aria-busy={refreshing || undefined}>
          {t('reports.refresh')}
        </button>
        {valid && (
          <a className="button button-primary" href={dailyReportPrintHref(date)}>
            {t('reports.daily.print')}
          </a>
        )}
      </div>
    </form>
  )
}
