import type { DeviceCategory } from '../../shared/tickets'
import type { CatalogModel } from './catalog'
import { brandNameZh, isFlagship, lcdPhones, modelNameZh } from './part-names'
import { Rng, seedFrom } from './random'

// The shop's parts catalogue: for every model the parts its repairs need (screens, batteries,
// back glass, ports, cameras, audio, flex cables, adhesive and film), the brand-level chips the
// board work uses, a few serialized mainboards, and the workshop consumables. Prices in fen,
// tax included as the counter quotes them; costs are what a supplier charged at the model's launch.

export type PartKind =
  | 'screen' | 'battery' | 'backCover' | 'chargingPort' | 'rearCamera' | 'frontCamera' | 'earpiece' | 'speaker' | 'buttonFlex'
  | 'keyboard' | 'fan' | 'mainboard' | 'adhesive' | 'protector' | 'screws' | 'thermalPaste' | 'powerIc' | 'chargeIc' | 'rfIc'

export interface DemoPart {
  /** Catalogue order, which is creation order: the row id. */
  id: number
  sku: string
  manufacturerPartNumber: string
  name: string
  kind: PartKind
  /** An aftermarket copy of a screen, cheaper, for paid work only. */
  aftermarket: boolean
  /** The manufacturer whose devices it fits; null for workshop supplies that fit any brand. */
  manufacturerId: number | null
  modelIds: number[]
  sellPriceMinor: number
  /** A supplier's price per unit when the newest compatible model launched. */
  launchCostMinor: number
  launchDay: number
  reorderPoint: number
  binLocation: string
  serialized: boolean
  /** The manufacturer sends it on consignment for its warranty repairs. */
  consignable: boolean
  /** Supplies (adhesive, film, screws, paste): the old one is never owed back to a manufacturer. */
  consumable: boolean
  /** The day the owner adds it: setup for models already sold, a few days after launch otherwise. */
  createDay: number
  supplier: string
}

/** Manufacturers that consign warranty parts to the shop (the authorised-service brands). */
export const consigningBrands = new Set(['APPLE', 'HUAWEI', 'XIAOMI', 'SAMSUNG', 'LENOVO'])

interface KindSpec {
  sku: string
  cabinet: string
  /** Sell price in yuan for an ordinary model of the category. */
  yuan: Partial<Record<DeviceCategory, number>>
  costRatio: number
  consumable?: boolean
  /** Priced the same for every brand (supplies). */
  flat?: boolean
}

const kinds: Record<PartKind, KindSpec> = {
  screen: { sku: 'SCR', cabinet: 'A', yuan: { phone: 780, tablet: 900, laptop: 1100, wearable: 520 }, costRatio: 0.55 },
  battery: { sku: 'BAT', cabinet: 'B', yuan: { phone: 169, tablet: 280, laptop: 520, wearable: 160 }, costRatio: 0.45 },
  backCover: { sku: 'BCK', cabinet: 'C', yuan: { phone: 220 }, costRatio: 0.4 },
  chargingPort: { sku: 'CHG', cabinet: 'D', yuan: { phone: 120, tablet: 160, laptop: 180 }, costRatio: 0.4 },
  buttonFlex: { sku: 'FLX', cabinet: 'D', yuan: { phone: 80, tablet: 110 }, costRatio: 0.35 },
  rearCamera: { sku: 'CAMR', cabinet: 'E', yuan: { phone: 320, tablet: 260 }, costRatio: 0.5 },
  frontCamera: { sku: 'CAMF', cabinet: 'E', yuan: { phone: 180 }, costRatio: 0.5 },
  earpiece: { sku: 'EAR', cabinet: 'F', yuan: { phone: 80 }, costRatio: 0.35 },
  speaker: { sku: 'SPK', cabinet: 'F', yuan: { phone: 90, tablet: 140, laptop: 160 }, costRatio: 0.35 },
  keyboard: { sku: 'KBD', cabinet: 'L', yuan: { laptop: 420 }, costRatio: 0.5 },
  fan: { sku: 'FAN', cabinet: 'L', yuan: { laptop: 180 }, costRatio: 0.4 },
  mainboard: { sku: 'MB', cabinet: 'L', yuan: { phone: 2200, laptop: 3200 }, costRatio: 0.7 },
  adhesive: { sku: 'ADH', cabinet: 'G', yuan: { phone: 15 }, costRatio: 0.2, consumable: true, flat: true },
  protector: { sku: 'GLS', cabinet: 'G', yuan: { phone: 39 }, costRatio: 0.12, consumable: true, flat: true },
  screws: { sku: 'SCW', cabinet: 'G', yuan: { phone: 15 }, costRatio: 0.2, consumable: true, flat: true },
  thermalPaste: { sku: 'PASTE', cabinet: 'G', yuan: { laptop: 30 }, costRatio: 0.25, consumable: true, flat: true },
  powerIc: { sku: 'IC-PMU', cabinet: 'H', yuan: { phone: 90 }, costRatio: 0.35 },
  chargeIc: { sku: 'IC-CHG', cabinet: 'H', yuan: { phone: 60 }, costRatio: 0.35 },
  rfIc: { sku: 'IC-PA', cabinet: 'H', yuan: { phone: 120 }, costRatio: 0.35 },
}

