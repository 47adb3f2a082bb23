import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionDto, StaffDto } from '../../../../shared/dto/auth'
import { useClient } from '../../client-context'
import { LoadError, Loading } from '../../components/Feedback'
import { queryKeys } from '../../query'
import { StaffAddForm } from './StaffAddForm'
import { StaffEditForm } from './StaffEditForm'

/** Owner only: everyone who works here, active or not, with add and edit. */
export function StaffSection({ session }: { session: SessionDto }) {
  const { t } = useTranslation()
  const client = useClient()
  const staff = useQuery({ queryKey: queryKeys.staffList, queryFn: () => client.call('staff.list', { includeInactive: true }) })
  const [editingId, setEditingId] = useState<number | null>(null)
  const editing = staff.data?.find((member) => member.id === editingId)

  const closeEditor = () => {
    // Return focus to the row's Edit button so a keyboard user keeps their place.
    document.getElementById(`staff-edit-${editingId}`)?.focus()
    setEditingId(null)
  }

  return (
    <section aria-labelledby="staff-title" aria-busy={staff.isPending || undefined}>
      <h2 id="staff-title">{t('staff.title')}</h2>
      {staff.isPending && <Loading />}
      {staff.isError && <LoadError error={staff.error} onRetry={() => void staff.refetch()} />}
      {staff.data && <StaffTable staff={staff.data} selfId={session.staff.id} onEdit={setEditingId} />}
      {staff.data?.every((member) => member.id === session.staff.id) && <p className="empty-state">{t('staff.onlyYou')}</p>}
      {editing && <StaffEditForm key={editing.id} staff={editing} selfId={session.staff.id} onClose={closeEditor} />}
      <StaffAddForm />
    </section>
  )
}

function StaffTable({ staff, selfId, onEdit }: { staff: StaffDto[]; selfId: number; onEdit: (id: number) => void }) {
  const { t } = useTranslation()
  return (
    <table className="table">
      <caption className="visually-hidden">{t('staff.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('fields.name')}</th>
          <th scope="col">{t('fields.role')}</th>
          <th scope="col">{t('staff.status')}</th>
          <th scope="col">{t('staff.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {staff.map((member) => (
          <tr key={member.id} className={member.active ? undefined : 'row-inactive'}>
            <th scope="row">
              {member.name} {member.id === selfId && <span className="muted">{t('staff.you')}</span>}
            </th>
            <td>{t(`roles.${member.role}`)}</td>
            <td>{member.active ? t('staff.active') : t('staff.inactive')}</td>
            <td>
              <button type="button" id={`staff-edit-${member.id}`} className="button button-small" aria-label={t('staff.editLabel', { name: member.name })} onClick={() => onEdit(member.id)}>
                {t('staff.edit')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
