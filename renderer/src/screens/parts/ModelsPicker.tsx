import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useClient } from '../../client-context'
import { Combobox } from '../../components/Combobox'
import { useDebouncedValue } from '../../components/useDebouncedValue'
import { queryKeys } from '../../query'

/** A model a part fits, as much of it as the list needs to show. */
export interface ChosenModel {
  id: number
  manufacturerName: string
  marketingName: string
  modelCode: string
}

export function modelText(model: ChosenModel): string {
  return `${model.manufacturerName} ${model.marketingName} (${model.modelCode})`
}

interface ModelsPickerProps {
  id: string
  models: ChosenModel[]
  onChange: (models: ChosenModel[]) => void
  error?: string | undefined
}

/** The models a part fits: search the model catalogue, Enter adds the match, each chosen one has a Remove button. */
export function ModelsPicker({ id, models, onChange, error }: ModelsPickerProps) {
  const { t } = useTranslation()
  const client = useClient()
  const [query, setQuery] = useState('')
  const settled = useDebouncedValue(query.trim())
  const found = useQuery({
    queryKey: queryKeys.modelSearch(settled),
    queryFn: () => client.call('models.search', { query: settled, limit: 20 }),
    placeholderData: keepPreviousData,
  })
  const options = (found.data ?? []).filter((model) => !models.some((chosen) => chosen.id === model.id))
  const remove = (modelId: number) => {
    onChange(models.filter((model) => model.id !== modelId))
    document.getElementById(id)?.focus()
  }
  return (
    <div className="models-picker">
      <Combobox
        id={id}
        label={t('parts.models')}
        hint={t('parts.modelsHint')}
        error={error}
        value={query}
        onValueChange={setQuery}
        options={options}
        optionKey={(model) => model.id}
        renderOption={(model) => (
          <>
            <span className="option-main">{`${model.manufacturer.name} ${model.marketingName}`}</span>
            <span className="option-meta">{model.modelCode}</span>
          </>
        )}
        onPick={(model) => {
          onChange([...models, { id: model.id, manufacturerName: model.manufacturer.name, marketingName: model.marketingName, modelCode: model.modelCode }])
          setQuery('')
        }}
        busy={found.isFetching || settled !== query.trim()}
        emptyText={t('intake.noModels')}
      />
      {models.length > 0 && (
        <ul className="chosen-list" aria-label={t('parts.chosenModels')}>
          {models.map((model) => (
            <li key={model.id}>
              <span>{modelText(model)}</span>
              <button type="button" className="button button-small" aria-label={t('parts.removeModel', { model: modelText(model) })} onClick={() => remove(model.id)}>
                {t('parts.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
