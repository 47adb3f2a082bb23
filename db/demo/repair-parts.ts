import type { CatalogModel } from './catalog'
import type { DemoPart, PartKind } from './parts-catalog'
import type { Rng } from './random'
import type { RepairKindName } from './repairs'

// Which catalogue parts a repair takes from stock: the part the fault needs (for paid work on an
// OLED phone often the cheaper aftermarket screen; under warranty always the original, and a
// mainboard swap where the maker does those), the adhesive that reseals an opened phone, now and
// then screws. Warranty work keeps the removed part for the manufacturer; supplies are thrown away.

export interface PartUse {
  part: DemoPart
  quantity: number
  /** Warranty work: the removed part goes to the defective pool, owed to the manufacturer. */
  keepDefective: boolean
}

export interface RepairParts {
  /** The part line of a paid estimate. */
  quoted: DemoPart | null
  /** The screen protector the counter offers with a phone screen repair. */
  protector: DemoPart | null
  /** Taken from stock when the repair starts (the protector only when the customer took it). */
  uses: PartUse[]
}

/** Repairs that open a phone, so its waterproof seal is replaced and screws may go missing. */
const opensPhone = new Set<RepairKindName>(['display', 'touch', 'battery', 'charging', 'audio', 'camera', 'backGlass', 'buttons', 'board', 'liquid', 'radio'])
/** Chips for board-level work: soldered in, the old one is scrap, not owed back. */
const chips = new Set<PartKind>(['powerIc', 'chargeIc', 'rfIc'])
/** Parts that fit every model of one brand. */
const brandWide = new Set<PartKind>([...chips, 'screws'])

export class PartIndex {
  private readonly byModel = new Map<number, DemoPart[]>()
  private readonly byMaker = new Map<number, DemoPart[]>()
  private readonly supplies: DemoPart[] = []

  constructor(readonly parts: readonly DemoPart[]) {
    for (const part of parts) {
      if (part.manufacturerId === null) this.supplies.push(part)
      else if (brandWide.has(part.kind)) this.push(this.byMaker, part.manufacturerId, part)
      else this.push(this.byModel, part.modelIds[0] as number, part)
    }
  }

  /** What a repair takes, for paid work and for warranty work (decided later, at diagnosis). */
  forRepair(rng: Rng, model: CatalogModel, repair: RepairKindName): { paid: RepairParts; warranty: RepairParts } {
    return { paid: this.choose(rng, model, repair, true), warranty: this.choose(rng, model, repair, false) }
  }

  private choose(rng: Rng, model: CatalogModel, repair: RepairKindName, paid: boolean): RepairParts {
    const ownParts = this.byModel.get(model.id) ?? []
    const brandParts = this.byMaker.get(model.manufacturerId) ?? []
    const own = (kind: PartKind, aftermarket = false) => ownParts.find((p) => p.kind === kind && p.aftermarket === aftermarket)
    const brand = (kind: PartKind) => brandParts.find((p) => p.kind === kind)
    const phone = model.category === 'phone'
    const picks: (DemoPart | undefined)[] = []
    switch (repair) {
      case 'display':
      case 'touch': {
        const copy = own('screen', true)
        picks.push(paid && copy && rng.chance(0.45) ? copy : own('screen'))
        break
      }
      case 'battery':
        picks.push(own('battery'))
        break
      case 'charging':
        picks.push(own('chargingPort'))
        break
      case 'audio':
        picks.push(phone && rng.chance(0.5) ? own('earpiece') : own('speaker'))
        break
      case 'camera':
        picks.push(phone && rng.chance(0.35) ? own('frontCamera') : own('rearCamera'))
        break
      case 'backGlass':
        picks.push(own('backCover'))
        break
      case 'buttons':
        picks.push(model.category === 'laptop' ? own('keyboard') : own('buttonFlex'))
        break
      case 'board':
      case 'liquid':
      case 'radio': {
        const board = own('mainboard')
        if (!paid && board) picks.push(board)
        else picks.push(repair === 'radio' ? brand('rfIc') : rng.chance(0.55) ? brand('powerIc') : brand('chargeIc'))
        break
      }
      case 'cleaning':
        if (model.category === 'laptop') picks.push(this.supplies.find((p) => p.kind === 'thermalPaste'), rng.chance(0.25) ? own('fan') : undefined)
        break
      default:
        break
    }
    const main = picks.filter((p): p is DemoPart => p !== undefined)
    const uses: PartUse[] = main.map((part) => ({ part, quantity: 1, keepDefective: !part.consumable && !chips.has(part.kind) }))
    if (phone && main.length > 0 && opensPhone.has(repair)) {
      const seal = own('adhesive')
      if (seal && (repair !== 'charging' || rng.chance(0.5))) uses.push({ part: seal, quantity: 1, keepDefective: false })
      const screws = brand('screws')
      if (screws && rng.chance(0.1)) uses.push({ part: screws, quantity: 1, keepDefective: false })
    }
    return {
      quoted: main.find((p) => !p.consumable) ?? null,
      protector: phone && (repair === 'display' || repair === 'touch') ? (own('protector') ?? null) : null,
      uses,
    }
  }

  private push(map: Map<number, DemoPart[]>, key: number, part: DemoPart): void {
    const list = map.get(key) ?? []
    list.push(part)
    map.set(key, list)
  }
}
