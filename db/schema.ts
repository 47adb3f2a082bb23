import type { ClaimBatchStatus, ClaimStatus, SyncAttemptResult, SyncStatus } from '../shared/claims'
import type { ContactChannel, DecisionChannel, EstimateLineKind, FaultCodeKind, RepairTier, TestResult, VoidReason } from '../shared/repair'
import type { CashMovementKind, PaymentKind, PaymentMethod } from '../shared/payments'
import type { StockMovementKind } from '../shared/stock'
import type { TicketStatus } from '../shared/tickets'
import type { WarrantyReason, WarrantyStatus } from '../shared/warranty'
import type { Generated } from 'kysely'

// The kysely view of the ledger. Column names carry their units (`_ms`, `_minor`, `_bp`);
// booleans are 0/1 integers because the tables are STRICT.

export interface SettingsTable {
  id: number
  shop_name: string
  address: string
  phone: string
  tax_id: string
  currency: string
  tax_rate_bp: number
  prices_include_tax: number
  time_zone: string
  locale: string
  receipt_header: string
  receipt_footer: string
  created_at_ms: number
  updated_at_ms: number
  /** Where backups go; null = <ledger folder>/backups. */
  backup_folder: Generated<string | null>
  backup_daily_after_hour: Generated<number>
  backup_keep_daily: Generated<number>
  backup_keep_monthly: Generated<number>
}

export interface StaffTable {
  id: Generated<number>
  name: string
  role: 'technician' | 'owner'
  pin_hash: string
  active: number
  locale: string | null
  created_at_ms: number
  updated_at_ms: number
}

export interface CustomersTable {
  id: Generated<number>
  name: string
  phone: string
  email: string | null
  kind: 'consumer' | 'dealer'
  notes: string
  created_at_ms: number
  updated_at_ms: number
}

export interface ManufacturersTable {
  id: Generated<number>
  code: string
  name: string
  warranty_months: number
  proof_required: number
  claim_window_days: number
  defective_return_days: number
  shop_stock_for_warranty: number
  active: number
  created_at_ms: number
  updated_at_ms: number
  /** Claim labour per repair tier; null = not set yet. */
  labour_l1_minor: Generated<number | null>
  labour_l2_minor: Generated<number | null>
  labour_l3_minor: Generated<number | null>
  /** Markup claimed on shop-stock parts, basis points. */
  parts_markup_bp: Generated<number>
  /** JSON array of RequirableClaimField. */
  required_claim_fields_json: Generated<string>
  /** JSON ExportProfile. */
  export_profile_json: Generated<string>
  /** The manufacturer's claim endpoint (https://, or loopback http:// in tests); null = files only. */
  sync_url: Generated<string | null>
  /** The endpoint's API token, sealed by the SecretBox; never read back out to a screen. */
  sync_token_sealed: Generated<string | null>
}

export interface DeviceModelsTable {
  id: Generated<number>
  manufacturer_id: number
  model_code: string
  marketing_name: string
  category: 'phone' | 'tablet' | 'laptop' | 'wearable' | 'other'
  warranty_months: number | null
  created_at_ms: number
}

export interface DevicesTable {
  id: Generated<number>
  model_id: number
  imei: string | null
  serial: string | null
  purchase_date: string | null
  proof_of_purchase_ref: string | null
  owner_customer_id: number | null
  created_at_ms: number
  updated_at_ms: number
}

export interface TicketsTable {
  id: Generated<number>
  number: string
  customer_id: number
  device_id: number
  received_at_ms: number
  received_business_date: string
  reported_fault: string
  condition_json: string
  condition_notes: string
  accessories_json: string
  passcode_provided: number
  promised_date: string | null
  assigned_staff_id: number | null
  warranty_status: WarrantyStatus
  warranty_reason: WarrantyReason
  status: TicketStatus
  repeat_of_ticket_id: number | null
  notes: string
  created_by_staff_id: number
  updated_at_ms: number
  warranty_ends_on: string | null
  warranty_override_note: string | null
  collected_at_ms: number | null
  collected_business_date: string | null
  diagnosed_at_ms: number | null
  repair_tier: RepairTier | null
  customer_decision: 'approved' | 'declined' | null
  decision_via: DecisionChannel | null
  decided_at_ms: number | null
  decided_by_staff_id: number | null
  diagnosis_fee_minor: number | null
  repair_started_at_ms: number | null
  completed_at_ms: number | null
  completed_business_date: string | null
  work_done: string | null
  test_result: TestResult | null
  ready_at_ms: number | null
  contacted_via: ContactChannel | null
  outcome: 'repaired' | 'unrepaired' | null
  collected_by: string | null
  cancelled_at_ms: number | null
  cancel_reason: string | null
  collect_override_note: string | null
  completed_by_staff_id: number | null
}

export interface DiagnosesTable {
  id: Generated<number>
  ticket_id: number
  at_ms: number
  staff_id: number
  findings: string
  condition_code: string
  symptom_code: string
  defect_code: string
  repair_code: string
  repair_tier: RepairTier
  warranty_decision: 'confirmed' | 'voided' | 'not_applicable'
  void_reason: VoidReason | null
  note: string
}

