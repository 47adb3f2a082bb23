import type { Ref } from 'react'
import { useTranslation } from 'react-i18next'
import type { PartDto } from '../../../../shared/dto/stock'
import { Combobox } from '../../components/Combobox'
import { useDebouncedValue } from '../../components/useDebouncedValue'
import { comparePools, usePoolNames } from '../../pool-names'
import { usePartSearch } from './stock-hooks'

interface PartPickerProps {
  id: string
  label: string
  /** The text in the box: what is typed, or the picked part's label. */
  query: string
  onQueryChange: (text: string) => void
  /** A part is picked (the box shows it): no search runs. Typing again un-picks it (the caller, in onQueryChange). */
  picked: boolean
  onPick: (part: PartDto) => void
  /** Parts that fit this device model come first: all parts are searched only when none of them matches. */
  modelId?: number | undefined
  hint?: string | undefined
  error?: string | undefined
  inputRef?: Ref<HTMLInputElement> | undefined
}

/** "SKU — name", the text a picked part leaves in the box. */
export function partLabel(part: Pick<PartDto, 'sku' | 'name'>): string {
  return `${part.sku} — ${part.name}`
}

/** Search-as-you-type over the parts catalogue (SKU, name, part number), each option with its stock. */
export function PartPicker({ id, label, query, onQueryChange, picked, onPick, modelId, hint, error, inputRef }: PartPickerProps) {
  const { t } = useTranslation()
  const pools = usePoolNames()
  const settled = useDebouncedValue(query.trim())
  const fitting = usePartSearch({ query: settled, limit: 20, ...(modelId !== undefined ? { modelId } : {}) }, !picked)
  // Typed text that matches nothing made for this model: the part may simply not be linked to it.
  const widen = modelId !== undefined && settled !== '' && fitting.isSuccess && !fitting.isPlaceholderData && fitting.data.length === 0
  const everything = usePartSearch({ query: settled, limit: 20 }, !picked && widen)
  const parts = widen ? everything : fitting
  const stockText = (option: PartDto) => {
    const levels = [...option.levels].sort((a, b) => comparePools(pools.label)(a.pool, b.pool))
    const onHand = levels.map((level) => t('parts.levelText', { pool: pools.label(level.pool), onHand: level.onHand }))
    return onHand.length ? onHand.join(' · ') : t('parts.noStock')
  }
  return (
    <Combobox
      id={id}
      label={label}
      hint={widen && (everything.data?.length ?? 0) > 0 ? t('parts.showingAllParts') : hint}
      error={error ?? (parts.isError ? t('errors.internal') : undefined)}
      inputRef={inputRef}
      value={query}
      onValueChange={onQueryChange}
      options={picked ? [] : (parts.data ?? [])}
      optionKey={(option) => option.id}
      renderOption={(option) => (
        <>
          <span className="option-main">{partLabel(option)}</span>
          <span className="option-meta">{stockText(option)}</span>
        </>
      )}
      onPick={onPick}
      busy={fitting.isFetching || (widen && everything.isFetching) || settled !== query.trim()}
      emptyText={modelId !== undefined && settled === '' ? t('parts.noPartsForModel') : t('parts.noMatches')}
      openOnFocus
    />
  )
}

