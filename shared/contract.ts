import { z } from 'zod'
import type { AuditVerifyDto } from './dto/audit'
import type { BackupDto, BackupListDto, BackupProgressDto, BackupRunDto, BackupSettingsDto, RestoreDto } from './dto/backup'
import { BackupConfigureInput, BackupInspectInput, BackupListInput, BackupProgressInput, BackupRestoreInput, BackupRunInput } from './schemas/backup'
import type { ExportProgressDto, OutboxItemDto, RemittanceDto, RemittancePageDto, SyncStatusDto } from './dto/claim-outcomes'
import {
  BatchSubmittedInput,
  ClaimOutcomeInput,
  ExportProgressInput,
  RemittanceInput,
  RemittanceListInput,
  SyncEnqueueInput,
  SyncRetryInput,
  SyncStatusInput,
} from './schemas/claim-outcomes'
import type { SessionDto, StaffChoiceDto, StaffDto } from './dto/auth'
import type { AppInfoDto, SetupStatusDto, ShopSettingsDto } from './dto/settings'
import type { CustomerDetailDto, DeviceHistoryDto, TicketDetailDto, TicketPageDto, TicketSummaryDto } from './dto/tickets'
import type { CustomerDto, ManufacturerDto, ModelDto } from './dto/catalog'
import {
  CustomerCreateInput,
  CustomerUpdateInput,
  DeviceHistoryInput,
  ManufacturerCreateInput,
  ManufacturerListInput,
  ManufacturerUpdateInput,
  ModelCreateInput,
  ModelSearchInput,
  SearchInput,
} from './schemas/catalog'
import { Empty, Id } from './schemas/common'
import { IntakeInput, TicketGetInput, TicketListInput } from './schemas/tickets'
import type { BoardDto, FaultCodeDto, TicketWorkDto } from './dto/workflow'
import {
  AddNoteInput,
  AssignInput,
  BoardInput,
  CancelInput,
  CollectInput,
  CompleteInput,
  DecideInput,
  DiagnoseInput,
  EstimateInput,
  FaultCodeListInput,
  FaultCodeUpsertInput,
  MarkReadyInput,
  StartDiagnosisInput,
  StartRepairInput,
} from './schemas/workflow'

import type { MovementPageDto, PartDetailDto, PartDto, ReceiptDto, RmaListDto, RmaShipmentDto, StocktakeDto, TicketPartsDto } from './dto/stock'
import {
  AdjustInput,
  LevelsInput,
  MovementsInput,
  PartCreateInput,
  PartGetInput,
  PartSearchInput,
  PartUpdateInput,
  ReceiveInput,
  ReturnPartInput,
  RmaListInput,
  RmaShipInput,
  ScrapInput,
  StocktakeInput,
  TicketPartsInput,
  TransferInput,
  UsePartsInput,
} from './schemas/stock'
import type { CashStatusDto, CashSessionDto, InvoiceDto, PaymentListDto, PaymentResultDto } from './dto/payments'
import { CashCloseInput, CashMovementInput, CashOpenInput, InvoiceInput, PaymentListInput, RecordPaymentInput, RefundInput } from './schemas/payments'
import type { DailyReportDto, PeriodReportDto } from './dto/reports'
import { DailyReportInput, PeriodReportInput } from './schemas/reports'
import { SettingsUpdateInput } from './schemas/settings'
import type { ClaimDetailDto, ClaimPageDto, ClaimRulesDto } from './dto/claims'
import type { BatchDetailDto, BatchExportDto, BatchPageDto } from './dto/claim-batches'
import { BatchCreateInput, BatchExportInput, BatchGetInput, BatchListInput } from './schemas/claim-batches'
import { ClaimGetInput, ClaimListInput, ClaimRulesGetInput, ClaimRulesUpdateInput, ClaimUpdateInput, ClaimValidateInput } from './schemas/claims'
import {
  SetLocaleInput,
  SetupCompleteInput,
  SignInInput,
  StaffCreateInput,
  StaffListInput,
  StaffUpdateInput,
} from './schemas/staff'

/** Who may call a channel: anyone holding the transport token, a signed-in staff member, or an owner. */
export type Access = 'public' | 'staff' | 'owner'

export interface ChannelDef<I extends z.ZodType, O> {
  access: Access
  input: I
  /** Phantom: carries the output type only. */
  output: O
}

