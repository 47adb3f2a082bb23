import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PartDto, StocktakeDto } from '../../../../shared/dto/stock'
import type { PoolKey } from '../../../../shared/stock'
import { useClient } from '../../client-context'
import { Field } from '../../components/Field'
import { ErrorAlert, LoadError, Loading } from '../../components/Feedback'
import { focusFirstInvalid, useFocusOnMount } from '../../components/useFocusOnMount'
import { usePoolNames } from '../../pool-names'
import { queryKeys } from '../../query'
import { onHandIn } from './on-hand'
import { useStockForm } from './stock-hooks'
import { parseCount } from './stock-numbers'
import { StocktakeResult } from './StocktakeResult'

const levelsInput = { query: '', lowStockOnly: false, includeInactive: false }

/**
 * The owner counts one pool: every active part is listed by bin with what the ledger expects;
 * parts left blank are not counted. Preview shows the differences (nothing written), Post
 * writes them as one stocktake. Changing a count after a preview asks for a new preview.
 */
export function StocktakeView() {
  const { t } = useTranslation()
  const client = useClient()
  const pools = usePoolNames()
  const formRef = useRef<HTMLFormElement>(null)
  const poolRef = useFocusOnMount<HTMLSelectElement>()
  const levels = useQuery({ queryKey: queryKeys.stockLevels(levelsInput), queryFn: () => client.call('stock.levels', levelsInput) })
  const [pool, setPool] = useState<PoolKey>('shop')
  const [counts, setCounts] = useState<Record<number, string>>({})
  const [note, setNote] = useState('')
  const [result, setResult] = useState<{ stocktake: StocktakeDto; posted: boolean } | null>(null)
  // Whether the call in flight posts: a posted count with no differences writes nothing (no group).
  const posting = useRef(false)
  // The part ids in the order they were sent, to place the ledger's `counts.<n>` messages.
  const [sent, setSent] = useState<number[]>([])
  const rows = [...(levels.data ?? [])].sort((a, b) => a.binLocation.localeCompare(b.binLocation) || a.sku.localeCompare(b.sku))
  const fieldPaths = ['pool', 'counts', 'note', ...sent.map((_, index) => `counts.${index}.counted`)]
  const form = useStockForm('stock.stocktake', fieldPaths, (stocktake) => {
    setResult({ stocktake, posted: posting.current })
    if (posting.current) setCounts({})
  })

  useEffect(() => {
    if (form.failures) focusFirstInvalid(formRef.current)
  }, [form.failures])

  const countError = (partId: number) => {
    const index = sent.indexOf(partId)
    return index >= 0 ? form.errors.fields[`counts.${index}.counted`] : undefined
  }
  const run = (dryRun: boolean) => {
    const entered = rows.filter((part) => (counts[part.id] ?? '').trim() !== '')
    const fields: Record<string, string> = {}
    const parsed = entered.map((part) => ({ part, counted: parseCount(counts[part.id]!) }))
    parsed.forEach(({ counted }, index) => {
      if (counted === null) fields[`counts.${index}.counted`] = t('validation.counted')
    })
    setSent(entered.map((part) => part.id))
    if (entered.length === 0) return form.failLocally({}, t('stocktake.nothingCounted'))
    if (Object.keys(fields).length) return form.failLocally(fields)
    posting.current = !dryRun
    form.send({ pool, note, dryRun, counts: parsed.map(({ part, counted }) => ({ partId: part.id, counted: counted! })) })
  }
  const changeCount = (part: PartDto, value: string) => {
    setCounts((current) => ({ ...current, [part.id]: value }))
    setResult(null)
    const index = sent.indexOf(part.id)
    if (index >= 0) form.clear(`counts.${index}.counted`)
  }

  return (
    <form ref={formRef} aria-labelledby="stocktake-title" noValidate onSubmit={(event) => event.preventDefault()} aria-busy={levels.isPending || undefined}>
      <h2 id="stocktake-title">{t('stocktake.title')}</h2>
      <p className="field-hint">{t('stocktake.hint')}</p>
      <ErrorAlert message={form.errors.general} />
      <div className="form-row">
        <Field id="stocktake-pool" label={t('parts.pool')} error={form.errors.fields.pool}>
          {(control) => (
            <select
              {...control}
              ref={poolRef}
              value={pool}
              onChange={(event) => {
                setPool(event.target.value as PoolKey)
                setResult(null)
              }}
            >
              {pools.usablePools.map((option) => (
                <option key={option} value={option}>
                  {pools.label(option)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {levels.isPending && <Loading />}
      {levels.isError && <LoadError error={levels.error} onRetry={() => void levels.refetch()} />}
      {levels.data?.length === 0 && <p className="empty-state">{t('stocktake.noParts')}</p>}
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="table table-compact">
            <caption className="visually-hidden">{t('stocktake.caption', { pool: pools.label(pool) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('parts.bin')}</th>
                <th scope="col">{t('parts.sku')}</th>
                <th scope="col">{t('parts.name')}</th>
                <th scope="col" className="num">
                  {t('stocktake.expected')}
                </th>
                <th scope="col">{t('stocktake.counted')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((part) => {
                const error = countError(part.id)
                return (
                  <tr key={part.id}>
                    <td className="mono">{part.binLocation}</td>
                    <th scope="row" className="mono">
                      {part.sku}
                    </th>
                    <td>{part.name}</td>
                    <td className="num">{onHandIn(part, pool)}</td>
                    <td className={error ? 'field-invalid count-cell' : 'count-cell'}>
                      <input
                        aria-label={t('stocktake.countedLabel', { sku: part.sku })}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `stocktake-count-${part.id}-error` : undefined}
                        inputMode="numeric"
                        maxLength={5}
                        autoComplete="off"
                        value={counts[part.id] ?? ''}
                        onChange={(event) => changeCount(part, event.target.value)}
                      />
                      {error && (
                        <p id={`stocktake-count-${part.id}-error`} className="field-error">
                          {error}
                        </p>
                      )}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      <Field id="stocktake-note" label={`${t('stocktake.note')} ${t('common.optional')}`} error={form.errors.fields.note}>
        {(control) => <textarea {...control} rows={2} maxLength={300} value={note} onChange={(event) => setNote(event.target.value)} />}
      </Field>
      {result && <StocktakeResult result={result.stocktake} posted={result.posted} />}
      <div className="form-actions">
        <button type="button" className="button" aria-busy={form.busy || undefined} onClick={() => run(true)}>
          {t('stocktake.preview')}
        </button>
        {result && !result.posted && (
          <button type="button" className="button button-primary" aria-busy={form.busy || undefined} onClick={() => run(false)}>
            {t('stocktake.post')}
          </button>
        )}
      </div>
    </form>
  )
}
