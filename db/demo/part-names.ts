import type { CatalogModel } from './catalog'

// How a Chinese counter names a model and a part when it types them into the catalogue:
// "iPhone 13 屏幕总成（原装）", "小米 12 电池", "华为 Mate 60 Pro 尾插小板".

const brandZh: Record<string, string> = {
  APPLE: '苹果',
  HUAWEI: '华为',
  XIAOMI: '小米',
  OPPO: 'OPPO',
  VIVO: 'vivo',
  HONOR: '荣耀',
  SAMSUNG: '三星',
  LENOVO: '联想',
  MOTO: '摩托罗拉',
}

/** Marketing names the shop shortens or says in Chinese. */
const modelZh: Record<string, string> = {
  'iPad Air (4th generation)': 'iPad Air 4',
  'iPad (10th generation)': 'iPad 10',
  'Apple Watch Series 8': 'Apple Watch S8',
  'MacBook Air (M1)': 'MacBook Air M1',
  'Xiaomi Pad 6': '小米平板 6',
  'Xiaoxin Pro 14': '联想小新 Pro 14',
  'Xiaoxin Pad 2024': '联想小新 Pad 2024',
  'Legion Y9000P': '联想拯救者 Y9000P',
  'Tab M10 Plus': '联想 Tab M10 Plus',
  Magic5: '荣耀 Magic5',
}

export function brandNameZh(code: string): string {
  return brandZh[code] ?? code
}

/** The model as the shop writes it in a part name. */
export function modelNameZh(model: CatalogModel): string {
  const name = model.marketingName
  const fixed = modelZh[name]
  if (fixed) return fixed
  switch (model.brand.code) {
    case 'APPLE':
    case 'LENOVO':
      return name
    case 'XIAOMI':
      return name.replace(/^Xiaomi /, '小米 ').replace(/^Redmi /, '红米 ')
    case 'HONOR':
      return name.replace(/^Honor /, '荣耀 ')
    default:
      return `${brandNameZh(model.brand.code)} ${name}`
  }
}

/** Phones whose screen is an LCD (one kind of screen assembly); the others are OLED. */
export const lcdPhones = new Set(['A1660', 'A1863', 'A2108', 'A2223', 'MHA-AL00', 'VTR-AL00', 'HMA-AL00', 'STF-AL00', 'MCE16', 'M1908C3JE', 'XT2343-1'])

/** Flagships cost more to repair. */
export function isFlagship(model: CatalogModel): boolean {
  return /Pro|Max|Ultra|Mate|Find|Galaxy S|Note9|Magic|Pura|razr|edge|X1 Carbon|Legion|MacBook/.test(model.marketingName)
}