function channel<O>() {
  return <I extends z.ZodType>(access: Access, input: I): ChannelDef<I, O> => ({
    access,
    input,
    output: undefined as unknown as O,
  })
}

export const contract = {
  'app.info': channel<AppInfoDto>()('public', Empty),
  'setup.status': channel<SetupStatusDto>()('public', Empty),
  'setup.complete': channel<SessionDto>()('public', SetupCompleteInput),
  'auth.staffChoices': channel<StaffChoiceDto[]>()('public', Empty),
  'auth.signIn': channel<SessionDto>()('public', SignInInput),
  'auth.signOut': channel<{ signedOut: true }>()('public', Empty),
  'auth.current': channel<SessionDto | null>()('public', Empty),
  'auth.setLocale': channel<StaffDto>()('staff', SetLocaleInput),
  'settings.get': channel<ShopSettingsDto>()('staff', Empty),
  'settings.update': channel<ShopSettingsDto>()('owner', SettingsUpdateInput),
  'staff.list': channel<StaffDto[]>()('staff', StaffListInput),
  'staff.create': channel<StaffDto>()('owner', StaffCreateInput),
  'staff.update': channel<StaffDto>()('owner', StaffUpdateInput),
  'customers.search': channel<CustomerDto[]>()('staff', SearchInput),
  'customers.get': channel<CustomerDetailDto>()('staff', z.strictObject({ id: Id })),
  'customers.create': channel<CustomerDto>()('staff', CustomerCreateInput),
  'customers.update': channel<CustomerDto>()('staff', CustomerUpdateInput),
  'manufacturers.list': channel<ManufacturerDto[]>()('staff', ManufacturerListInput),
  'manufacturers.create': channel<ManufacturerDto>()('owner', ManufacturerCreateInput),
  'manufacturers.update': channel<ManufacturerDto>()('owner', ManufacturerUpdateInput),
  'models.search': channel<ModelDto[]>()('staff', ModelSearchInput),
  'models.create': channel<ModelDto>()('owner', ModelCreateInput),
  'devices.history': channel<DeviceHistoryDto>()('staff', DeviceHistoryInput),
  'tickets.intake': channel<TicketDetailDto>()('staff', IntakeInput),
  'tickets.list': channel<TicketPageDto>()('staff', TicketListInput),
  'tickets.get': channel<TicketDetailDto>()('staff', TicketGetInput),
  'tickets.search': channel<TicketSummaryDto[]>()('staff', SearchInput),
  'tickets.work': channel<TicketWorkDto>()('staff', TicketGetInput),
  'tickets.assign': channel<TicketWorkDto>()('staff', AssignInput),
  'tickets.startDiagnosis': channel<TicketWorkDto>()('staff', StartDiagnosisInput),
  'tickets.diagnose': channel<TicketWorkDto>()('staff', DiagnoseInput),
  'tickets.estimate': channel<TicketWorkDto>()('staff', EstimateInput),
  'tickets.decide': channel<TicketWorkDto>()('staff', DecideInput),
  'tickets.startRepair': channel<TicketWorkDto>()('staff', StartRepairInput),
  'tickets.complete': channel<TicketWorkDto>()('staff', CompleteInput),
  'tickets.markReady': channel<TicketWorkDto>()('staff', MarkReadyInput),
  'tickets.collect': channel<TicketWorkDto>()('staff', CollectInput),
  'tickets.cancel': channel<TicketWorkDto>()('staff', CancelInput),
  'tickets.addNote': channel<TicketWorkDto>()('staff', AddNoteInput),
  'tickets.board': channel<BoardDto>()('staff', BoardInput),
  'tickets.parts': channel<TicketPartsDto>()('staff', TicketPartsInput),
  'tickets.useParts': channel<TicketPartsDto>()('staff', UsePartsInput),
  'tickets.returnPart': channel<TicketPartsDto>()('staff', ReturnPartInput),
  'parts.search': channel<PartDto[]>()('staff', PartSearchInput),
  'parts.get': channel<PartDetailDto>()('staff', PartGetInput),
  'parts.create': channel<PartDetailDto>()('owner', PartCreateInput),
  'parts.update': channel<PartDetailDto>()('owner', PartUpdateInput),
  'stock.receive': channel<ReceiptDto>()('staff', ReceiveInput),
  'stock.adjust': channel<PartDto>()('owner', AdjustInput),
  'stock.transfer': channel<PartDto>()('owner', TransferInput),
  'stock.scrap': channel<PartDto>()('owner', ScrapInput),
  'stock.stocktake': channel<StocktakeDto>()('owner', StocktakeInput),
  'stock.levels': channel<PartDto[]>()('staff', LevelsInput),
  'stock.movements': channel<MovementPageDto>()('staff', MovementsInput),
  'rma.list': channel<RmaListDto>()('staff', RmaListInput),
  'rma.ship': channel<RmaShipmentDto>()('staff', RmaShipInput),
  'invoices.forTicket': channel<InvoiceDto>()('staff', InvoiceInput),
  'payments.record': channel<PaymentResultDto>()('staff', RecordPaymentInput),
  'payments.refund': channel<PaymentResultDto>()('staff', RefundInput),
  'payments.list': channel<PaymentListDto>()('staff', PaymentListInput),
  'cash.open': channel<CashSessionDto>()('staff', CashOpenInput),
  'cash.close': channel<CashSessionDto>()('staff', CashCloseInput),
  'cash.status': channel<CashStatusDto>()('staff', Empty),
  'cash.movement': channel<CashSessionDto>()('staff', CashMovementInput),
  'reports.daily': channel<DailyReportDto>()('owner', DailyReportInput),
  'reports.period': channel<PeriodReportDto>()('owner', PeriodReportInput),
  'faultCodes.list': channel<FaultCodeDto[]>()('staff', FaultCodeListInput),
  'faultCodes.upsert': channel<FaultCodeDto>()('owner', FaultCodeUpsertInput),
  'manufacturers.claimRules': channel<ClaimRulesDto>()('staff', ClaimRulesGetInput),
  'manufacturers.updateClaimRules': channel<ClaimRulesDto>()('owner', ClaimRulesUpdateInput),
  'claims.list': channel<ClaimPageDto>()('staff', ClaimListInput),
  'claims.get': channel<ClaimDetailDto>()('staff', ClaimGetInput),
  'claims.update': channel<ClaimDetailDto>()('staff', ClaimUpdateInput),
  'claims.validate': channel<ClaimDetailDto>()('staff', ClaimValidateInput),
  'batches.create': channel<BatchDetailDto>()('staff', BatchCreateInput),
  'batches.list': channel<BatchPageDto>()('staff', BatchListInput),
  'batches.get': channel<BatchDetailDto>()('staff', BatchGetInput),
  'batches.export': channel<BatchExportDto>()('staff', BatchExportInput),
  'batches.exportProgress': channel<ExportProgressDto | null>()('staff', ExportProgressInput),
  'batches.markSubmitted': channel<BatchDetailDto>()('staff', BatchSubmittedInput),
  'claims.recordOutcome': channel<ClaimDetailDto>()('staff', ClaimOutcomeInput),
  'claims.recordPayment': channel<RemittanceDto>()('staff', RemittanceInput),
  'claims.remittances': channel<RemittancePageDto>()('staff', RemittanceListInput),
  'sync.enqueue': channel<OutboxItemDto>()('staff', SyncEnqueueInput),
  'sync.status': channel<SyncStatusDto>()('staff', SyncStatusInput),
  'sync.retry': channel<OutboxItemDto>()('staff', SyncRetryInput),
  'audit.verify': channel<AuditVerifyDto>()('owner', Empty),
  'backup.settings': channel<BackupSettingsDto>()('staff', Empty),
  'backup.configure': channel<BackupSettingsDto>()('owner', BackupConfigureInput),
  'backup.run': channel<BackupRunDto>()('staff', BackupRunInput),
  'backup.list': channel<BackupListDto>()('staff', BackupListInput),
  'backup.inspect': channel<BackupDto>()('staff', BackupInspectInput),
  'backup.restore': channel<RestoreDto>()('owner', BackupRestoreInput),
  'backup.progress': channel<BackupProgressDto | null>()('staff', BackupProgressInput),
} as const

export type Contract = typeof contract
export type ChannelName = keyof Contract
export type InputOf<C extends ChannelName> = z.input<Contract[C]['input']>
export type ParsedInputOf<C extends ChannelName> = z.output<Contract[C]['input']>
export type OutputOf<C extends ChannelName> = Contract[C]['output']

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name)
}
