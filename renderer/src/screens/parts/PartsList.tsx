import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useClientState } from '../../client-state'
import { CheckboxField, Field } from '../../components/Field'
import { LoadError, Loading, StatusMessage } from '../../components/Feedback'
import { useDebouncedValue } from '../../components/useDebouncedValue'
import { useFocusOnMount } from '../../components/useFocusOnMount'
import { queryKeys } from '../../query'
import { PartDetail } from './PartDetail'
import { PartForm } from './PartForm'
import { PartTable } from './PartTable'
import { usePartSearch } from './stock-hooks'

interface PartsBookState {
  query: string
  lowOnly: boolean
  includeInactive: boolean
  /** The part whose details and history are open below the list. */
  selectedId: number | null
}

const initialBook: PartsBookState = { query: '', lowOnly: false, includeInactive: false, selectedId: null }

/** Search-as-you-type over the catalogue (focused), low-stock filter, and the part opened below. */
export function PartsList({ isOwner }: { isOwner: boolean }) {
  const { t } = useTranslation()
  const searchRef = useFocusOnMount<HTMLInputElement>()
  const [book, setBook] = useClientState<PartsBookState>(queryKeys.partsBook, initialBook)
  const [adding, setAdding] = useState(false)
  const [status, setStatus] = useState<string | null>(null)
  const query = book.query.trim()
  const settled = useDebouncedValue(query)
  const parts = usePartSearch({ query: settled, lowStockOnly: book.lowOnly, includeInactive: book.includeInactive, limit: 200 })
  const set = (change: Partial<PartsBookState>) => setBook({ ...book, ...change })
  const filtered = query !== '' || book.lowOnly

  return (
    <>
      <div role="search" className="ticket-search">
        <Field id="parts-search" label={t('parts.search')} hint={t('parts.searchHint')}>
          {(control) => (
            <input {...control} ref={searchRef} type="search" autoComplete="off" spellCheck={false} maxLength={100} value={book.query} onChange={(event) => set({ query: event.target.value })} />
          )}
        </Field>
      </div>
      <div className="form-actions">
        <CheckboxField id="parts-low-only" label={t('parts.lowOnly')} checked={book.lowOnly} onChange={(lowOnly) => set({ lowOnly })} />
        <CheckboxField id="parts-inactive" label={t('parts.includeInactive')} checked={book.includeInactive} onChange={(includeInactive) => set({ includeInactive })} />
        {isOwner && (
          <button type="button" className="button" aria-expanded={adding} onClick={() => setAdding((open) => !open)}>
            {t('parts.add')}
          </button>
        )}
      </div>
      <StatusMessage message={status} />
      {adding && (
        <PartForm
          onClose={() => setAdding(false)}
          onSaved={(part) => {
            setAdding(false)
            setStatus(t('parts.added', { sku: part.sku }))
            set({ selectedId: part.id })
          }}
        />
      )}
      <section aria-labelledby="parts-list-title" aria-busy={parts.isFetching || settled !== query || undefined}>
        <h2 id="parts-list-title">{t('parts.listTitle')}</h2>
        {parts.isPending && <Loading />}
        {parts.isError && <LoadError error={parts.error} onRetry={() => void parts.refetch()} />}
        {parts.data?.length === 0 && settled === query && <p className="empty-state">{filtered ? t('parts.noMatches') : t(isOwner ? 'parts.emptyOwner' : 'parts.empty')}</p>}
        {parts.data && parts.data.length > 0 && <PartTable parts={parts.data} selectedId={book.selectedId} onSelect={(selectedId) => set({ selectedId })} />}
      </section>
      {book.selectedId !== null && <PartDetail key={book.selectedId} partId={book.selectedId} isOwner={isOwner} onClose={() => closeDetail(book.selectedId!, () => set({ selectedId: null }))} />}
    </>
  )
}

/** Closing the details puts focus back on the row's button that opened them. */
function closeDetail(partId: number, close: () => void) {
  close()
  document.getElementById(`part-open-${partId}`)?.focus()
}
