import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ErrorAlert, StatusMessage } from '../../components/Feedback'
import { desktopBridge } from '../../desktop'

/** Desktop only: the main process prints this page to PDF with its CSS page size; the user picks the file. */
export function SavePdfButton({ suggestedName }: { suggestedName: string }) {
  const { t } = useTranslation()
  const bridge = desktopBridge()
  const save = useMutation({ mutationFn: () => bridge!.savePdf({ suggestedName }) })
  if (!bridge) return null
  const result = save.data
  return (
    <>
      <button type="button" className="button" onClick={() => save.mutate()} aria-busy={save.isPending || undefined}>
        {save.isPending ? t('print.savingPdf') : t('print.savePdf')}
      </button>
      {result?.ok && <StatusMessage message={t('print.savedPdf', { path: result.path })} />}
      {(save.isError || (result && !result.ok && result.reason !== 'cancelled')) && <ErrorAlert message={t('print.savePdfFailed')} />}
    </>
  )
}