export interface EstimatesTable {
  id: Generated<number>
  ticket_id: number
  revision: number
  at_ms: number
  staff_id: number
  lines_minor: number
  net_minor: number
  tax_minor: number
  total_minor: number
  tax_rate_bp: number
  prices_include_tax: number
  note: string
}

export interface EstimateLinesTable {
  id: Generated<number>
  estimate_id: number
  position: number
  kind: EstimateLineKind
  description: string
  quantity: number
  unit_price_minor: number
  line_total_minor: number
  part_id: number | null
}

export interface FaultCodesTable {
  id: Generated<number>
  manufacturer_id: number
  kind: FaultCodeKind
  code: string
  description: string
  active: number
  created_at_ms: number
  updated_at_ms: number
}

export interface TicketNumberCountersTable {
  prefix: string
  last_sequence: number
}

export interface TicketSearchTable {
  rowid: number
  number: string
  customer_name: string
  phone: string
  imei: string
  serial: string
  model: string
}

export interface CustomerSearchTable {
  rowid: number
  name: string
  phone: string
}

export interface TicketEventsTable {
  id: Generated<number>
  ticket_id: number
  at_ms: number
  staff_id: number
  kind: string
  from_status: string | null
  to_status: string | null
  note: string
  data_json: string
}

export interface AuditLogTable {
  id: Generated<number>
  at_ms: number
  staff_id: number | null
  action: string
  entity: string
  entity_id: string
  details_json: string
  prev_hash: string
  hash: string
}

export interface PartsTable {
  id: Generated<number>
  sku: string
  manufacturer_part_number: string
  name: string
  sell_price_minor: number
  average_cost_minor: number
  reorder_point: number
  bin_location: string
  serialized: number
  active: number
  /** Lower-cased SKU, part number, name and compatible model names, for search as you type. */
  search_text: string
  created_at_ms: number
  updated_at_ms: number
}

export interface PartModelsTable {
  part_id: number
  model_id: number
}

export interface StockMovementsTable {
  id: Generated<number>
  at_ms: number
  business_date: string
  staff_id: number
  part_id: number
  pool: string
  pool_manufacturer_id: number | null
  kind: StockMovementKind
  /** Signed: + into the pool, − out of it. */
  quantity: number
  unit_cost_minor: number | null
  ticket_id: number | null
  reverses_movement_id: number | null
  group_id: number
  supplier: string
  reference: string
  reason: string
  serial: string | null
  old_serial: string | null
  /** Consumes: the part's sell price when it was used (what the customer is billed). */
  unit_price_minor: number | null
}

export interface RmaOwedTable {
  defective_part_id: number
  manufacturer_id: number
  return_by_date: string
}

export interface StockLevelsTable {
  part_id: number
  pool: string
  on_hand: number
}

export interface DefectivePartsTable {
  id: Generated<number>
  part_id: number
  ticket_id: number
  manufacturer_id: number
  quantity: number
  old_serial: string | null
  consumed_movement_id: number
  movement_id: number
  removed_at_ms: number
  return_by_date: string
}

export interface RmaShipmentsTable {
  id: Generated<number>
  manufacturer_id: number
  at_ms: number
  business_date: string
  staff_id: number
  carrier: string
  tracking_number: string
  note: string
}

export interface RmaShipmentItemsTable {
  shipment_id: number
  defective_part_id: number
  movement_id: number
}

export interface CashSessionsTable {
  id: Generated<number>
  opened_at_ms: number
  business_date: string
  opened_by_staff_id: number
  float_minor: number
  note: string
}

export interface CashClosingsTable {
  session_id: number
  closed_at_ms: number
  business_date: string
  closed_by_staff_id: number
  expected_minor: number
  counted_minor: number
  over_short_minor: number
  denominations_json: string | null
  note: string
}

export interface PaymentsTable {
  id: Generated<number>
  ticket_id: number
  at_ms: number
  business_date: string
  staff_id: number
  kind: PaymentKind
  method: PaymentMethod
  /** Signed: refunds are negative. */
  amount_minor: number
  tendered_minor: number | null
  change_minor: number | null
  reference: string
  refund_of_payment_id: number | null
  reason: string
  approved_by_staff_id: number | null
  cash_session_id: number | null
}

export interface CashMovementsTable {
  id: Generated<number>
  session_id: number
  at_ms: number
  business_date: string
  staff_id: number
  kind: CashMovementKind
  amount_minor: number
  reason: string
}

export interface ClaimsTable {
  id: Generated<number>
  /** C- + the ticket number. */
  number: string
  ticket_id: number
  manufacturer_id: number
  status: ClaimStatus
  revision: Generated<number>
  model_id: number
  imei: string | null
  serial: string | null
  purchase_date: string | null
  proof_of_purchase_ref: string
  customer_name: string
  customer_phone: string
  received_date: string
  repair_started_date: string
  completed_date: string
  condition_code: string
  symptom_code: string
  defect_code: string
  repair_code: string
  repair_tier: RepairTier
  technician_staff_id: number
  /** The markup the parts lines were priced with. */
  parts_markup_bp: number
  labour_minor: number
  parts_minor: number
  total_minor: number
  created_at_ms: number
  updated_at_ms: number
  /** The manufacturer's answer on the current revision. */
  approved_minor: Generated<number | null>
  /** Σ of claim_payments (kept by trigger). */
  paid_minor: Generated<number>
  manufacturer_ref: Generated<string>
  rejection_reason: Generated<string>
  submitted_date: Generated<string | null>
  decided_date: Generated<string | null>
  paid_date: Generated<string | null>
}

