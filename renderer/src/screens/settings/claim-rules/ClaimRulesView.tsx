import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ManufacturerDto } from '../../../../../shared/dto/catalog'
import type { ClaimRulesDto } from '../../../../../shared/dto/claims'
import { repairTiers } from '../../../../../shared/repair'
import { useShopFormat } from '../../../shop-format'
import './claim-rules.css'

/** A manufacturer's claim rules as a technician sees them: the same facts, nothing editable, never the token. */
export function ClaimRulesView({ manufacturer, rules }: { manufacturer: ManufacturerDto; rules: ClaimRulesDto }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const notSet = <span className="muted">{t('claimRules.view.notSet')}</span>
  const rows: [string, ReactNode][] = [
    ...repairTiers.map((tier): [string, ReactNode] => [t(`claimRules.pay.labour.${tier}`), rules.labourRates[tier] === null ? notSet : format.money(rules.labourRates[tier])]),
    [t('claimRules.pay.markup'), format.percent(rules.partsMarkupBp)],
    [t('claimRules.deadlines.claimWindowDays'), String(rules.claimWindowDays)],
    [t('claimRules.deadlines.defectiveReturnDays'), String(rules.defectiveReturnDays)],
    [
      t('claimRules.required.legend'),
      rules.requiredFields.length ? (
        <ul>
          {rules.requiredFields.map((field) => (
            <li key={field}>{t(`claimRules.required.field.${field}`)}</li>
          ))}
        </ul>
      ) : (
        <span className="muted">{t('claimRules.view.noneRequired')}</span>
      ),
    ],
    [
      t('claimRules.view.formats'),
      [...rules.exportProfile.formats.map((f) => t(`claimRules.export.format.${f}`)), ...(rules.exportProfile.csvBom ? [t('claimRules.view.bomYes')] : [])].join(t('common.listSeparator')),
    ],
    [t('claimRules.view.endpoint'), rules.syncUrl ? <span className="mono">{rules.syncUrl}</span> : <span className="muted">{t('claimRules.view.filesOnly')}</span>],
    [t('claimRules.view.token'), rules.syncTokenSet ? t('claimRules.sync.stored') : t('claimRules.sync.none')],
  ]
  const caption = t('claimRules.view.columnsCaption', { name: manufacturer.name })
  return (
    <div className="subform claim-rules-view">
      <h3>{t('claimRules.formTitle', { name: manufacturer.name })}</h3>
      <dl className="readonly-list">
        {rows.map(([label, value]) => (
          <div key={label} className="readonly-row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="table-scroll">
        <table className="table table-compact">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('claimRules.export.position')}</th>
              <th scope="col">{t('claimRules.export.fieldColumn')}</th>
              <th scope="col">{t('claimRules.export.headerColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {rules.exportProfile.columns.map((column, index) => (
              <tr key={column.field}>
                <td className="claim-rules-position">{index + 1}</td>
                <th scope="row">{t(`claimRules.export.field.${column.field}`)}</th>
                <td className="mono">{column.header}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
