import { Field } from './Field'

interface FolderFieldProps {
  id: string
  label: string
  hint?: string | undefined
  error?: string | undefined
  value: string
  onChange: (value: string) => void
}

/** A folder on this computer, typed as a path: monospace, neither autocompleted nor spell-checked. */
export function FolderField({ id, label, hint, error, value, onChange }: FolderFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(control) => <input {...control} className="mono" maxLength={1000} autoComplete="off" spellCheck={false} value={value} onChange={(event) => onChange(event.target.value)} />}
    </Field>
  )
}
