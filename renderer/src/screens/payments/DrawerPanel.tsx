import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CashSessionDto } from '../../../../shared/dto/payments'
import { LoadError, Loading, StatusMessage } from '../../components/Feedback'
import { useShopFormat } from '../../shop-format'
import { Facts } from '../ticket-detail/Facts'
import { OpenDrawer } from './OpenDrawer'
import { OpenDrawerForm } from './OpenDrawerForm'
import { useOverShortText } from './over-short'
import { useCashStatus } from './payment-hooks'

/** The cash drawer: open with what it should hold now, or closed with how the last count came out. */
export function DrawerPanel() {
  const { t } = useTranslation()
  const status = useCashStatus()
  const [message, setMessage] = useState<string | null>(null)
  // Opening or closing swaps the form that had focus for another view: focus stays in the section.
  const changed = (text: string) => {
    setMessage(text)
    document.getElementById('drawer-title')?.focus()
  }
  return (
    <section aria-labelledby="drawer-title" className="work-panel drawer-panel" aria-busy={status.isPending || undefined}>
      <h2 id="drawer-title" tabIndex={-1}>
        {t('cash.title')}
      </h2>
      {status.isPending && <Loading />}
      {status.isError && <LoadError error={status.error} onRetry={() => void status.refetch()} />}
      <StatusMessage message={message} />
      {status.data &&
        (status.data.open ? (
          <OpenDrawer key={status.data.open.id} session={status.data.open} onMessage={setMessage} onClosed={changed} />
        ) : (
          <>
            <p className="drawer-state">{t('cash.closedNow')}</p>
            {status.data.lastClosed && <LastClose session={status.data.lastClosed} />}
            <OpenDrawerForm lastClosed={status.data.lastClosed} onOpened={changed} />
          </>
        ))}
    </section>
  )
}

function LastClose({ session }: { session: CashSessionDto }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const overShort = useOverShortText()
  const closing = session.closing
  if (!closing) return null
  const counted = closing.denominations?.filter((d) => d.count > 0).map((d) => t('cash.denominationCount', { value: format.money(d.valueMinor), count: d.count }))
  return (
    <div className="work-block">
      <h3>{t('cash.lastClose')}</h3>
      <Facts
        rows={[
          [t('cash.closedAt'), t('work.by', { when: format.instant(closing.closedAtMs), name: closing.closedByName })],
          [t('cash.expected'), format.money(closing.expectedMinor)],
          [t('cash.counted'), format.money(closing.countedMinor)],
          [t('cash.overShort'), overShort(closing.overShortMinor)],
          ...(counted?.length ? [[t('cash.byDenomination'), counted.join(t('common.listSeparator'))] as [string, string]] : []),
          ...(closing.note ? [[t('cash.note'), closing.note] as [string, string]] : []),
        ]}
      />
    </div>
  )
}
