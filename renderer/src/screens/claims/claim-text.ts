import { useTranslation } from 'react-i18next'
import { isBusinessDate } from '../../../../shared/dates'
import type { ClaimEventDto, ClaimProblemDto } from '../../../../shared/dto/claims'
import { useShopFormat } from '../../shop-format'

// Claim vocabulary in words: a validation problem (messageKey + params, dates in the shop's
// format), an event of the claim's history, a status.

export interface ClaimText {
  problem(problem: ClaimProblemDto): string
  event(event: ClaimEventDto): string
  status(status: string): string
}

export function useClaimText(): ClaimText {
  const { t } = useTranslation()
  const format = useShopFormat()
  const status = (value: string) => t(`claimStatus.${value}`, { defaultValue: value })
  return {
    problem: (problem) => {
      const params: Record<string, string | number> = {}
      for (const [name, value] of Object.entries(problem.params ?? {})) params[name] = typeof value === 'string' && isBusinessDate(value) ? format.date(value) : value
      return t(problem.messageKey, { ...params, defaultValue: problem.code })
    },
    // The ledger's own words for the kinds it has; the screen's for the later ones; else the code.
    event: (event) => t(`claimEvent.${event.kind}`, { defaultValue: t(`claimsScreen.event.${event.kind}`, { defaultValue: event.kind }) }),
    status,
  }
}

/** "claim.parts.0.partNumber" style path of a problem's field, as the edit form names its inputs. */
export function problemPath(problem: Pick<ClaimProblemDto, 'field'>): string {
  return problem.field.join('.')
}
