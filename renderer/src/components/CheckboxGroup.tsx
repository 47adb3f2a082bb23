import type { ReactNode } from 'react'

interface CheckboxGroupProps<T extends string> {
  id: string
  legend: string
  options: readonly T[]
  labelOf: (option: T) => string
  checked: readonly T[]
  onChange: (checked: T[]) => void
  error?: string | undefined
  children?: ReactNode
}

/** A checklist in a fieldset: each box has its own label; the legend names the group for screen readers. */
export function CheckboxGroup<T extends string>({ id, legend, options, labelOf, checked, onChange, error, children }: CheckboxGroupProps<T>) {
  const errorId = error ? `${id}-error` : undefined
  const toggle = (option: T, on: boolean) => onChange(on ? options.filter((o) => o === option || checked.includes(o)) : checked.filter((o) => o !== option))
  return (
    <fieldset id={id} className={error ? 'checkbox-group field-invalid' : 'checkbox-group'} aria-describedby={errorId}>
      <legend>{legend}</legend>
      <div className="checkbox-grid">
        {options.map((option) => (
          <div key={option} className="field-checkbox">
            <input id={`${id}-${option}`} type="checkbox" checked={checked.includes(option)} onChange={(event) => toggle(option, event.target.checked)} />
            <label htmlFor={`${id}-${option}`}>{labelOf(option)}</label>
          </div>
        ))}
      </div>
      {children}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  )
}
