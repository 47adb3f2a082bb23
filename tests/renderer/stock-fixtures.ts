import { consignedPool } from '../../shared/stock'
import { workshop } from './workflow-fixtures'

// A shop with a small parts catalogue and stock in three pools. The fake's "today" is 2026-11-27.
//   SCR-S24  Galaxy S24 display: shop 5 (cost ¥600), Samsung consigned 2; reorder at 2 → not low.
//   BAT-RN13 Redmi Note 13 battery: shop 1 (cost ¥90); reorder at 3 → low.
//   CAM-S24  Galaxy S24 rear camera, serialized: Samsung consigned 1 only.

export function stockroom(signedInAs: 'Li Wei' | 'Wang Fang' = 'Li Wei') {
  const shop = workshop(signedInAs)
  const { server, galaxy, redmi, samsung } = shop
  const { stock } = server
  const samsungPool = consignedPool(samsung.id)
  const screenPart = stock.addPart({ sku: 'SCR-S24', name: 'Galaxy S24 display assembly', sellPriceMinor: 98000, reorderPoint: 2, binLocation: 'A-01', modelIds: [galaxy.id], manufacturerPartNumber: 'GH82-33364A' })
  const battery = stock.addPart({ sku: 'BAT-RN13', name: 'Redmi Note 13 battery', sellPriceMinor: 18000, reorderPoint: 3, binLocation: 'B-02', modelIds: [redmi.id] })
  const camera = stock.addPart({ sku: 'CAM-S24', name: 'Galaxy S24 rear camera', sellPriceMinor: 45000, binLocation: 'A-02', modelIds: [galaxy.id], serialized: true })
  stock.receive(screenPart.id, 'shop', 5, 60000)
  stock.receive(screenPart.id, samsungPool, 2)
  stock.receive(battery.id, 'shop', 1, 9000)
  stock.receive(camera.id, samsungPool, 1)
  return { ...shop, stock, samsungPool, screenPart, battery, camera }
}

export function openParts(section: '' | 'receive' | 'stocktake' | 'rma' = '') {
  window.history.replaceState(null, '', section ? `/#/parts/${section}` : '/#/parts')
}
