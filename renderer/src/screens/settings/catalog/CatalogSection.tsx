import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ManufacturerDto } from '../../../../../shared/dto/catalog'
import { useClient } from '../../../client-context'
import { LoadError, Loading } from '../../../components/Feedback'
import { queryKeys } from '../../../query'
import { ManufacturerForm } from './ManufacturerForm'
import { ModelsPanel } from './ModelsPanel'

/** Settings → manufacturers and their models: an owner edits, a technician reads. */
export function CatalogSection({ isOwner }: { isOwner: boolean }) {
  const { t } = useTranslation()
  const client = useClient()
  const list = useQuery({ queryKey: queryKeys.manufacturerList(true), queryFn: () => client.call('manufacturers.list', { includeInactive: true }) })
  const [editingId, setEditingId] = useState<number | null>(null)
  const [modelsOfId, setModelsOfId] = useState<number | null>(null)
  const editing = list.data?.find((m) => m.id === editingId)
  const modelsOf = list.data?.find((m) => m.id === modelsOfId)

  const closeEditor = () => {
    document.getElementById(`manufacturer-edit-${editingId}`)?.focus()
    setEditingId(null)
  }

  return (
    <section aria-labelledby="catalog-title" aria-busy={list.isPending || undefined}>
      <h2 id="catalog-title">{t('catalog.title')}</h2>
      {!isOwner && <p className="note">{t('catalog.readOnlyNote')}</p>}
      {list.isPending && <Loading />}
      {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data?.length === 0 && <p className="empty-state">{t('catalog.none')}</p>}
      {list.data && list.data.length > 0 && <ManufacturerTable manufacturers={list.data} isOwner={isOwner} onEdit={setEditingId} onModels={setModelsOfId} />}
      {editing && <ManufacturerForm key={`edit-${editing.id}`} manufacturer={editing} onClose={closeEditor} />}
      {modelsOf && <ModelsPanel key={`models-${modelsOf.id}`} manufacturer={modelsOf} isOwner={isOwner} />}
      {isOwner && <ManufacturerForm />}
    </section>
  )
}

interface TableProps {
  manufacturers: ManufacturerDto[]
  isOwner: boolean
  onEdit: (id: number) => void
  onModels: (id: number) => void
}

function ManufacturerTable({ manufacturers, isOwner, onEdit, onModels }: TableProps) {
  const { t } = useTranslation()
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">{t('catalog.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('fields.code')}</th>
            <th scope="col">{t('fields.manufacturerName')}</th>
            <th scope="col">{t('fields.warrantyMonths')}</th>
            <th scope="col">{t('fields.proofRequired')}</th>
            <th scope="col">{t('fields.status')}</th>
            <th scope="col">{t('catalog.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {manufacturers.map((m) => (
            <tr key={m.id} className={m.active ? undefined : 'row-inactive'}>
              <td className="mono">{m.code}</td>
              <th scope="row">{m.name}</th>
              <td>{t('catalog.monthsValue', { months: m.warrantyMonths })}</td>
              <td>{m.proofRequired ? t('common.yes') : t('common.no')}</td>
              <td>{m.active ? t('catalog.active') : t('catalog.inactive')}</td>
              <td>
                <div className="row-actions">
                  <button type="button" className="button button-small" aria-label={t('catalog.showModelsLabel', { name: m.name })} onClick={() => onModels(m.id)}>
                    {t('catalog.showModels')}
                  </button>
                  {isOwner && (
                    <button type="button" id={`manufacturer-edit-${m.id}`} className="button button-small" aria-label={t('catalog.editLabel', { name: m.name })} onClick={() => onEdit(m.id)}>
                      {t('common.edit')}
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
