import { useTranslation } from 'react-i18next'
import type { DurationStatsDto, ManufacturerClaimsDto, PeriodReportDto } from '../../../../shared/dto/reports'
import type { ReportFormat } from './report-format'
import { useColumnKit, type ReportTableSpec } from './report-table-spec'
import { revenueSplitTable } from './revenue-table'

// Every table of the period metrics, defined once for the screen and the CSV files.

interface Turnaround extends DurationStatsDto {
  key: string
  label: string
}

interface Rate {
  key: string
  label: string
  part: number
  whole: number
  rate: number | null
}

type Technician = PeriodReportDto['technicians'][number]
type Fault = PeriodReportDto['topFaults'][number]
type Model = PeriodReportDto['topModels'][number]
type Part = PeriodReportDto['parts'][number]
type Kind = PeriodReportDto['byKind'][number] & { key: string; label: string; work: string }
type ManufacturerClaims = ManufacturerClaimsDto

export interface PeriodTables {
  turnaround: ReportTableSpec<Turnaround>
  rates: ReportTableSpec<Rate>
  technicians: ReportTableSpec<Technician>
  topFaults: ReportTableSpec<Fault>
  topModels: ReportTableSpec<Model>
  parts: ReportTableSpec<Part>
  byKind: ReportTableSpec<Kind>
  revenue: ReturnType<typeof revenueSplitTable>
  claims: ReportTableSpec<ManufacturerClaims>
}

