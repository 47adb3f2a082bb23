import { useTranslation } from 'react-i18next'

/**
 * Downloads a table as a CSV file. The text is built only when clicked (a busy report has many
 * tables), then handed to the browser as a UTF-8 blob behind a temporary `<a download>`: the web
 * mode saves it like any download, Electron asks where to save it.
 */
export function CsvButton({ fileName, table, build }: { fileName: string; table: string; build: () => string }) {
  const { t } = useTranslation()
  const download = () => {
    const url = URL.createObjectURL(new Blob([build()], { type: 'text/csv;charset=utf-8' }))
    const link = document.createElement('a')
    link.href = url
    link.download = fileName
    link.hidden = true
    document.body.append(link)
    link.click()
    link.remove()
    // The click has started the download by now; the blob is no longer needed after this task.
    setTimeout(() => URL.revokeObjectURL(url), 0)
  }
  return (
    <button type="button" className="button button-small" onClick={download} aria-label={t('reports.csv.download', { table })}>
      {t('reports.csv.button')}
    </button>
  )
}
