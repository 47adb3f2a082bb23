import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { ManufacturerDto } from '../../../../../shared/dto/catalog'
import { useClient } from '../../../client-context'
import { LoadError, Loading } from '../../../components/Feedback'
import { useFocusOnMount } from '../../../components/useFocusOnMount'
import { queryKeys } from '../../../query'
import { ModelAddForm } from './ModelAddForm'

/** The models of one manufacturer, with the warranty each one gets; an owner can add more. */
export function ModelsPanel({ manufacturer, isOwner }: { manufacturer: ManufacturerDto; isOwner: boolean }) {
  const { t } = useTranslation()
  const client = useClient()
  const heading = useFocusOnMount<HTMLHeadingElement>()
  const models = useQuery({
    queryKey: queryKeys.modelSearch('', manufacturer.id),
    queryFn: () => client.call('models.search', { query: '', manufacturerId: manufacturer.id, limit: 200 }),
  })
  const title = t('catalog.modelsTitle', { name: manufacturer.name })
  return (
    <section aria-labelledby="models-title" className="subform" aria-busy={models.isPending || undefined}>
      <h3 id="models-title" ref={heading} tabIndex={-1}>
        {title}
      </h3>
      {models.isPending && <Loading />}
      {models.isError && <LoadError error={models.error} onRetry={() => void models.refetch()} />}
      {models.data?.length === 0 && <p className="empty-state">{t('catalog.noModels')}</p>}
      {models.data && models.data.length > 0 && (
        <div className="table-scroll">
          <table className="table table-compact">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('fields.modelCode')}</th>
                <th scope="col">{t('fields.marketingName')}</th>
                <th scope="col">{t('fields.category')}</th>
                <th scope="col">{t('fields.warrantyMonths')}</th>
              </tr>
            </thead>
            <tbody>
              {models.data.map((model) => (
                <tr key={model.id}>
                  <td className="mono">{model.modelCode}</td>
                  <th scope="row">{model.marketingName}</th>
                  <td>{t(`category.${model.category}`)}</td>
                  <td>
                    {model.warrantyMonths === null
                      ? t('catalog.warrantyDefault', { months: model.effectiveWarrantyMonths })
                      : t('catalog.monthsValue', { months: model.warrantyMonths })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {isOwner && <ModelAddForm manufacturer={manufacturer} />}
    </section>
  )
}
