import { useTranslation } from 'react-i18next'
import { ticketStatuses } from '../../../../shared/tickets'
import { warrantyStatuses, type WarrantyStatus } from '../../../../shared/warranty'
import { CheckboxGroup } from '../../components/CheckboxGroup'
import { CheckboxField, Field } from '../../components/Field'
import { useAllStaff } from '../../hooks'
import type { TicketFilters } from './ticket-book'

/** The list's filters: statuses (any of), warranty, technician, overdue only. */
export function TicketFilterBar({ filters, onChange }: { filters: TicketFilters; onChange: (filters: TicketFilters) => void }) {
  const { t } = useTranslation()
  const staff = useAllStaff()
  const set = (change: Partial<TicketFilters>) => onChange({ ...filters, ...change })
  return (
    <fieldset className="filters">
      <legend>{t('tickets.filters')}</legend>
      <CheckboxGroup
        id="tickets-status"
        legend={t('fields.status')}
        options={ticketStatuses}
        labelOf={(status) => t(`ticketStatus.${status}`)}
        checked={filters.statuses}
        onChange={(statuses) => set({ statuses })}
      />
      <div className="form-row">
        <Field id="tickets-warranty" label={t('fields.warrantyStatus')}>
          {(control) => (
            <select {...control} value={filters.warrantyStatus} onChange={(event) => set({ warrantyStatus: event.target.value as WarrantyStatus | '' })}>
              <option value="">{t('tickets.anyWarranty')}</option>
              {warrantyStatuses.map((status) => (
                <option key={status} value={status}>
                  {t(`warranty.status.${status}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="tickets-technician" label={t('fields.assignedStaff')}>
          {(control) => (
            <select {...control} value={filters.assignedStaffId} onChange={(event) => set({ assignedStaffId: event.target.value })}>
              <option value="">{t('tickets.anyStaff')}</option>
              {staff.data?.map((member) => (
                <option key={member.id} value={String(member.id)}>
                  {member.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <CheckboxField id="tickets-overdue" label={t('fields.overdueOnly')} checked={filters.overdue} onChange={(overdue) => set({ overdue })} />
      </div>
    </fieldset>
  )
}
