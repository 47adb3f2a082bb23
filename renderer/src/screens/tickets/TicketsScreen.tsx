import { useTranslation } from 'react-i18next'
import { useClientState } from '../../client-state'
import { Field } from '../../components/Field'
import { LoadError, Loading } from '../../components/Feedback'
import { SettingsGate } from '../../components/SettingsGate'
import { useDebouncedValue } from '../../components/useDebouncedValue'
import { useFocusOnMount } from '../../components/useFocusOnMount'
import { queryKeys } from '../../query'
import { hasFilters, initialBook, useTicketList, useTicketSearch, type TicketBookState, type TicketFilters } from './ticket-book'
import { TicketFilterBar } from './TicketFilterBar'
import { TicketTable } from './TicketTable'

/** The ticket book: one search box (focused) over every ticket, or the filtered list without a query. */
export function TicketsScreen() {
  const { t } = useTranslation()
  const searchRef = useFocusOnMount<HTMLInputElement>()
  const [book, setBook] = useClientState<TicketBookState>(queryKeys.ticketBook, initialBook)
  const query = book.query.trim()
  const settled = useDebouncedValue(query)
  return (
    <div className="panel panel-wide">
      <h1 id="screen-title" tabIndex={-1}>
        {t('tickets.title')}
      </h1>
      <div role="search" className="ticket-search">
        <Field id="tickets-search" label={t('fields.ticketSearch')} hint={t('tickets.searchHint')}>
          {(control) => (
            <input {...control} ref={searchRef} type="search" autoComplete="off" spellCheck={false} maxLength={100} value={book.query} onChange={(event) => setBook({ ...book, query: event.target.value })} />
          )}
        </Field>
      </div>
      <TicketFilterBar filters={book.filters} onChange={(filters) => setBook({ ...book, filters })} />
      <SettingsGate>{() => (query ? <SearchResults query={settled} typing={settled !== query} /> : <TicketList filters={book.filters} />)}</SettingsGate>
    </div>
  )
}

function SearchResults({ query, typing }: { query: string; typing: boolean }) {
  const { t } = useTranslation()
  const search = useTicketSearch(query)
  return (
    <section aria-labelledby="tickets-results-title" aria-busy={typing || search.isFetching || undefined}>
      <h2 id="tickets-results-title">{t('tickets.searchCaption', { query })}</h2>
      <p className="note">{t('tickets.searchNote')}</p>
      {search.isPending && <Loading />}
      {search.isError && <LoadError error={search.error} onRetry={() => void search.refetch()} />}
      {search.data?.length === 0 && !typing && <p className="empty-state">{t('tickets.noResults', { query })}</p>}
      {search.data && search.data.length > 0 && <TicketTable tickets={search.data} caption={t('tickets.searchCaption', { query })} />}
    </section>
  )
}

function TicketList({ filters }: { filters: TicketFilters }) {
  const { t } = useTranslation()
  const list = useTicketList(filters)
  const tickets = list.data?.pages.flatMap((page) => page.items) ?? []
  return (
    <section aria-labelledby="tickets-list-title" aria-busy={list.isFetching || undefined}>
      <h2 id="tickets-list-title">{t('tickets.listCaption')}</h2>
      {list.isPending && <Loading />}
      {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && tickets.length === 0 && <p className="empty-state">{hasFilters(filters) ? t('tickets.noMatch') : t('tickets.empty')}</p>}
      {tickets.length > 0 && (
        <>
          <TicketTable tickets={tickets} caption={t('tickets.listCaption')} />
          <div className="form-actions">
            {list.hasNextPage && (
              <button type="button" className="button" onClick={() => void list.fetchNextPage()} aria-busy={list.isFetchingNextPage || undefined}>
                {list.isFetchingNextPage ? t('tickets.loadingMore') : t('tickets.loadMore')}
              </button>
            )}
            <p role="status" className="muted">
              {t('tickets.shown', { total: tickets.length })}
            </p>
          </div>
        </>
      )}
    </section>
  )
}
