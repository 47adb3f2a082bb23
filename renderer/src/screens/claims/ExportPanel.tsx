import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BatchExportDto } from '../../../../shared/dto/claim-batches'
import type { ExportProgressDto } from '../../../../shared/dto/claim-outcomes'
import { clientStateRoot, useClientState } from '../../client-state'
import { useClient } from '../../client-context'
import { FolderField } from '../../components/FolderField'
import { useClaimForm } from './claims-hooks'
import { FormFrame } from './FormFrame'

/** How often a running export is asked how far it has got. */
export const exportPollMs = 250
const folderKey = [clientStateRoot, 'claimsExportFolder'] as const

/** A job id the ledger accepts ([A-Za-z0-9_-]{8,64}), fresh for every export. */
function newJobId(): string {
  const bytes = new Uint8Array(12)
  globalThis.crypto.getRandomValues(bytes)
  return `export-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`
}

/**
 * Writes the batch's files into a folder the clerk types (an absolute path on this computer; the
 * last one is remembered), with a progress bar while it runs, then the files written with their
 * sizes and SHA-256.
 */
export function ExportPanel({ batchId, batchNumber }: { batchId: number; batchNumber: string }) {
  const { t, i18n } = useTranslation()
  const client = useClient()
  const [folder, setFolder] = useClientState<string>(folderKey, '')
  const [result, setResult] = useState<BatchExportDto | null>(null)
  const [progress, setProgress] = useState<ExportProgressDto | null>(null)
  const resultRef = useRef<HTMLHeadingElement>(null)
  const form = useClaimForm('batches.export', ['folder'], (exported) => {
    setResult(exported)
  }, { 'errors.exportFolderMissing': 'folder', 'errors.exportFolderNotWritable': 'folder', 'errors.exportFailed': 'folder' })
  const [jobId, setJobId] = useState<string | null>(null)
  const id = `batch-export-${batchId}`

  // While the export call is under way, ask how far it has got.
  useEffect(() => {
    if (!form.busy || !jobId) return
    let stopped = false
    const poll = async () => {
      try {
        const next = await client.call('batches.exportProgress', { jobId })
        if (!stopped && next) setProgress(next)
      } catch {
        // Progress is a courtesy: the export's own answer says how it ended.
      }
    }
    void poll()
    const timer = window.setInterval(() => void poll(), exportPollMs)
    return () => {
      stopped = true
      window.clearInterval(timer)
    }
  }, [form.busy, jobId, client])

  useEffect(() => {
    if (result) resultRef.current?.focus()
  }, [result])

  const submit = () => {
    if (!folder.trim()) return form.failLocally({ folder: t('claimsScreen.export.folderRequired') })
    const job = newJobId()
    setJobId(job)
    setProgress(null)
    setResult(null)
    form.send({ id: batchId, folder: folder.trim(), jobId: job })
  }

  return (
    <section aria-labelledby={`${id}-title`} className="claim-export">
      <FormFrame id={id} title={t('claimsScreen.export.formTitle', { batch: batchNumber })} hint={t('claimsScreen.export.hint', { batch: batchNumber })} submitLabel={t('claimsScreen.export.submit')} busy={form.busy} general={form.errors.general} failures={form.failures} onSubmit={submit} autoFocus={false}>
        <FolderField
          id={`${id}-folder`}
          label={t('claimsScreen.export.folder')}
          hint={t('claimsScreen.export.folderHint')}
          error={form.errors.fields.folder}
          value={folder}
          onChange={(value) => {
            setFolder(value)
            form.clear('folder')
          }}
        />
        {form.busy && <ExportProgress id={`${id}-progress`} progress={progress} />}
      </FormFrame>
      {result && (
        <div className="claim-export-result">
          <h4 id={`${id}-result-title`} ref={resultRef} tabIndex={-1}>
            {t('claimsScreen.export.done', { folder: result.folder })}
          </h4>
          <div className="table-scroll">
            <table className="table table-compact">
              <caption className="visually-hidden">{t('claimsScreen.export.files')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('claimsScreen.export.file')}</th>
                  <th scope="col" className="num">
                    {t('claimsScreen.export.bytes')}
                  </th>
                  <th scope="col">{t('claimsScreen.export.sha256')}</th>
                </tr>
              </thead>
              <tbody>
                {result.files.map((file) => (
                  <tr key={file.name}>
                    <th scope="row" className="mono">
                      {file.name}
                    </th>
                    <td className="num">{file.bytes.toLocaleString(i18n.language)}</td>
                    <td className="mono claim-hash">{file.sha256}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  )
}

/** A real progress bar: the phase in words, done of total (indeterminate until the first answer). */
function ExportProgress({ id, progress }: { id: string; progress: ExportProgressDto | null }) {
  const { t } = useTranslation()
  const label = progress ? t('claimsScreen.export.progress', { phase: t(`claimsScreen.export.phase.${progress.phase}`), done: progress.done, total: progress.total }) : t('claimsScreen.export.starting')
  return (
    <div className="claim-progress">
      <label htmlFor={id}>{label}</label>
      {progress && progress.total > 0 ? <progress id={id} max={progress.total} value={progress.done} /> : <progress id={id} />}
    </div>
  )
}
