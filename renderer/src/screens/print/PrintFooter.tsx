import { useTranslation } from 'react-i18next'

/** The shop's terms from Settings, when it has any. */
export function PrintTerms({ text }: { text: string }) {
  const { t } = useTranslation()
  if (!text) return null
  return (
    <section className="print-terms" aria-labelledby="print-terms-title">
      <h3 id="print-terms-title">{t('print.terms')}</h3>
      <p>{text}</p>
    </section>
  )
}

/** A signature line and a date line, under whatever the signer confirms. */
export function SignatureLines({ label }: { label: string }) {
  const { t } = useTranslation()
  return (
    <div className="print-signature">
      <p>
        <span>{label}</span>
        <span className="signature-line" />
      </p>
      <p>
        <span>{t('print.signatureDate')}</span>
        <span className="signature-line signature-line-short" />
      </p>
    </div>
  )
}
