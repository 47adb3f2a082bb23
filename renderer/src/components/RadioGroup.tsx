import type { ReactNode } from 'react'

interface RadioGroupProps<T extends string> {
  id: string
  legend: string
  options: readonly T[]
  labelOf: (option: T) => string
  value: T | ''
  onChange: (value: T) => void
  error?: string | undefined
  children?: ReactNode
}

/**
 * One choice out of a few, as native radios in a fieldset: arrow keys move between them and the
 * legend names the group. The error is linked to the group and marks the first radio invalid,
 * so focusFirstInvalid lands in the group.
 */
export function RadioGroup<T extends string>({ id, legend, options, labelOf, value, onChange, error, children }: RadioGroupProps<T>) {
  const errorId = error ? `${id}-error` : undefined
  return (
    <fieldset id={id} className={error ? 'radio-group field-invalid' : 'radio-group'} aria-describedby={errorId}>
      <legend>{legend}</legend>
      <div className="radio-row">
        {options.map((option, index) => (
          <div key={option} className="field-checkbox">
            <input
              id={`${id}-${option}`}
              type="radio"
              name={id}
              value={option}
              checked={value === option}
              onChange={() => onChange(option)}
              aria-invalid={error && index === 0 ? true : undefined}
            />
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
