// 配件与库存的中文文本，与 en-stock.ts 一一对应。
import type { Messages } from './en'
import type { enStockErrors, enStockValidation } from './en-stock'

export const zhCNStockErrors: Pick<Messages['errors'], keyof typeof enStockErrors> = {
  partNotFound: '配件目录中没有该配件。',
  partInactive: '配件 {{sku}} 已停用。',
  skuTaken: '已有其他配件使用此 SKU。',
  insufficientStock: '该库存中 {{sku}} 只有 {{onHand}} 个，需要 {{quantity}} 个。',
  noPoolForTicket: '{{sku}} 不足：此工单需要 {{quantity}} 个，可用的库存都没有这么多。',
  modelNotFound: '该机型不存在。',
  returnShipped: '此记录换下的旧件已寄回厂家，新配件不能作为未使用退回。',
  poolDefective: '坏件不能使用或销售，须返还厂家。',
  poolConsignedOnPaid: '厂家备件归厂家所有，只用于该厂家的保修维修，不能用于付费维修。',
  poolOtherManufacturer: '这些厂家备件属于另一个厂家。',
  poolShopNotAllowed: '该厂家不允许保修维修使用本店库存。',
  poolUnknownManufacturer: '此厂家备件库对应的厂家不存在。',
  partsNotNow: '只有在待配件或维修中时才能领用配件，当前状态为“{{status}}”。',
  returnNotNow: '已取机的工单不能退回配件。',
  movementNotOnTicket: '此配件记录不属于该工单。',
  returnTooMany: '此记录最多还能退回 {{left}} 个。',
  defectiveAlreadyShipped: '此次发货中有坏件已经寄出。',
  defectiveOtherManufacturer: '同一批发货的坏件必须属于同一个厂家。',
  defectiveNotFound: '此次发货中有不存在的坏件。',
  transferSamePool: '请选择两个不同的库存。',
  transferFromDefective: '坏件不能放回可用库存。',
  transferToDefective: '坏件库存只能来自保修维修。',
  poolNotReceivable: '到货只能入本店库存或厂家备件库存。',
  adjustDefective: '坏件库存只能通过维修和旧件返还变动。',
}

export const zhCNStockValidation: Pick<Messages['validation'], keyof typeof enStockValidation> = {
  pool: '请选择本店库存、厂家备件或坏件库存。',
  stockQuantity: '请输入 1 到 99,999 的整数。',
  quantityZero: '调整数量不能为 0。',
  counted: '请输入盘点数量（0 或以上）。',
  counts: '一次盘点 1 到 5,000 种配件。',
  sku: 'SKU：字母、数字及 . _ / -（最多 40 个字符）。',
  reorderPoint: '请输入 0 到 99,999 的补货点。',
  models: '最多选择 200 个机型。',
  unitCostRequired: '请输入采购库存的单位成本。',
  unitCostOnConsigned: '厂家备件不产生成本，请不要填写成本。',
  serialRequired: '此配件按序列号管理，请输入新配件的序列号。',
  serialOne: '按序列号管理的配件须逐个领用，每个填写各自的序列号。',
  serialNotSerialized: '只有按序列号管理的配件才填写序列号。',
  defectiveIds: '请选择 1 到 500 个坏件。',
  partLineKind: '只有配件行才能关联目录中的配件。',
  duplicatePart: '此配件已在列表中。',
}