export function usePeriodTables(report: PeriodReportDto, format: ReportFormat): PeriodTables {
  const { t } = useTranslation()
  const kit = useColumnKit(format)
  const { turnaround, onTime, repeats, firstTimeFix } = report
  const work = (warranty: boolean) => t(warranty ? 'reports.kind.warranty' : 'reports.kind.paid')
  const kinds = report.byKind.map((row) => ({
    ...row,
    key: `${row.tier}:${row.warranty ? 'w' : 'p'}`,
    label: row.tier === 'none' ? t('reports.byKind.noTier') : t(`repair.tier.${row.tier}`, { defaultValue: row.tier }),
    work: work(row.warranty),
  }))
  const sum = (get: (row: Kind) => number) => kinds.reduce((total, row) => total + get(row), 0)

  return {
    turnaround: {
      name: 'turnaround',
      caption: t('reports.turnaround.caption'),
      columns: [
        kit.text<Turnaround>(t('reports.turnaround.work'), (row) => row.label),
        kit.count<Turnaround>(t('reports.turnaround.count'), (row) => row.count),
        kit.hours<Turnaround>(t('reports.turnaround.median'), (row) => row.medianHours),
        kit.hours<Turnaround>(t('reports.turnaround.p90'), (row) => row.p90Hours),
      ],
      rows: [
        { key: 'all', label: t('reports.kind.all'), ...turnaround.all },
        { key: 'warranty', label: work(true), ...turnaround.warranty },
        { key: 'paid', label: work(false), ...turnaround.paid },
      ],
      rowKey: (row) => row.key,
      empty: '',
    },
    rates: {
      name: 'rates',
      caption: t('reports.rates.caption'),
      columns: [
        kit.text<Rate>(t('reports.rates.metric'), (row) => row.label),
        kit.count<Rate>(t('reports.rates.part'), (row) => row.part),
        kit.count<Rate>(t('reports.rates.whole'), (row) => row.whole),
        kit.ratio<Rate>(t('reports.rates.rate'), (row) => row.rate),
      ],
      rows: [
        { key: 'on-time', label: t('reports.rates.onTime'), part: onTime.onTime, whole: onTime.withPromise, rate: onTime.rate },
        { key: 'repeat-30', label: t('reports.rates.repeat30'), part: repeats.within30, whole: repeats.warrantyCompleted, rate: repeats.rate30 },
        { key: 'repeat-90', label: t('reports.rates.repeat90'), part: repeats.within90, whole: repeats.warrantyCompleted, rate: repeats.rate90 },
        { key: 'first-time-fix', label: t('reports.rates.firstTimeFix'), part: firstTimeFix.fixedFirstTime, whole: firstTimeFix.repaired, rate: firstTimeFix.rate },
      ],
      rowKey: (row) => row.key,
      empty: '',
    },
    technicians: {
      name: 'technicians',
      caption: t('reports.technicians.caption'),
      columns: [
        kit.text<Technician>(t('reports.technicians.name'), (row) => row.name),
        kit.count<Technician>(t('reports.technicians.completed'), (row) => row.completed),
        kit.count<Technician>(t('reports.kind.warranty'), (row) => row.warranty),
        kit.count<Technician>(t('reports.kind.paid'), (row) => row.paid),
        kit.money<Technician>(t('reports.technicians.revenue'), (row) => row.revenueNetMinor),
      ],
      rows: report.technicians,
      rowKey: (row) => row.staffId,
      empty: t('reports.technicians.empty'),
    },
    topFaults: {
      name: 'top-faults',
      caption: t('reports.topFaults.caption'),
      columns: [
        kit.text<Fault>(t('reports.topFaults.code'), (row) => row.code),
        kit.text<Fault>(t('reports.topFaults.description'), (row) => row.description),
        kit.count<Fault>(t('reports.topFaults.count'), (row) => row.count),
      ],
      rows: report.topFaults,
      rowKey: (row) => row.code,
      empty: t('reports.topFaults.empty'),
    },
    topModels: {
      name: 'top-models',
      caption: t('reports.topModels.caption'),
      columns: [
        kit.text<Model>(t('reports.topModels.model'), (row) => row.modelName),
        kit.text<Model>(t('reports.topModels.manufacturer'), (row) => row.manufacturerName),
        kit.count<Model>(t('reports.topModels.count'), (row) => row.count),
      ],
      rows: report.topModels,
      rowKey: (row) => `${row.manufacturerName}:${row.modelName}`,
      empty: t('reports.topModels.empty'),
    },
    parts: {
      name: 'parts-used',
      caption: t('reports.parts.caption'),
      columns: [
        kit.text<Part>(t('reports.parts.sku'), (row) => row.sku),
        kit.text<Part>(t('reports.parts.name'), (row) => row.name),
        kit.count<Part>(t('reports.parts.quantity'), (row) => row.quantity),
        kit.money<Part>(t('reports.parts.shopCost'), (row) => row.shopCostMinor),
      ],
      rows: report.parts,
      rowKey: (row) => row.partId,
      empty: t('reports.parts.empty'),
    },
    byKind: {
      name: 'work-kinds',
      caption: t('reports.byKind.caption'),
      columns: [
        kit.text<Kind>(t('reports.byKind.tier'), (row) => row.label),
        kit.text<Kind>(t('reports.byKind.work'), (row) => row.work),
        kit.count<Kind>(t('reports.byKind.tickets'), (row) => row.tickets),
        kit.money<Kind>(t('reports.byKind.revenue'), (row) => row.revenueNetMinor),
        kit.money<Kind>(t('reports.byKind.partsCost'), (row) => row.partsCostMinor),
        kit.money<Kind>(t('reports.byKind.margin'), (row) => row.grossMarginMinor),
      ],
      rows: kinds,
      rowKey: (row) => row.key,
      total: {
        key: 'total',
        label: t('reports.total'),
        work: '',
        tier: '',
        warranty: false,
        tickets: sum((row) => row.tickets),
        revenueNetMinor: sum((row) => row.revenueNetMinor),
        partsCostMinor: sum((row) => row.partsCostMinor),
        grossMarginMinor: sum((row) => row.grossMarginMinor),
      },
      empty: t('reports.byKind.empty'),
    },
    revenue: revenueSplitTable(t, kit, report.revenue, 'revenue', t('reports.revenue.caption'), t('reports.revenue.empty')),
    claims: {
      name: 'warranty-claims',
      caption: t('reports.claims.periodCaption'),
      columns: [
        kit.text<ManufacturerClaims>(t('reports.claims.manufacturer'), (row) => row.manufacturerName),
        kit.count<ManufacturerClaims>(t('reports.claims.sentCount'), (row) => row.submittedCount),
        kit.money<ManufacturerClaims>(t('reports.claims.sentAmount'), (row) => row.submittedMinor),
        kit.count<ManufacturerClaims>(t('reports.claims.acceptedCount'), (row) => row.acceptedCount),
        kit.count<ManufacturerClaims>(t('reports.claims.rejectedCount'), (row) => row.rejectedCount),
        kit.ratio<ManufacturerClaims>(t('reports.claims.rejectionRate'), (row) => row.rejectionRate),
        kit.money<ManufacturerClaims>(t('reports.claims.paidAmount'), (row) => row.paidMinor),
        kit.days<ManufacturerClaims>(t('reports.claims.medianDays'), (row) => row.daysToPayment.medianDays),
        kit.days<ManufacturerClaims>(t('reports.claims.p90Days'), (row) => row.daysToPayment.p90Days),
        kit.money<ManufacturerClaims>(t('reports.claims.owedAtEnd'), (row) => row.receivableMinor),
      ],
      rows: report.claims.byManufacturer,
      rowKey: (row) => row.manufacturerId,
      // The ledger's own totals: its days to payment are over every claim, not an average of medians.
      total: { ...report.claims, manufacturerId: 0, manufacturerName: t('reports.total') },
      empty: t('reports.claims.periodEmpty'),
    },
  }
}
