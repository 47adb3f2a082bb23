import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { InputOf } from '../../../../../shared/contract'
import type { BackupSettingsDto } from '../../../../../shared/dto/backup'
import { BackupFolder } from '../../../../../shared/schemas/backup'
import { RpcFailure } from '../../../api'
import { useClient } from '../../../client-context'
import { errorMessage } from '../../../errors'
import { Field } from '../../../components/Field'
import { FolderField } from '../../../components/FolderField'
import { ErrorAlert, StatusMessage } from '../../../components/Feedback'
import { backupKeys } from './backup-client'

type FieldName = 'folder' | 'dailyAfterHour' | 'keepDaily' | 'keepMonthly'
const hours = Array.from({ length: 24 }, (_, hour) => hour)

export function hourText(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`
}

/** An owner sets where backups go, when the daily one runs and how many are kept. */
export function BackupSettingsForm({ settings }: { settings: BackupSettingsDto }) {
  const { t, i18n } = useTranslation()
  const client = useClient()
  const queryClient = useQueryClient()
  const [folder, setFolder] = useState(settings.folder ?? '')
  const [hour, setHour] = useState(settings.dailyAfterHour)
  const [keepDaily, setKeepDaily] = useState(String(settings.keepDaily))
  const [keepMonthly, setKeepMonthly] = useState(String(settings.keepMonthly))
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({})
  const [general, setGeneral] = useState<string | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const save = useMutation({
    mutationFn: (input: InputOf<'backup.configure'>) => client.call('backup.configure', input),
    onSuccess: (saved) => {
      queryClient.setQueryData(backupKeys.settings, saved)
      void queryClient.invalidateQueries({ queryKey: backupKeys.root })
      setFolder(saved.folder ?? '')
      setStatus(t('dataSafety.settings.saved'))
    },
    onError: (error) => {
      const fields: Partial<Record<FieldName, string>> = {}
      const rest: string[] = []
      if (error instanceof RpcFailure && error.error.issues?.length) {
        for (const issue of error.error.issues) {
          const name = issue.path[0]
          const text = t(issue.messageKey, { ...issue.params, defaultValue: issue.message || t('errors.invalidInput') })
          if (name === 'folder' || name === 'dailyAfterHour' || name === 'keepDaily' || name === 'keepMonthly') fields[name] ??= text
          else rest.push(text)
        }
        setErrors(fields)
        setGeneral(rest.length ? rest.join(' ') : t('errors.invalidInput'))
      } else setGeneral(errorMessage(t, error))
      const first = (['folder', 'dailyAfterHour', 'keepDaily', 'keepMonthly'] as const).find((name) => fields[name])
      if (first) document.getElementById(`backup-${first}`)?.focus()
    },
  })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (save.isPending) return
    setStatus(null)
    setGeneral(null)
    const found: Partial<Record<FieldName, string>> = {}
    const text = folder.trim()
    if (text && !BackupFolder.safeParse(text).success) found.folder = t('validation.backupFolder')
    const daily = wholeNumber(keepDaily, 1, 90)
    if (daily === null) found.keepDaily = t('dataSafety.settings.keepDailyInvalid')
    const monthly = wholeNumber(keepMonthly, 0, 120)
    if (monthly === null) found.keepMonthly = t('dataSafety.settings.keepMonthlyInvalid')
    setErrors(found)
    const first = (['folder', 'keepDaily', 'keepMonthly'] as const).find((name) => found[name])
    if (first) {
      setGeneral(t('errors.invalidInput'))
      document.getElementById(`backup-${first}`)?.focus()
      return
    }
    const input: InputOf<'backup.configure'> = {}
    const nextFolder = text || null
    if (nextFolder !== settings.folder) input.folder = nextFolder
    if (hour !== settings.dailyAfterHour) input.dailyAfterHour = hour
    if (daily !== settings.keepDaily) input.keepDaily = daily!
    if (monthly !== settings.keepMonthly) input.keepMonthly = monthly!
    if (Object.keys(input).length === 0) {
      setStatus(t('dataSafety.settings.nothingChanged'))
      return
    }
    save.mutate(input)
  }

  const clear = (name: FieldName) => {
    setStatus(null)
    setErrors((current) => ({ ...current, [name]: undefined }))
  }

  return (
    <form aria-labelledby="backup-settings-title" onSubmit={submit} noValidate>
      <h3 id="backup-settings-title">{t('dataSafety.settings.title')}</h3>
      <FolderField
        id="backup-folder"
        label={t('dataSafety.settings.folder')}
        hint={t('dataSafety.settings.folderHint', { folder: settings.effectiveFolder })}
        error={errors.folder}
        value={folder}
        onChange={(value) => {
          setFolder(value)
          clear('folder')
        }}
      />
      <div className="form-grid">
        <Field id="backup-dailyAfterHour" label={t('dataSafety.settings.dailyAfterHour')} hint={t('dataSafety.settings.dailyAfterHourHint')} error={errors.dailyAfterHour}>
          {(control) => (
            <select
              {...control}
              className="select-narrow"
              value={String(hour)}
              onChange={(event) => {
                setHour(Number(event.target.value))
                clear('dailyAfterHour')
              }}
            >
              {hours.map((h) => (
                <option key={h} value={String(h)}>
                  {hourText(h)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <CountField
          id="backup-keepDaily"
          label={t('dataSafety.settings.keepDaily')}
          hint={t('dataSafety.settings.keepDailyHint')}
          error={errors.keepDaily}
          value={keepDaily}
          onChange={(value) => {
            setKeepDaily(value)
            clear('keepDaily')
          }}
        />
        <CountField
          id="backup-keepMonthly"
          label={t('dataSafety.settings.keepMonthly')}
          hint={t('dataSafety.settings.keepMonthlyHint')}
          error={errors.keepMonthly}
          value={keepMonthly}
          onChange={(value) => {
            setKeepMonthly(value)
            clear('keepMonthly')
          }}
        />
      </div>
      <ErrorAlert message={general} />
      {status && <StatusMessage message={status} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" aria-busy={save.isPending || undefined}>
          {save.isPending ? t('common.saving') : t('dataSafety.settings.save')}
        </button>
      </div>
    </form>
  )
}

/** How many backups to keep: up to three digits, checked by wholeNumber on saving. */
function CountField({ id, label, hint, error, value, onChange }: { id: string; label: string; hint: string; error: string | undefined; value: string; onChange: (value: string) => void }) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(control) => <input {...control} className="count-input" inputMode="numeric" autoComplete="off" maxLength={3} value={value} onChange={(event) => onChange(event.target.value)} />}
    </Field>
  )
}

function wholeNumber(text: string, min: number, max: number): number | null {
  const trimmed = text.trim()
  if (!/^\d{1,3}$/.test(trimmed)) return null
  const value = Number(trimmed)
  return value >= min && value <= max ? value : null
}
