// English text of warranty claims: refusals (merged into `errors` and `validation` in en.ts), the
// validation problems a clerk reads, and the claim vocabulary. zh-CN-claims.ts mirrors it.

export const enClaimsErrors = {
  claimNotFound: 'That claim does not exist.',
  claimNotEditable: 'Claim {{claim}} is “{{status}}”: it has gone to the manufacturer as it is and can no longer be changed or checked here.',
  claimFrozenParts: 'Claim {{claim}} is already “{{status}}” with the manufacturer, so the parts of this repair cannot change now.',
  claimLineNotFound: 'That part line is not on this claim.',
  claimModelOtherManufacturer: 'This model belongs to another manufacturer: a claim stays with the manufacturer of its repair.',
}

export const enClaimsValidation = {
  claimField: 'Choose claim fields from the list.',
  claimFieldRepeated: 'This field is already on the list.',
  exportFormat: 'Choose CSV, JSON or both.',
  exportFormatRepeated: 'This format is already chosen.',
  exportField: 'Choose a claim field for this column.',
  exportFieldRepeated: 'This claim field already has a column.',
  exportHeaderRepeated: 'Another column already has this header.',
  exportColumns: 'An export needs at least one column, each claim field at most once.',
  markup: 'Enter a markup from 0 to 100 % with at most 2 decimals.',
  claimStatus: 'Choose a valid claim status.',
  claimImei: 'An IMEI is 15 digits.',
  claimParts: 'Give at most 100 part lines.',
  claimLineRepeated: 'This part line is already in the list.',
}

export const enClaims = {
  claimStatus: {
    draft: 'Draft',
    ready: 'Ready',
    batched: 'Batched',
    submitted: 'Submitted',
    accepted: 'Accepted',
    rejected: 'Rejected',
    paid: 'Paid',
  },
  claimEvent: {
    created: 'Claim built from the completed repair',
    edited: 'Claim corrected',
    partsChanged: 'Parts of the repair changed',
    repriced: 'Amounts changed with the manufacturer’s rates',
    validated: 'Claim checked',
  },
  claimProblem: {
    missing: {
      imei_or_serial: 'The manufacturer needs the device’s IMEI or serial number.',
      imei: 'The manufacturer needs the device’s IMEI.',
      serial: 'The manufacturer needs the device’s serial number.',
      proof_of_purchase: 'The proof of purchase (invoice number) is missing.',
      customer_phone: 'The manufacturer needs the customer’s phone number.',
      parts_serials: 'Part line {{line}}: the serial of the fitted part is missing.',
    },
    missingOldSerial: 'Part line {{line}}: the serial of the removed part is missing.',
    missingFaultCode: {
      condition: 'The manufacturer needs a condition code.',
      symptom: 'The manufacturer needs a symptom code.',
      defect: 'The manufacturer needs a defect code.',
      repair: 'The manufacturer needs a repair code.',
    },
    faultCodeNotInList: {
      condition: 'Condition code {{code}} is not in the manufacturer’s active list.',
      symptom: 'Symptom code {{code}} is not in the manufacturer’s active list.',
      defect: 'Defect code {{code}} is not in the manufacturer’s active list.',
      repair: 'Repair code {{code}} is not in the manufacturer’s active list.',
    },
    imeiCheckDigit: 'IMEI {{imei}} has a wrong check digit: check it against the device (*#06#) or its box.',
    purchaseDateMissing: 'The purchase date is missing: without it the manufacturer pays nothing.',
    purchaseAfterReceived: 'The purchase date {{purchaseDate}} is after the device was received ({{receivedDate}}).',
    outOfWarranty: 'Out of warranty: the warranty ended on {{endsOn}}, before the device was received on {{receivedDate}}.',
    repairBeforeReceived: 'The repair start {{repairStartedDate}} is before the device was received ({{receivedDate}}).',
    completedBeforeRepair: 'The completion date {{completedDate}} is before the repair started ({{repairStartedDate}}).',
    labourRateMissing: 'No labour rate is set for repair tier {{tier}} in this manufacturer’s claim rules.',
    repeatRepair: 'Repeat repair: this device was handed back {{days}} days before it came in again (ticket {{ticket}}). Manufacturers pay nothing for a repeat within 30 days.',
    partNumberMissing: 'Part line {{line}} ({{name}}) has no manufacturer part number.',
    claimWindowExceeded: 'The claim window closed on {{deadline}}, {{days}} days ago: the manufacturer will refuse it.',
    claimWindowClosing: 'Submit by {{deadline}}: {{daysLeft}} days left in the claim window.',
    ticketCancelled: 'The repair’s ticket was cancelled: there is nothing to claim.',
  },
}