export interface ClaimLinesTable {
  claim_id: number
  position: number
  consume_movement_id: number
  part_id: number
  part_number: string
  part_name: string
  quantity: number
  pool: string
  serialized: number
  old_serial: string | null
  new_serial: string | null
  return_required: number
  defective_part_id: number | null
  unit_cost_minor: number
  amount_minor: number
}

export interface ClaimEventsTable {
  id: Generated<number>
  claim_id: number
  at_ms: number
  staff_id: number
  kind: string
  from_status: ClaimStatus | null
  to_status: ClaimStatus | null
  revision: number
  note: string
  data_json: string
}

export interface ClaimBatchesTable {
  id: Generated<number>
  /** B-<manufacturer code>-<0001>: also the export folder's name. */
  number: string
  manufacturer_id: number
  manufacturer_code: string
  manufacturer_name: string
  status: ClaimBatchStatus
  currency: string
  claim_count: number
  labour_minor: number
  parts_minor: number
  total_minor: number
  /** The manufacturer's export profile when the batch was made (JSON). */
  export_profile_json: string
  note: string
  created_by_staff_id: number
  created_at_ms: number
  updated_at_ms: number
  /** Portal or courier reference when marked submitted by hand. */
  submitted_reference: Generated<string>
  submitted_at_ms: Generated<number | null>
}

export interface ClaimBatchItemsTable {
  batch_id: number
  position: number
  claim_id: number
  claim_revision: number
  labour_minor: number
  parts_minor: number
  total_minor: number
  /** Every exportable field of the claim as batched (JSON object keyed by ClaimExportField). */
  fields_json: string
}

export interface ClaimRemittancesTable {
  id: Generated<number>
  manufacturer_id: number
  reference: string
  paid_date: string
  note: string
  line_count: number
  total_minor: number
  staff_id: number
  at_ms: number
}

export interface ClaimPaymentsTable {
  id: Generated<number>
  remittance_id: number
  claim_id: number
  claim_revision: number
  amount_minor: number
  at_ms: number
}

/** Every change to what manufacturers owe the shop, with the running balance (checked by trigger). */
export interface ClaimReceivablesTable {
  id: Generated<number>
  claim_id: number
  at_ms: number
  delta_minor: number
  balance_minor: number
}

export interface SyncOutboxTable {
  id: Generated<number>
  batch_id: number
  manufacturer_id: number
  idempotency_key: string
  /** The exact request body, fixed when queued. */
  payload_json: string
  status: SyncStatus
  attempts: Generated<number>
  next_attempt_at_ms: number | null
  last_error: Generated<string>
  last_http_status: number | null
  ack_json: string | null
  created_by_staff_id: number
  created_at_ms: number
  updated_at_ms: number
  acknowledged_at_ms: number | null
}

export interface SyncAttemptsTable {
  id: Generated<number>
  outbox_id: number
  attempt: number
  started_at_ms: number
  finished_at_ms: number
  http_status: number | null
  result: SyncAttemptResult
  error: string
}

export interface DB {
  settings: SettingsTable
  staff: StaffTable
  customers: CustomersTable
  manufacturers: ManufacturersTable
  device_models: DeviceModelsTable
  devices: DevicesTable
  tickets: TicketsTable
  ticket_events: TicketEventsTable
  audit_log: AuditLogTable
  ticket_number_counters: TicketNumberCountersTable
  ticket_search: TicketSearchTable
  customer_search: CustomerSearchTable
  diagnoses: DiagnosesTable
  estimates: EstimatesTable
  estimate_lines: EstimateLinesTable
  fault_codes: FaultCodesTable
  parts: PartsTable
  part_models: PartModelsTable
  stock_movements: StockMovementsTable
  stock_levels: StockLevelsTable
  defective_parts: DefectivePartsTable
  rma_shipments: RmaShipmentsTable
  rma_shipment_items: RmaShipmentItemsTable
  rma_owed: RmaOwedTable
  cash_sessions: CashSessionsTable
  cash_closings: CashClosingsTable
  payments: PaymentsTable
  cash_movements: CashMovementsTable
  claims: ClaimsTable
  claim_lines: ClaimLinesTable
  claim_events: ClaimEventsTable
  claim_batches: ClaimBatchesTable
  claim_batch_items: ClaimBatchItemsTable
  claim_remittances: ClaimRemittancesTable
  claim_payments: ClaimPaymentsTable
  claim_receivables: ClaimReceivablesTable
  sync_outbox: SyncOutboxTable
  sync_attempts: SyncAttemptsTable
}
