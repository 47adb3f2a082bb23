import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { clientStateRoot, useClientState } from '../../client-state'
import { useClient } from '../../client-context'

// The reports' server state and the dates the owner picked. Dates are kept for the session, so
// coming back from the print page or another screen shows the same day and period.

export const reportKeys = {
  root: ['reports'] as const,
  daily: (date: string) => ['reports', 'daily', date] as const,
  period: (from: string, to: string) => ['reports', 'period', from, to] as const,
  dates: [clientStateRoot, 'reportDates'] as const,
}

export interface ReportDates {
  day: string
  from: string
  to: string
}

/** Today (shop-local) for the day, and this month so far for the period, until the owner picks others. */
export function useReportDates(today: string): [ReportDates, (dates: ReportDates) => void] {
  return useClientState<ReportDates>(reportKeys.dates, { day: today, from: `${today.slice(0, 8)}01`, to: today })
}

/**
 * One day's report. While another day loads, the previous day's stays on screen (marked busy and
 * titled with its own date), so stepping through days with the keyboard does not flash.
 */
export function useDailyReport(date: string) {
  const client = useClient()
  return useQuery({ queryKey: reportKeys.daily(date), queryFn: () => client.call('reports.daily', { date }), placeholderData: keepPreviousData })
}

export function usePeriodReport(from: string, to: string) {
  const client = useClient()
  return useQuery({ queryKey: reportKeys.period(from, to), queryFn: () => client.call('reports.period', { from, to }), placeholderData: keepPreviousData })
}
