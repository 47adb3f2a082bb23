import { useTranslation } from 'react-i18next'
import type { TicketDetailDto } from '../../../../shared/dto/tickets'
import type { DiagnosisDto, TicketWorkDto } from '../../../../shared/dto/workflow'
import { EstimateTable } from '../../components/EstimateTable'
import { useFaultCodeText } from '../../fault-code-text'
import { useShopFormat } from '../../shop-format'
import { Facts } from './Facts'

/** What the workflow recorded so far, in the order it happens: diagnosis, estimate, decision, repair, hand-back. */
export function WorkSummary({ ticket, work }: { ticket: TicketDetailDto; work: TicketWorkDto }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const by = (atMs: number, name: string) => t('work.by', { when: format.instant(atMs), name })
  const { diagnosis, estimate, decision, completion } = work
  const handedOver = work.readyAtMs !== null || work.collectedAtMs !== null
  const nothing = !diagnosis && !estimate && !decision && work.repairStartedAtMs === null && !handedOver && work.cancelReason === null
  return (
    <div className="work-summary">
      {nothing && <p className="empty-state">{t('work.nothingYet')}</p>}
      {diagnosis && <DiagnosisFacts diagnosis={diagnosis} manufacturerId={ticket.device.model.manufacturer.id} by={by(diagnosis.atMs, diagnosis.staffName)} />}
      {estimate && (
        <div className="work-block">
          <h3>{t('work.estimateRevision', { revision: estimate.revision })}</h3>
          <p className="meta">{by(estimate.atMs, estimate.staffName)}</p>
          <div className="table-scroll">
            <EstimateTable estimate={estimate} caption={t('work.estimateCaption')} />
          </div>
          <p className="field-hint">{estimate.pricesIncludeTax ? t('work.pricesIncludeTax') : t('work.pricesExcludeTax')}</p>
        </div>
      )}
      {decision && (
        <div className="work-block">
          <h3>{t('work.decision')}</h3>
          <Facts
            rows={[
              [t('work.decision'), t('work.decisionText', { decision: t(`repair.decision.${decision.decision}`), via: t(`repair.decisionChannel.${decision.via}`) })],
              [t('ticket.time'), by(decision.atMs, decision.staffName)],
              ...(work.diagnosisFeeMinor !== null ? [[t('work.diagnosisFee'), format.money(work.diagnosisFeeMinor)] as [string, string]] : []),
            ]}
          />
        </div>
      )}
      {(work.repairStartedAtMs !== null || completion) && (
        <div className="work-block">
          <h3>{t('work.repair')}</h3>
          <Facts
            rows={[
              [t('work.repairStarted'), work.repairStartedAtMs !== null ? format.instant(work.repairStartedAtMs) : ''],
              [t('work.workDone'), completion?.workDone ?? ''],
              [t('work.testResult'), completion ? t(`repair.testResult.${completion.testResult}`) : ''],
            ]}
          />
        </div>
      )}
      {handedOver && (
        <div className="work-block">
          <h3>{t('work.handBack')}</h3>
          <Facts
            rows={[
              [t('work.readyAt'), work.readyAtMs !== null ? format.instant(work.readyAtMs) : ''],
              [t('work.contactedVia'), work.contactedVia ? t(`repair.contactChannel.${work.contactedVia}`) : ''],
              [t('work.outcome'), work.outcome ? t(`repair.outcome.${work.outcome}`) : ''],
              [t('work.collectedAt'), work.collectedAtMs !== null ? format.instant(work.collectedAtMs) : ''],
              [t('work.collectedBy'), work.collectedBy ?? ''],
            ]}
          />
        </div>
      )}
      {work.cancelReason !== null && (
        <div className="work-block">
          <h3>{t('ticketStatus.cancelled')}</h3>
          <Facts rows={[[t('work.cancelReason'), work.cancelReason]]} />
        </div>
      )}
    </div>
  )
}

function DiagnosisFacts({ diagnosis, manufacturerId, by }: { diagnosis: DiagnosisDto; manufacturerId: number; by: string }) {
  const { t } = useTranslation()
  const codeText = useFaultCodeText(manufacturerId)
  const warranty = [t(`repair.warrantyDecision.${diagnosis.warrantyDecision}`), diagnosis.voidReason ? t(`repair.voidReason.${diagnosis.voidReason}`) : ''].filter(Boolean).join(' — ')
  return (
    <div className="work-block">
      <h3>{t('work.diagnosis')}</h3>
      <p className="meta">{by}</p>
      <Facts
        rows={[
          [t('work.findings'), diagnosis.findings],
          [t('work.faultCodes'), codeText.lines(diagnosis.faultCodes).join('\n')],
          [t('work.repairTier'), t(`repair.tier.${diagnosis.repairTier}`)],
          [t('work.warrantyDecision'), warranty],
        ]}
      />
    </div>
  )
}
