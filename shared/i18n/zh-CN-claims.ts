import type { Messages } from './en'
import type { enClaimsErrors, enClaimsValidation } from './en-claims'

// 保修索赔的中文提示，与 en-claims.ts 一一对应。

export const zhCNClaimsErrors: Pick<Messages['errors'], keyof typeof enClaimsErrors> = {
  claimNotFound: '该索赔单不存在。',
  claimNotEditable: '索赔单 {{claim}} 已是“{{status}}”状态：已按原样提交给厂家，此处不能再修改或校验。',
  claimFrozenParts: '索赔单 {{claim}} 已是“{{status}}”状态，此维修的配件现在不能再变动。',
  claimLineNotFound: '该配件行不在此索赔单上。',
  claimModelOtherManufacturer: '该机型属于其他厂家：索赔单只能归属维修机器的厂家。',
  batchNotFound: '该批次不存在。',
  batchClaimNotFound: '列表第 {{line}} 个索赔单不存在。',
  batchClaimOtherManufacturer: '索赔单 {{claim}}（第 {{line}} 行）属于 {{manufacturer}}：一个批次只能包含同一厂家的索赔单。',
  batchClaimInOpenBatch: '索赔单 {{claim}}（第 {{line}} 行）已在批次 {{batch}} 中。',
  batchClaimNotReady: '索赔单 {{claim}}（第 {{line}} 行）为“{{status}}”状态：只有待提交的索赔单才能入批次，请先校验。',
  batchClaimInvalid: '索赔单 {{claim}}（第 {{line}} 行）已不能通过校验（{{count}} 个问题）：请打开修正后重新校验。',
  exportFolderMissing: '文件夹 {{folder}} 不存在：请选择其他文件夹。',
  exportFolderNotWritable: '无法写入文件夹 {{folder}}：请选择其他文件夹或检查权限。',
  exportFailed: '无法将文件写入 {{folder}}：未留下任何文件。请重试或选择其他文件夹。',
}

export const zhCNClaimsValidation: Pick<Messages['validation'], keyof typeof enClaimsValidation> = {
  claimField: '请从列表中选择索赔字段。',
  claimFieldRepeated: '该字段已在列表中。',
  exportFormat: '请选择 CSV、JSON 或两者。',
  exportFormatRepeated: '该格式已选择。',
  exportField: '请为此列选择一个索赔字段。',
  exportFieldRepeated: '该索赔字段已有一列。',
  exportHeaderRepeated: '另一列已使用此列名。',
  exportColumns: '导出至少需要一列，每个索赔字段最多一列。',
  markup: '请输入 0 至 100% 的加价率，最多两位小数。',
  claimStatus: '请选择有效的索赔状态。',
  claimImei: 'IMEI 为 15 位数字。',
  claimParts: '最多填写 100 个配件行。',
  claimLineRepeated: '该配件行已在列表中。',
  batchClaims: '请选择 1 至 5000 个索赔单。',
  batchClaimRepeated: '该索赔单已在列表中。',
  batchStatus: '请选择有效的批次状态。',
  exportFolder: '请选择本机上的文件夹。',
}

export const zhCNClaims: Pick<Messages, 'claimStatus' | 'claimEvent' | 'claimProblem'> = {
  claimStatus: {
    draft: '草稿',
    ready: '待提交',
    batched: '已入批次',
    submitted: '已提交',
    accepted: '已受理',
    rejected: '已驳回',
    paid: '已付款',
  },
  claimEvent: {
    created: '由完工维修生成索赔单',
    edited: '更正索赔单',
    partsChanged: '维修配件有变动',
    repriced: '金额随厂家费率变动',
    validated: '校验索赔单',
    batched: '索赔单已入批次',
  },
  claimProblem: {
    missing: {
      imei_or_serial: '厂家要求填写设备的 IMEI 或序列号。',
      imei: '厂家要求填写设备的 IMEI。',
      serial: '厂家要求填写设备的序列号。',
      proof_of_purchase: '缺少购机凭证（发票号）。',
      customer_phone: '厂家要求填写客户电话。',
      parts_serials: '配件第 {{line}} 行：缺少新装配件的序列号。',
    },
    missingOldSerial: '配件第 {{line}} 行：缺少拆下旧件的序列号。',
    missingFaultCode: {
      condition: '厂家要求填写状况代码。',
      symptom: '厂家要求填写症状代码。',
      defect: '厂家要求填写故障代码。',
      repair: '厂家要求填写维修代码。',
    },
    faultCodeNotInList: {
      condition: '状况代码 {{code}} 不在厂家的有效代码表中。',
      symptom: '症状代码 {{code}} 不在厂家的有效代码表中。',
      defect: '故障代码 {{code}} 不在厂家的有效代码表中。',
      repair: '维修代码 {{code}} 不在厂家的有效代码表中。',
    },
    imeiCheckDigit: 'IMEI {{imei}} 校验位错误：请对照机器（拨 *#06#）或包装盒核对。',
    purchaseDateMissing: '缺少购机日期：没有购机日期厂家不予结算。',
    purchaseAfterReceived: '购机日期 {{purchaseDate}} 晚于接机日期（{{receivedDate}}）。',
    outOfWarranty: '已过保：保修于 {{endsOn}} 截止，早于接机日期 {{receivedDate}}。',
    repairBeforeReceived: '维修开始日期 {{repairStartedDate}} 早于接机日期（{{receivedDate}}）。',
    completedBeforeRepair: '完工日期 {{completedDate}} 早于维修开始日期（{{repairStartedDate}}）。',
    labourRateMissing: '该厂家的索赔规则中未设置维修级别 {{tier}} 的工时费。',
    repeatRepair: '返修：此机器上次取机后 {{days}} 天又送修（工单 {{ticket}}）。30 天内的返修厂家不予结算。',
    partNumberMissing: '配件第 {{line}} 行（{{name}}）缺少厂家配件编号。',
    claimWindowExceeded: '索赔期限已于 {{deadline}} 截止，已过 {{days}} 天：厂家将不予受理。',
    claimWindowClosing: '请在 {{deadline}} 前提交：索赔期限还剩 {{daysLeft}} 天。',
    ticketCancelled: '此维修的工单已取消：没有可索赔的内容。',
  },
}
