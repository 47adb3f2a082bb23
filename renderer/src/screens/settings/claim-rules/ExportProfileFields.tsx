import { memo, useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { claimExportFields, claimExportFormats, type ClaimExportField, type ClaimExportFormat } from '../../../../../shared/claims'
import { CheckboxGroup } from '../../../components/CheckboxGroup'
import { CheckboxField } from '../../../components/Field'
import { columnKey, unusedField, type ColumnDraft } from './claim-rules-draft'

interface ExportProfileFieldsProps {
  /** Element id prefix of the form. */
  prefix: string
  formats: ClaimExportFormat[]
  csvBom: boolean
  columns: ColumnDraft[]
  onFormats: (formats: ClaimExportFormat[]) => void
  onCsvBom: (csvBom: boolean) => void
  onColumns: (columns: ColumnDraft[]) => void
  /** Translated messages by form field path. */
  errors: Record<string, string>
  /** The fields at these paths were edited: their messages go. */
  clear: (...paths: string[]) => void
}

/** Paths of every column's messages: they follow the index, so a move or a removal drops them all. */
const columnPaths = ['exportProfile.columns', ...claimExportFields.flatMap((_, i) => [`exportProfile.columns.${i}.field`, `exportProfile.columns.${i}.header`])]

type Part = 'field' | 'header' | 'up' | 'down' | 'remove'

/**
 * A manufacturer's claim-file layout: CSV and/or JSON, the BOM, and the ordered columns. Every
 * column moves up or down and goes away by buttons; focus follows the column that moved, and a
 * polite status line says where it went. Rows re-render only when they change (a profile has up
 * to 25 columns, each with a select of 25 fields), so typing a header stays quick.
 */
export const ExportProfileFields = memo(function ExportProfileFields({ prefix, formats, csvBom, columns, onFormats, onCsvBom, onColumns, errors, clear }: ExportProfileFieldsProps) {
  const { t } = useTranslation()
  const [focusId, setFocusId] = useState<string | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const addId = `${prefix}-column-add`
  // The row callbacks read the latest columns from here, so they stay the same across renders.
  const latest = useRef({ columns, onColumns, clear })
  latest.current = { columns, onColumns, clear }

  useEffect(() => {
    if (focusId) document.getElementById(focusId)?.focus()
    setFocusId(null)
  }, [focusId])

  const idOf = useCallback((column: ColumnDraft, part: Part) => `${prefix}-column-${column.key}-${part}`, [prefix])
  const headerOf = useCallback((column: ColumnDraft) => column.header.trim() || t(`claimRules.export.field.${column.field}`), [t])

  const move = useCallback(
    (index: number, by: -1 | 1) => {
      const { columns: current, onColumns: update, clear: clearPaths } = latest.current
      const to = index + by
      const column = current[index]
      if (!column || to < 0 || to >= current.length) return
      const next = [...current]
      next.splice(index, 1)
      next.splice(to, 0, column)
      clearPaths(...columnPaths)
      update(next)
      // Keep focus on the same button unless it is now disabled (the column reached an end).
      const atEnd = by < 0 ? to === 0 : to === next.length - 1
      setFocusId(idOf(column, atEnd ? (by < 0 ? 'down' : 'up') : by < 0 ? 'up' : 'down'))
      setAnnouncement(t('claimRules.export.moved', { header: headerOf(column), n: to + 1 }))
    },
    [idOf, headerOf, t],
  )

  const remove = useCallback(
    (index: number) => {
      const { columns: current, onColumns: update, clear: clearPaths } = latest.current
      const column = current[index]
      if (!column) return
      const next = current.filter((_, i) => i !== index)
      clearPaths(...columnPaths)
      update(next)
      const neighbour = next[Math.min(index, next.length - 1)]
      setFocusId(neighbour ? idOf(neighbour, 'remove') : addId)
      setAnnouncement(t('claimRules.export.removed', { header: headerOf(column) }))
    },
    [idOf, headerOf, addId, t],
  )

  const change = useCallback((index: number, patch: Partial<Pick<ColumnDraft, 'field' | 'header'>>) => {
    const { columns: current, onColumns: update, clear: clearPaths } = latest.current
    update(
      current.map((column, i) => {
        if (i !== index) return column
        // A header still at its default (the field's own name) follows a change of field.
        const keepsDefault = patch.field !== undefined && (column.header.trim() === '' || column.header === column.field)
        return { ...column, ...patch, ...(keepsDefault ? { header: patch.field } : {}) }
      }),
    )
    clearPaths(`exportProfile.columns.${index}.${patch.field !== undefined ? 'field' : 'header'}`, 'exportProfile.columns')
  }, [])

  const add = () => {
    const field = unusedField(columns)
    if (!field) return
    const column = { key: columnKey(), field, header: field }
    clear('exportProfile.columns')
    onColumns([...columns, column])
    setFocusId(idOf(column, 'field'))
    setAnnouncement(t('claimRules.export.added', { n: columns.length + 1 }))
  }

  const columnsError = errors['exportProfile.columns']
  const columnsTitleId = `${prefix}-columns-title`
  const columnsHintId = `${prefix}-columns-hint`
  const columnsErrorId = `${prefix}-columns-error`
  const allUsed = unusedField(columns) === undefined
  const usedFields = columns.map((c) => c.field).join(' ')

  return (
    <fieldset className="claim-rules-export">
      <legend>{t('claimRules.export.legend')}</legend>
      <CheckboxGroup
        id={`${prefix}-formats`}
        legend={t('claimRules.export.formats')}
        options={claimExportFormats}
        labelOf={(format) => t(`claimRules.export.format.${format}`)}
        checked={formats}
        onChange={(next) => {
          clear('exportProfile.formats')
          onFormats(next)
        }}
        error={errors['exportProfile.formats']}
      />
      <CheckboxField
        id={`${prefix}-bom`}
        label={t('claimRules.export.csvBom')}
        hint={t('claimRules.export.csvBomHint')}
        checked={csvBom}
        onChange={(next) => {
          clear('exportProfile.csvBom')
          onCsvBom(next)
        }}
        error={errors['exportProfile.csvBom']}
      />
      <div
        role="group"
        aria-labelledby={columnsTitleId}
        aria-describedby={columnsError ? `${columnsErrorId} ${columnsHintId}` : columnsHintId}
        className={columnsError ? 'claim-rules-columns field-invalid' : 'claim-rules-columns'}
      >
        <h4 id={columnsTitleId}>{t('claimRules.export.columns')}</h4>
        <p id={columnsHintId} className="field-hint">
          {t('claimRules.export.columnsHint')}
        </p>
        {columns.length === 0 ? (
          <p className="empty-state">{t('claimRules.export.none')}</p>
        ) : (
          <div className="table-scroll">
            <table className="table table-compact">
              <caption className="visually-hidden">{t('claimRules.export.columns')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('claimRules.export.position')}</th>
                  <th scope="col">{t('claimRules.export.fieldColumn')}</th>
                  <th scope="col">{t('claimRules.export.headerColumn')}</th>
                  <th scope="col">{t('claimRules.export.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {columns.map((column, index) => (
                  <ColumnRow
                    key={column.key}
                    column={column}
                    index={index}
                    last={index === columns.length - 1}
                    usedFields={usedFields}
                    fieldError={errors[`exportProfile.columns.${index}.field`]}
                    headerError={errors[`exportProfile.columns.${index}.header`]}
                    idOf={idOf}
                    headerOf={headerOf}
                    onChange={change}
                    onMove={move}
                    onRemove={remove}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
        {columnsError && (
          <p id={columnsErrorId} className="field-error">
            {columnsError}
          </p>
        )}
        <div className="form-actions">
          <button type="button" id={addId} className="button" disabled={allUsed} aria-describedby={allUsed ? `${addId}-note` : undefined} onClick={add}>
            {t('claimRules.export.add')}
          </button>
          {allUsed && (
            <span id={`${addId}-note`} className="field-hint">
              {t('claimRules.export.allUsed')}
            </span>
          )}
        </div>
        <p role="status" className="visually-hidden">
          {announcement}
        </p>
      </div>
    </fieldset>
  )
})

interface ColumnRowProps {
  column: ColumnDraft
  index: number
  last: boolean
  /** The fields of every column, space-separated (a string, so the row can compare it cheaply). */
  usedFields: string
  fieldError: string | undefined
  headerError: string | undefined
  idOf: (column: ColumnDraft, part: Part) => string
  headerOf: (column: ColumnDraft) => string
  onChange: (index: number, patch: Partial<Pick<ColumnDraft, 'field' | 'header'>>) => void
  onMove: (index: number, by: -1 | 1) => void
  onRemove: (index: number) => void
}

/** One column: its field (a field another column has cannot be chosen), its header, and the buttons that order it. */
const ColumnRow = memo(function ColumnRow({ column, index, last, usedFields, fieldError, headerError, idOf, headerOf, onChange, onMove, onRemove }: ColumnRowProps) {
  const { t } = useTranslation()
  const n = index + 1
  const header = headerOf(column)
  const used = usedFields.split(' ')
  const fieldId = idOf(column, 'field')
  const headerId = idOf(column, 'header')
  return (
    <tr>
      <td className="claim-rules-position">{n}</td>
      <td className={fieldError ? 'field-invalid' : undefined}>
        <select
          id={fieldId}
          aria-label={t('claimRules.export.fieldLabel', { n })}
          value={column.field}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? `${fieldId}-error` : undefined}
          onChange={(event) => onChange(index, { field: event.target.value as ClaimExportField })}
        >
          {claimExportFields.map((field) => (
            <option key={field} value={field} disabled={field !== column.field && used.includes(field)}>
              {t(`claimRules.export.field.${field}`)}
            </option>
          ))}
        </select>
        {fieldError && (
          <p id={`${fieldId}-error`} className="field-error">
            {fieldError}
          </p>
        )}
      </td>
      <td className={headerError ? 'field-invalid' : undefined}>
        <input
          id={headerId}
          aria-label={t('claimRules.export.headerLabel', { n })}
          className="mono"
          maxLength={60}
          autoComplete="off"
          spellCheck={false}
          value={column.header}
          aria-invalid={headerError ? true : undefined}
          aria-describedby={headerError ? `${headerId}-error` : undefined}
          onChange={(event) => onChange(index, { header: event.target.value })}
        />
        {headerError && (
          <p id={`${headerId}-error`} className="field-error">
            {headerError}
          </p>
        )}
      </td>
      <td>
        <div className="row-actions">
          <button type="button" id={idOf(column, 'up')} className="button button-small" aria-label={t('claimRules.export.moveUpLabel', { n, header })} disabled={index === 0} onClick={() => onMove(index, -1)}>
            {t('claimRules.export.moveUp')}
          </button>
          <button type="button" id={idOf(column, 'down')} className="button button-small" aria-label={t('claimRules.export.moveDownLabel', { n, header })} disabled={last} onClick={() => onMove(index, 1)}>
            {t('claimRules.export.moveDown')}
          </button>
          <button type="button" id={idOf(column, 'remove')} className="button button-small" aria-label={t('claimRules.export.removeLabel', { n, header })} onClick={() => onRemove(index)}>
            {t('claimRules.export.remove')}
          </button>
        </div>
      </td>
    </tr>
  )
})
