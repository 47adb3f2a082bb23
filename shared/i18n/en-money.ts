// English refusals of the payment, refund and cash-drawer channels, merged into `errors` and
// `validation` in en.ts. zh-CN-money.ts mirrors it; the payment screens' text is in en-payments.ts.

export const enMoneyErrors = {
  paymentOnWarranty: 'Warranty work costs the customer nothing: the manufacturer pays, so no payment is taken.',
  paymentOnCancelled: 'This ticket is cancelled: no payment can be taken on it (a deposit can still be refunded).',
  overpayment: 'That is more than the {{balance}} still owed. For cash, enter the amount owed and the cash handed over: the change is worked out.',
  nothingOwed: 'Nothing is owed on this ticket.',
  drawerNotOpen: 'The cash drawer is not open: open it with its float before taking or giving back cash.',
  drawerAlreadyOpen: 'The cash drawer is already open. Close it before opening a new session.',
  drawerTooLittle: 'The drawer should hold only {{expected}}: it cannot pay out more.',
  paymentNotFound: 'That payment does not exist.',
  refundOfRefund: 'A refund cannot itself be refunded.',
  refundTooMuch: 'At most {{refundable}} of this payment can still be refunded.',
  approvalNotOwner: 'Only an owner can approve this: choose an owner.',
  approvalWrongPin: 'That PIN is not right. Nothing was done.',
  balanceDue: '{{balance}} is still owed on this repair. Take the payment first, or have the owner approve handing it back unpaid.',
  creditDue: 'The customer paid {{credit}} more than this repair costs. Refund it first, or have the owner approve.',
}

export const enMoneyValidation = {
  amountZero: 'Enter an amount above zero.',
  paymentMethod: 'Choose cash, card, WeChat Pay, Alipay, bank transfer or other.',
  tenderedCashOnly: 'Only cash is handed over with change.',
  tenderedTooLittle: 'The cash handed over is less than the amount.',
  count: 'Enter a whole count from 0.',
  denominations: 'Count up to 30 denominations.',
  denominationsSum: 'The notes and coins counted do not add up to the counted amount.',
  cashMovementKind: 'Choose paid in or paid out.',
}
