import { imeiCheckDigit } from '../../shared/identifiers'
import type { CustomerKind } from '../../shared/tickets'
import type { CatalogModel } from './catalog'
import { dateOf } from './calendar'
import type { Rng } from './random'
import { chineseName, customerNotes, dealerName, dealerNotes, englishName, phoneNumber, proofRef } from './vocabulary'

export interface DemoCustomer {
  id: number
  name: string
  phone: string
  email: string | null
  kind: CustomerKind
  notes: string
  createdAtMs: number
}

export interface DemoDevice {
  id: number
  model: CatalogModel
  imei: string | null
  serial: string | null
  purchaseDate: string | null
  proofRef: string | null
  ownerCustomerId: number
  createdAtMs: number
}

const categoryWeight = { phone: 1, tablet: 0.12, laptop: 0.1, wearable: 0.08, other: 0.02 } as const

/** Makes customers and devices with unique identifiers, in id order. */
export class PeopleFactory {
  private nextCustomerId = 1
  private nextDeviceId = 1
  private readonly imeis = new Set<string>()
  private readonly serials = new Set<string>()
  private readonly brandShares: (readonly [CatalogModel['brand'], number])[]

  constructor(private readonly rng: Rng, private readonly models: CatalogModel[]) {
    const brands = [...new Set(models.map((m) => m.brand))]
    this.brandShares = brands.map((b) => [b, b.share] as const)
  }

  customer(kind: CustomerKind, atMs: number): DemoCustomer {
    const rng = this.rng
    const english = kind === 'consumer' && rng.chance(0.04)
    const name = kind === 'dealer' ? dealerName(rng) : english ? englishName(rng) : chineseName(rng)
    const email = english || rng.chance(0.06) ? `${english ? name.split(' ')[0]?.toLowerCase() : 'c'}${rng.digits(6)}@${rng.pick(['qq.com', '163.com', 'outlook.com'])}` : null
    return {
      id: this.nextCustomerId++,
      name,
      phone: phoneNumber(rng),
      email,
      kind,
      notes: kind === 'dealer' ? rng.pick(dealerNotes) : rng.pick(customerNotes),
      createdAtMs: atMs,
    }
  }

  device(ownerCustomerId: number, receivedDay: number, atMs: number): DemoDevice {
    const rng = this.rng
    const model = this.pickModel(receivedDay)
    const usesImei = model.category !== 'laptop'
    const purchaseDay = usesImei || rng.chance(0.9) ? this.purchaseDay(model, receivedDay) : null
    const known = purchaseDay !== null && rng.chance(0.88)
    return {
      id: this.nextDeviceId++,
      model,
      imei: usesImei ? this.imei(model) : null,
      serial: usesImei ? null : this.serial(model),
      purchaseDate: known ? dateOf(purchaseDay) : null,
      proofRef: known && rng.chance(0.78) ? proofRef(rng) : null,
      ownerCustomerId,
      createdAtMs: atMs,
    }
  }

  private pickModel(day: number): CatalogModel {
    const rng = this.rng
    for (let attempt = 0; attempt < 20; attempt++) {
      const brand = rng.weighted(this.brandShares)
      const choices = this.models
        .filter((m) => m.brand === brand && m.launchDay <= day - 20)
        .map((m) => [m, categoryWeight[m.category] * recency(day - m.launchDay)] as const)
      if (choices.length > 0) return rng.weighted(choices)
    }
    const oldest = [...this.models].sort((a, b) => a.launchDay - b.launchDay)[0]
    if (!oldest) throw new Error('the catalog has no models')
    return oldest
  }

  /** Bought before it broke: most within three years, never before launch nor after intake. */
  private purchaseDay(model: CatalogModel, receivedDay: number): number {
    const rng = this.rng
    const age = rng.weighted([
      [rng.int(3, 365), 45],
      [rng.int(366, 3 * 365), 38],
      [rng.int(3 * 365, 5 * 365), 17],
    ] as const)
    const earliest = model.launchDay
    const day = Math.max(receivedDay - age, earliest + rng.int(0, 60))
    return Math.min(day, receivedDay - 1)
  }

  private imei(model: CatalogModel): string {
    for (;;) {
      const body = model.tac + this.rng.digits(6)
      const imei = body + imeiCheckDigit(body)
      if (!this.imeis.has(imei)) {
        this.imeis.add(imei)
        return imei
      }
    }
  }

  private serial(model: CatalogModel): string {
    const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'
    for (;;) {
      let serial = model.brand.serialPrefix
      for (let i = 0; i < 8; i++) serial += alphabet[this.rng.int(0, alphabet.length - 1)]
      if (!this.serials.has(serial)) {
        this.serials.add(serial)
        return serial
      }
    }
  }
}

/** Repairs cluster on phones one to three years old; very new and very old ones come in less. */
function recency(ageDays: number): number {
  if (ageDays < 120) return 0.5
  if (ageDays < 3 * 365) return 1
  if (ageDays < 5 * 365) return 0.4
  return 0.08
}