const partsByCategory: Record<DeviceCategory, PartKind[]> = {
  phone: ['screen', 'battery', 'backCover', 'chargingPort', 'rearCamera', 'frontCamera', 'earpiece', 'speaker', 'buttonFlex', 'adhesive', 'protector'],
  tablet: ['screen', 'battery', 'chargingPort', 'rearCamera', 'speaker', 'buttonFlex'],
  laptop: ['screen', 'battery', 'keyboard', 'fan', 'chargingPort', 'speaker', 'mainboard'],
  wearable: ['screen', 'battery'],
  other: [],
}

/** Phones whose warranty board faults are fixed by swapping the (serialized) mainboard. */
const boardSwapPhones = new Set(['CET-AL00', 'ALN-AL00', 'HBN-AL00', 'CLS-AL00', '23127PN0CC', '24129PN74C'])

const brandPremium: Record<string, number> = { APPLE: 1.6, SAMSUNG: 1.3, HUAWEI: 1.2 }
const brandOrder = ['APPLE', 'HUAWEI', 'XIAOMI', 'OPPO', 'VIVO', 'HONOR', 'SAMSUNG', 'LENOVO', 'MOTO']

function label(kind: PartKind, category: DeviceCategory, model: CatalogModel | null, aftermarket: boolean): string {
  switch (kind) {
    case 'screen':
      if (category === 'laptop') return '液晶屏'
      if (category !== 'phone' || (model && lcdPhones.has(model.modelCode))) return '屏幕总成'
      return aftermarket ? '屏幕总成（国产 OLED）' : '屏幕总成（原装）'
    case 'battery': return '电池'
    case 'backCover': return '后盖玻璃（含镜片）'
    case 'chargingPort':
      if (category === 'laptop') return 'Type-C 充电接口小板'
      return model?.brand.code === 'APPLE' ? '尾插排线' : '尾插小板'
    case 'buttonFlex': return category === 'phone' ? '开机音量排线' : '按键排线'
    case 'rearCamera': return '后置摄像头'
    case 'frontCamera': return '前置摄像头'
    case 'earpiece': return '听筒'
    case 'speaker': return category === 'phone' ? '扬声器（喇叭）' : '扬声器'
    case 'keyboard': return '键盘'
    case 'fan': return '散热风扇'
    case 'mainboard': return '主板'
    case 'adhesive': return '防水胶（屏幕/后盖）'
    case 'protector': return '钢化膜'
    case 'screws': return '手机螺丝套装'
    case 'thermalPaste': return '导热硅脂 信越 7921（1 g）'
    case 'powerIc': return '电源管理 IC'
    case 'chargeIc': return '充电 IC'
    case 'rfIc': return '射频功放 IC'
  }
}

function partNumber(rng: Rng, brand: string): string {
  switch (brand) {
    case 'APPLE': return `661-${rng.digits(5)}`
    case 'HUAWEI':
    case 'HONOR': return `02${rng.digits(6)}`
    case 'XIAOMI': return `56000${rng.digits(5)}`
    case 'OPPO': return `49${rng.digits(5)}`
    case 'VIVO': return `1003${rng.digits(5)}`
    case 'SAMSUNG': return `GH82-${rng.digits(5)}A`
    case 'LENOVO': return `5B10W${rng.digits(5)}`
    default: return `5D68C${rng.digits(5)}`
  }
}

/**
 * A brand's own seals and screw kits carry its service part number like any other original part
 * (a warranty claim lists them); drawn from a stream of their own, so the rest of the catalogue
 * comes out as before.
 */
const brandSupply = new Set<PartKind>(['adhesive', 'screws'])

function supplyPartNumber(brand: string, kind: PartKind, model: string): string {
  return partNumber(new Rng(seedFrom(`${brand}/${kind}/${model}`)), brand)
}

function supplierOf(kind: PartKind, brand: string | null, category: DeviceCategory): string {
  if (kinds[kind].consumable) return '义乌 小林维修辅料'
  if (category === 'laptop' || brand === 'LENOVO') return '上海 联科电脑配件'
  if (brand === 'APPLE') return '深圳华强北 鑫源苹果配件'
  if (brand === 'HUAWEI' || brand === 'HONOR' || brand === 'XIAOMI') return '深圳华强北 宏达手机配件'
  return '广州 佳诚通讯配件'
}

/** Yuan to fen, rounded to tens, prices from ¥100 ending in 9 about half the time. */
function sellPrice(rng: Rng, yuan: number): number {
  if (yuan < 100) return Math.round(yuan) * 100
  const tens = Math.round(yuan / 10) * 10
  return (rng.chance(0.5) ? tens - 1 : tens) * 100
}

