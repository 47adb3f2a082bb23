import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field'
import type { TokenAction } from './claim-rules-draft'

interface SyncFieldsProps {
  prefix: string
  url: string
  onUrl: (url: string) => void
  /** The ledger holds a token for this manufacturer (it never says which). */
  tokenSet: boolean
  token: TokenAction
  onToken: (token: TokenAction) => void
  errors: Record<string, string>
}

/**
 * The manufacturer's claim endpoint and its API token. The token is write-only: a stored one is
 * only ever "stored", with Replace (a fresh password box) and Forget (on save); what is typed is
 * sent once and dropped from the form when the save succeeds.
 */
export function SyncFields({ prefix, url, onUrl, tokenSet, token, onToken, errors }: SyncFieldsProps) {
  const { t } = useTranslation()
  const tokenBox = useRef<HTMLInputElement>(null)
  const focusNext = useRef<'box' | 'replace' | 'keep' | null>(null)
  const tokenId = `${prefix}-sync-token`

  useEffect(() => {
    const target = focusNext.current
    focusNext.current = null
    if (target === 'box') tokenBox.current?.focus()
    else if (target) document.getElementById(`${tokenId}-${target}`)?.focus()
  }, [token.kind, tokenId])

  const act = (next: TokenAction, focus: 'box' | 'replace' | 'keep') => {
    focusNext.current = focus
    onToken(next)
  }

  const box = (label: string) => (
    <Field id={tokenId} label={label} hint={t('claimRules.sync.tokenHint')} error={errors.syncToken}>
      {(control) => (
        <input
          {...control}
          ref={tokenBox}
          type="password"
          className="mono"
          maxLength={500}
          autoComplete="new-password"
          spellCheck={false}
          value={token.kind === 'set' ? token.token : ''}
          onChange={(event) => onToken({ kind: 'set', token: event.target.value })}
        />
      )}
    </Field>
  )

  return (
    <fieldset>
      <legend>{t('claimRules.sync.legend')}</legend>
      <Field id={`${prefix}-sync-url`} label={t('claimRules.sync.url')} hint={t('claimRules.sync.urlHint')} error={errors.syncUrl}>
        {(control) => (
          <input {...control} type="url" inputMode="url" className="mono" maxLength={500} autoComplete="off" spellCheck={false} placeholder="https://" value={url} onChange={(event) => onUrl(event.target.value)} />
        )}
      </Field>
      {!tokenSet && box(t('claimRules.sync.token'))}
      {tokenSet && token.kind === 'keep' && (
        <div className="claim-rules-token">
          <p id={`${tokenId}-state`}>{t('claimRules.sync.stored')}</p>
          <div className="row-actions">
            <button type="button" id={`${tokenId}-replace`} className="button button-small" aria-describedby={`${tokenId}-state`} onClick={() => act({ kind: 'set', token: '' }, 'box')}>
              {t('claimRules.sync.replace')}
            </button>
            <button type="button" id={`${tokenId}-forget`} className="button button-small" aria-describedby={`${tokenId}-state`} onClick={() => act({ kind: 'forget' }, 'keep')}>
              {t('claimRules.sync.forget')}
            </button>
          </div>
          {errors.syncToken && <p className="field-error">{errors.syncToken}</p>}
        </div>
      )}
      {tokenSet && token.kind === 'set' && (
        <div className="claim-rules-token">
          {box(t('claimRules.sync.newToken'))}
          <button type="button" id={`${tokenId}-keep`} className="button button-small" onClick={() => act({ kind: 'keep' }, 'replace')}>
            {t('claimRules.sync.keep')}
          </button>
        </div>
      )}
      {tokenSet && token.kind === 'forget' && (
        <div className="claim-rules-token">
          <p id={`${tokenId}-state`} className="note">
            {t('claimRules.sync.forgetPending')}
          </p>
          <button type="button" id={`${tokenId}-keep`} className="button button-small" aria-describedby={`${tokenId}-state`} onClick={() => act({ kind: 'keep' }, 'replace')}>
            {t('claimRules.sync.keep')}
          </button>
          {errors.syncToken && <p className="field-error">{errors.syncToken}</p>}
        </div>
      )}
    </fieldset>
  )
}
