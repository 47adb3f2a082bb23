import { imeiCheckDigit } from '../../shared/identifiers'
import { createFakeServer, fixedNowMs, type FakeServer } from './fake-server'

// A shop with a small catalogue, one regular customer and her phone with a repair history.
// The fake clock's "today" is 2026-11-27 in Asia/Shanghai.

export const staff = [
  { name: 'Li Wei', role: 'owner' as const, pin: '1234' },
  { name: 'Wang Fang', role: 'technician' as const, pin: '5678' },
]

export function validImei(body14: string): string {
  return body14 + imeiCheckDigit(body14)
}

/** A 15-digit number whose last digit is not the Luhn check digit. */
export function badImei(body14: string): string {
  return body14 + ((imeiCheckDigit(body14) + 1) % 10)
}

export const knownImei = validImei('35693803564380')
export const day = 86_400_000

export function seededServer(signedInAs: 'Li Wei' | 'Wang Fang' = 'Li Wei') {
  const server = createFakeServer({ staff, signedInAs })
  const { ledger } = server
  const samsung = ledger.addManufacturer({ code: 'SAMSUNG', name: 'Samsung', warrantyMonths: 12, proofRequired: true })
  const xiaomi = ledger.addManufacturer({ code: 'XIAOMI', name: 'Xiaomi', warrantyMonths: 24, proofRequired: false })
  const galaxy = ledger.addModel({ manufacturerId: samsung.id, modelCode: 'SM-S921B', marketingName: 'Galaxy S24' })
  const redmi = ledger.addModel({ manufacturerId: xiaomi.id, modelCode: '23090RA98C', marketingName: 'Redmi Note 13' })
  const zhang = ledger.addCustomer({ name: '张敏', phone: '13800138000' })
  const phone = ledger.addDevice({ modelId: galaxy.id, imei: knownImei, purchaseDate: '2026-03-01', proofOfPurchaseRef: 'INV-881', ownerCustomerId: zhang.id })
  const earlier = ledger.addTicket({ customerId: zhang.id, deviceId: phone.id, receivedAtMs: fixedNowMs - 60 * day, status: 'collected', collectedDate: '2026-10-05', reportedFault: 'Battery drains' })
  return { server: server as FakeServer, samsung, xiaomi, galaxy, redmi, zhang, phone, earlier }
}