/** Popular brands keep more on the shelf. */
function reorderPoint(kind: PartKind, category: DeviceCategory, share: number, aftermarket: boolean): number {
  const p = Math.min(1, share / 32)
  if (kind === 'mainboard') return 0
  if (kinds[kind].consumable) return kind === 'thermalPaste' ? 5 : 3 + Math.round(5 * p)
  if (kind === 'powerIc' || kind === 'chargeIc' || kind === 'rfIc') return 2
  if (category !== 'phone') return 1
  if (kind === 'screen' || kind === 'battery') return 1 + Math.round((aftermarket ? 2 : 3) * p)
  return 1 + Math.round(p)
}

/**
 * The whole catalogue, ids in creation order. `startDay` is the demo's first day: parts of models
 * sold before it exist from setup on.
 */
export function buildPartsCatalog(rng: Rng, models: CatalogModel[], startDay: number): DemoPart[] {
  const drafts: Omit<DemoPart, 'id' | 'binLocation'>[] = []
  const draft = (kind: PartKind, brand: CatalogModel['brand'] | null, manufacturerId: number | null, fits: CatalogModel[], model: CatalogModel | null, category: DeviceCategory, aftermarket = false) => {
    const spec = kinds[kind]
    const base = spec.yuan[category] ?? spec.yuan.phone ?? 100
    const factor = spec.flat ? 1 : (brandPremium[brand?.code ?? ''] ?? 1) * (model && isFlagship(model) ? 1.3 : 1) * (model && kind === 'screen' && category === 'phone' && lcdPhones.has(model.modelCode) ? 0.5 : 1)
    const sell = sellPrice(rng, base * factor * (aftermarket ? 0.5 : 1))
    const launchDay = Math.max(...fits.map((m) => m.launchDay))
    const prefix = model ? modelNameZh(model) : brand ? brandNameZh(brand.code) : ''
    const consumable = spec.consumable === true
    const original = brand !== null && !aftermarket && !consumable && kind !== 'powerIc' && kind !== 'chargeIc' && kind !== 'rfIc'
    drafts.push({
      sku: [spec.sku, model?.modelCode ?? brand?.code ?? '7921', aftermarket ? 'AM' : ''].filter(Boolean).join('-').toUpperCase(),
      manufacturerPartNumber: original && brand ? partNumber(rng, brand.code) : brandSupply.has(kind) && brand ? supplyPartNumber(brand.code, kind, model?.modelCode ?? brand.code) : '',
      name: `${prefix} ${label(kind, category, model, aftermarket)}`.trim(),
      kind,
      aftermarket,
      manufacturerId,
      modelIds: fits.map((m) => m.id),
      sellPriceMinor: sell,
      launchCostMinor: Math.max(100, Math.round((sell * spec.costRatio * (0.9 + 0.2 * rng.next())) / 10) * 10),
      launchDay,
      reorderPoint: reorderPoint(kind, category, brand?.share ?? 32, aftermarket),
      serialized: kind === 'mainboard',
      consignable: brand !== null && consigningBrands.has(brand.code) && !aftermarket && (original || kind === 'adhesive'),
      consumable,
      createDay: model ? Math.max(startDay, model.launchDay + 5) : startDay,
      supplier: supplierOf(kind, brand?.code ?? null, category),
    })
  }

  const brands = brandOrder.map((code) => models.find((m) => m.brand.code === code)).filter((m): m is CatalogModel => m !== undefined)
  draft('thermalPaste', null, null, models.filter((m) => m.category === 'laptop'), null, 'laptop')
  for (const first of brands) {
    const own = models.filter((m) => m.manufacturerId === first.manufacturerId)
    const handheld = own.filter((m) => m.category === 'phone' || m.category === 'tablet')
    for (const kind of ['powerIc', 'chargeIc', 'rfIc'] as const) draft(kind, first.brand, first.manufacturerId, own, null, 'phone')
    if (handheld.length > 0) draft('screws', first.brand, first.manufacturerId, handheld, null, 'phone')
  }
  for (const model of [...models].sort((a, b) => a.launchDay - b.launchDay || a.id - b.id)) {
    for (const kind of partsByCategory[model.category]) {
      draft(kind, model.brand, model.manufacturerId, [model], model, model.category)
      const oled = model.category === 'phone' && !lcdPhones.has(model.modelCode)
      if (kind === 'screen' && oled) draft('screen', model.brand, model.manufacturerId, [model], model, 'phone', true)
    }
    if (boardSwapPhones.has(model.modelCode)) draft('mainboard', model.brand, model.manufacturerId, [model], model, 'phone')
  }

  const slots = new Map<string, number>()
  return drafts
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.createDay - b.d.createDay || a.i - b.i)
    .map(({ d }, index) => {
      const rack = d.manufacturerId === null ? 0 : brandOrder.indexOf(models.find((m) => m.manufacturerId === d.manufacturerId)?.brand.code ?? '') + 1
      const shelf = `${kinds[d.kind].cabinet}${rack}`
      const slot = (slots.get(shelf) ?? 0) + 1
      slots.set(shelf, slot)
      return { ...d, id: index + 1, binLocation: `${shelf}-${String(slot).padStart(2, '0')}` }
    })
}
