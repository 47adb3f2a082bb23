import type { Migration } from 'kysely'
import * as foundation from './0001_foundation'
import * as intake from './0002_intake'
import * as ticketListIndexes from './0003_ticket_list_indexes'
import * as repairWorkflow from './0004_repair_workflow'
import * as queueIndex from './0005_queue_index'
import * as partsStock from './0006_parts_stock'
import * as payments from './0007_payments'
import * as reportIndexes from './0008_report_indexes'
import * as reportColumns from './0009_report_columns'
import * as priceAtUse from './0010_price_at_use'
import * as claims from './0011_claims'
import * as claimBatches from './0012_claim_batches'
import * as claimOutcomes from './0013_claim_outcomes'
import * as backupSettings from './0014_backup_settings'

// The static, ordered list of every migration this build knows. Append only.
export const migrations: Record<string, Migration> = {
  '0001_foundation': foundation,
  '0002_intake': intake,
  '0003_ticket_list_indexes': ticketListIndexes,
  '0004_repair_workflow': repairWorkflow,
  '0005_queue_index': queueIndex,
  '0006_parts_stock': partsStock,
  '0007_payments': payments,
  '0008_report_indexes': reportIndexes,
  '0009_report_columns': reportColumns,
  '0010_price_at_use': priceAtUse,
  '0011_claims': claims,
  '0012_claim_batches': claimBatches,
  '0013_claim_outcomes': claimOutcomes,
  '0014_backup_settings': backupSettings,
}

export const latestMigration = Object.keys(migrations).at(-1) as string
