import { useEffect, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react'
import { useTranslation } from 'react-i18next'

interface ComboboxProps<T> {
  id: string
  label: string
  hint?: string | undefined
  error?: string | undefined
  inputRef?: Ref<HTMLInputElement> | undefined
  value: string
  onValueChange: (text: string) => void
  options: readonly T[]
  optionKey: (option: T) => string | number
  renderOption: (option: T) => ReactNode
  onPick: (option: T) => void
  /** A search is running for the current text. */
  busy?: boolean
  /** Shown (and announced) when the search found nothing. */
  emptyText: string
  /** Opens the list on focus, e.g. to browse models before typing. */
  openOnFocus?: boolean
}

/**
 * A text box with a suggestion list (WAI-ARIA combobox, list autocomplete): type to search,
 * ↓/↑ to move, Enter to pick, Escape to close. The first suggestion is active, so a typed name
 * plus Enter picks the best match. Focus never leaves the text box.
 */
export function Combobox<T>(props: ComboboxProps<T>) {
  const { id, label, hint, error, inputRef, value, onValueChange, options, optionKey, renderOption, onPick, busy = false, emptyText, openOnFocus = false } = props
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  // Enter pressed while the search for the current text runs: pick its best match once it lands.
  const [pickWhenSettled, setPickWhenSettled] = useState(false)
  const listId = `${id}-listbox`
  const expanded = open && options.length > 0
  const activeIndex = expanded ? Math.min(active, options.length - 1) : -1
  const showEmpty = open && !busy && options.length === 0 && (value.trim() !== '' || openOnFocus)

  useEffect(() => {
    if (activeIndex >= 0) document.getElementById(`${id}-option-${activeIndex}`)?.scrollIntoView?.({ block: 'nearest' })
  }, [id, activeIndex])

  const pick = (option: T) => {
    setOpen(false)
    onPick(option)
  }

  useEffect(() => {
    if (!pickWhenSettled || busy) return
    setPickWhenSettled(false)
    if (options.length > 0) pick(options[0]!)
  }, [pickWhenSettled, busy, options])

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      if (!open) return setOpen(true)
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((current) => (options.length ? (Math.min(current, options.length - 1) + step + options.length) % options.length : 0))
    } else if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey && (activeIndex >= 0 || busy)) {
      event.preventDefault()
      // While a search runs the list still shows the previous text's matches: never pick from
      // those; pick the best match for what was typed as soon as its results arrive.
      if (busy) setPickWhenSettled(true)
      else pick(options[activeIndex]!)
    } else if (event.key === 'Escape' && open) {
      event.preventDefault()
      setOpen(false)
    }
  }

  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  return (
    <div className={error ? 'field field-invalid combobox' : 'field combobox'}>
      <label htmlFor={id}>{label}</label>
      <div className="combobox-anchor">
        <input
          id={id}
          ref={inputRef}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={activeIndex >= 0 ? `${id}-option-${activeIndex}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(event) => {
            setPickWhenSettled(false)
            onValueChange(event.target.value)
            setActive(0)
            setOpen(true)
          }}
          onFocus={() => openOnFocus && setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} role="listbox" aria-label={label} className="combobox-list" hidden={!expanded}>
          {options.map((option, index) => (
            <li
              key={optionKey(option)}
              id={`${id}-option-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              className={index === activeIndex ? 'combobox-option combobox-option-active' : 'combobox-option'}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(option)}
            >
              {renderOption(option)}
            </li>
          ))}
        </ul>
      </div>
      <p role="status" className={showEmpty ? 'field-hint' : 'visually-hidden'}>
        {showEmpty ? emptyText : expanded ? t('common.results', { total: options.length }) : ''}
      </p>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  )
}
