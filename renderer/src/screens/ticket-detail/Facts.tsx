import { useTranslation } from 'react-i18next'

/** Label/value pairs as a description list; an empty value reads "Not set". */
export function Facts({ rows }: { rows: [string, string][] }) {
  const { t } = useTranslation()
  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd className={value ? undefined : 'muted'}>{value || t('common.notSet')}</dd>
        </div>
      ))}
    </dl>
  )
}
