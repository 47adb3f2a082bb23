import type { TFunction } from 'i18next'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { ManufacturerDto } from '../../shared/dto/catalog'
import { consignedPool, parsePool, type PoolKey } from '../../shared/stock'
import { useManufacturers } from './hooks'

// How stock pools read: 'shop' → "Shop stock", 'consigned:3' → "Samsung consigned", 'defective'
// → "Defective". The ledger names pools by key only; the manufacturer's name comes from its list.

/** A pool key in words; an unknown consigned pool (names not loaded yet) reads as consigned stock. */
function poolLabel(t: TFunction, pool: string, names: ReadonlyMap<number, string>): string {
  const parsed = parsePool(pool)
  if (!parsed) return pool
  if (parsed.kind !== 'consigned') return t(`stockPool.${parsed.kind}`)
  const name = names.get(parsed.manufacturerId!)
  return name ? t('stockPool.consigned', { manufacturer: name }) : t('stockPool.consignedUnnamed')
}

export interface PoolNames {
  label: (pool: string) => string
  /** The pools stock can be received into or moved between: the shop's, then each active manufacturer's consigned pool. */
  usablePools: PoolKey[]
  manufacturers: ManufacturerDto[]
}

/** Pool names in the UI language, with every manufacturer's consigned pool named. */
export function usePoolNames(): PoolNames {
  const { t } = useTranslation()
  const list = useManufacturers(true).data
  return useMemo(() => {
    const names = new Map((list ?? []).map((m) => [m.id, m.name]))
    const active = (list ?? []).filter((m) => m.active).sort((a, b) => a.name.localeCompare(b.name))
    return {
      label: (pool: string) => poolLabel(t, pool, names),
      usablePools: ['shop', ...active.map((m) => consignedPool(m.id))],
      manufacturers: list ?? [],
    }
  }, [t, list])
}

/** Display order of pools in a row of levels: shop, consigned pools by name, defective last. */
export function comparePools(label: (pool: string) => string) {
  const rank = (pool: string) => (pool === 'shop' ? 0 : pool === 'defective' ? 2 : 1)
  return (a: string, b: string) => rank(a) - rank(b) || label(a).localeCompare(label(b))
}
