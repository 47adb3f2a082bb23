import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { ModelDto } from '../../../../shared/dto/catalog'
import { useClient } from '../../client-context'
import { Combobox } from '../../components/Combobox'
import { useDebouncedValue } from '../../components/useDebouncedValue'
import { queryKeys } from '../../query'

interface ModelPickerProps {
  id: string
  query: string
  model: ModelDto | null
  onQueryChange: (text: string) => void
  onPick: (model: ModelDto) => void
  error?: string | undefined
}

export function modelLabel(model: ModelDto): string {
  return `${model.manufacturer.name} ${model.marketingName}`
}

/** Search-as-you-type over the model catalogue; the hint shows the warranty rule of the picked model. */
export function ModelPicker({ id, query, model, onQueryChange, onPick, error }: ModelPickerProps) {
  const { t } = useTranslation()
  const client = useClient()
  const settled = useDebouncedValue(query.trim())
  const models = useQuery({
    queryKey: queryKeys.modelSearch(settled),
    queryFn: () => client.call('models.search', { query: settled, limit: 20 }),
    placeholderData: keepPreviousData,
  })
  const rule = model
    ? t(model.manufacturer.proofRequired ? 'intake.warrantyRuleProof' : 'intake.warrantyRule', { months: model.effectiveWarrantyMonths })
    : t('intake.modelHint')
  return (
    <Combobox
      id={id}
      label={t('fields.model')}
      hint={rule}
      error={error ?? (models.isError ? t('errors.internal') : undefined)}
      value={query}
      onValueChange={onQueryChange}
      options={model ? [] : (models.data ?? [])}
      optionKey={(option) => option.id}
      renderOption={(option) => (
        <>
          <span className="option-main">{modelLabel(option)}</span>
          <span className="option-meta">
            {option.modelCode} · {t(`category.${option.category}`)}
          </span>
        </>
      )}
      onPick={onPick}
      busy={models.isFetching || settled !== query.trim()}
      emptyText={t('intake.noModels')}
      openOnFocus
    />
  )
}
