import { useTranslation } from 'react-i18next'
import type { ManufacturerDto } from '../../../../../shared/dto/catalog'
import type { FaultCodeDto } from '../../../../../shared/dto/workflow'
import type { FaultCodeKind } from '../../../../../shared/repair'

interface Props {
  kind: FaultCodeKind
  manufacturer: ManufacturerDto
  codes: FaultCodeDto[]
  isOwner: boolean
  onEdit: (id: number) => void
  onToggle: (code: FaultCodeDto) => void
}

/** One kind of a manufacturer's codes; inactive ones stay listed (old tickets use them), marked in words. */
export function FaultCodeTable({ kind, manufacturer, codes, isOwner, onEdit, onToggle }: Props) {
  const { t } = useTranslation()
  const kindName = t(`repair.faultCodeKind.${kind}`)
  const title = t('faultCodeSettings.listTitle', { kind: kindName, manufacturer: manufacturer.name })
  return (
    <div className="fault-code-list">
      <h3 id={`fault-codes-${kind}-title`}>{title}</h3>
      {codes.length === 0 ? (
        <p className="empty-state">{t('faultCodeSettings.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table table-compact" aria-labelledby={`fault-codes-${kind}-title`}>
            <thead>
              <tr>
                <th scope="col">{t('faultCodeSettings.code')}</th>
                <th scope="col">{t('faultCodeSettings.description')}</th>
                <th scope="col">{t('faultCodeSettings.status')}</th>
                {isOwner && <th scope="col">{t('faultCodeSettings.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {codes.map((code) => (
                <tr key={code.id} className={code.active ? undefined : 'row-inactive'}>
                  <th scope="row" className="mono">
                    {code.code}
                  </th>
                  <td>{code.description}</td>
                  <td>{code.active ? t('faultCodeSettings.active') : t('faultCodeSettings.inactive')}</td>
                  {isOwner && (
                    <td>
                      <div className="row-actions">
                        <button type="button" id={`fault-code-edit-${code.id}`} className="button button-small" aria-label={t('faultCodeSettings.editLabel', { code: code.code })} onClick={() => onEdit(code.id)}>
                          {t('common.edit')}
                        </button>
                        <button
                          type="button"
                          className="button button-small"
                          aria-label={t(code.active ? 'faultCodeSettings.deactivateLabel' : 'faultCodeSettings.reactivateLabel', { code: code.code })}
                          onClick={() => onToggle(code)}
                        >
                          {code.active ? t('faultCodeSettings.deactivate') : t('faultCodeSettings.reactivate')}
                        </button>
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
