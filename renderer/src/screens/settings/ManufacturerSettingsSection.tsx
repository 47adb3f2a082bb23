import { useQuery } from '@tanstack/react-query'
import { Fragment, useState, type ReactNode } from 'react'
import type { ManufacturerDto } from '../../../../shared/dto/catalog'
import { useClient } from '../../client-context'
import { LoadError, Loading } from '../../components/Feedback'
import { Field } from '../../components/Field'
import { queryKeys } from '../../query'

/** The words of one per-manufacturer settings section (already translated). */
export interface ManufacturerSectionText {
  title: string
  intro: string
  readOnlyNote: string
  noManufacturers: string
  manufacturer: string
}

/**
 * A settings section kept per manufacturer (fault codes, claim rules): its heading, a picker over
 * every manufacturer (inactive ones too: their history still needs them) and the chosen one's
 * settings, remounted when the choice changes so no edit leaks from one manufacturer to another.
 */
export function ManufacturerSettingsSection({ ids, text, isOwner, children }: { ids: { title: string; picker: string }; text: ManufacturerSectionText; isOwner: boolean; children: (manufacturer: ManufacturerDto) => ReactNode }) {
  const client = useClient()
  const makers = useQuery({ queryKey: queryKeys.manufacturerList(true), queryFn: () => client.call('manufacturers.list', { includeInactive: true }) })
  const [pickedId, setPickedId] = useState<number | null>(null)
  const maker = makers.data?.find((m) => m.id === pickedId) ?? makers.data?.[0]
  return (
    <section aria-labelledby={ids.title} aria-busy={makers.isPending || undefined}>
      <h2 id={ids.title}>{text.title}</h2>
      <p className="meta">{text.intro}</p>
      {!isOwner && <p className="note">{text.readOnlyNote}</p>}
      {makers.isPending && <Loading />}
      {makers.isError && <LoadError error={makers.error} onRetry={() => void makers.refetch()} />}
      {makers.data?.length === 0 && <p className="empty-state">{text.noManufacturers}</p>}
      {makers.data && maker && (
        <>
          <Field id={ids.picker} label={text.manufacturer}>
            {(control) => (
              <select {...control} className="select-narrow" value={String(maker.id)} onChange={(event) => setPickedId(Number(event.target.value))}>
                {makers.data.map((m) => (
                  <option key={m.id} value={String(m.id)}>
                    {m.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Fragment key={maker.id}>{children(maker)}</Fragment>
        </>
      )}
    </section>
  )
}
