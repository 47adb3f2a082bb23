import { useTranslation } from 'react-i18next'
import type { StaffRole } from '../../../../shared/dto/auth'
import type { ControlProps } from '../../components/Field'

const roles: StaffRole[] = ['technician', 'owner']

export function RoleSelect({ control, value, onChange }: { control: ControlProps; value: StaffRole; onChange: (role: StaffRole) => void }) {
  const { t } = useTranslation()
  return (
    <select {...control} value={value} onChange={(event) => onChange(event.target.value === 'owner' ? 'owner' : 'technician')}>
      {roles.map((role) => (
        <option key={role} value={role}>
          {t(`roles.${role}`)}
        </option>
      ))}
    </select>
  )
}
