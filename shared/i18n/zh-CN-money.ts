import type { Messages } from './en'
import type { enMoneyErrors, enMoneyValidation } from './en-money'

// 收款、退款与钱箱的中文提示，与 en-money.ts 一一对应。

export const zhCNMoneyErrors: Pick<Messages['errors'], keyof typeof enMoneyErrors> = {
  paymentOnWarranty: '保修维修由厂家承担费用，不向客户收款。',
  paymentOnCancelled: '此工单已取消，不能再收款（定金仍可退还）。',
  overpayment: '超过了尚欠的 {{balance}}。现金请输入应收金额和实收现金，系统会算出找零。',
  nothingOwed: '此工单没有欠款。',
  drawerNotOpen: '钱箱尚未开启：请先录入备用金开启钱箱，再收付现金。',
  drawerAlreadyOpen: '钱箱已开启。请先结账关闭，再开启新的班次。',
  drawerTooLittle: '钱箱中应只有 {{expected}}，不能支出更多。',
  paymentNotFound: '该收款记录不存在。',
  refundOfRefund: '退款记录不能再退款。',
  refundTooMuch: '此笔收款最多还能退 {{refundable}}。',
  approvalNotOwner: '只有店主可以批准，请选择店主。',
  approvalWrongPin: 'PIN 不正确，未执行任何操作。',
  balanceDue: '此维修尚欠 {{balance}}。请先收款，或由店主批准未付款取机。',
  creditDue: '客户多付了 {{credit}}。请先退款，或由店主批准。',
}

export const zhCNMoneyValidation: Pick<Messages['validation'], keyof typeof enMoneyValidation> = {
  amountZero: '请输入大于零的金额。',
  paymentMethod: '请选择现金、刷卡、微信支付、支付宝、银行转账或其他。',
  tenderedCashOnly: '只有现金才有找零。',
  tenderedTooLittle: '实收现金少于应收金额。',
  count: '请输入从 0 起的整数。',
  denominations: '最多录入 30 种面额。',
  denominationsSum: '各面额合计与清点金额不符。',
  cashMovementKind: '请选择存入或支出。',
}
