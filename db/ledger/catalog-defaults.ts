import type { DeviceCategory } from '../../shared/tickets'

// The brands and models a new shop starts with; all editable by the owner afterwards.
// Warranty months are the mainland-China defaults for phones (12); laptops often carry more.

interface DefaultModel {
  modelCode: string
  marketingName: string
  category: DeviceCategory
  warrantyMonths?: number
}

interface DefaultManufacturer {
  code: string
  name: string
  warrantyMonths: number
  proofRequired: boolean
  models: DefaultModel[]
}

export const defaultCatalog: DefaultManufacturer[] = [
  {
    code: 'MOTO',
    name: 'Motorola',
    warrantyMonths: 12,
    proofRequired: true,
    models: [
      { modelCode: 'XT2343-1', marketingName: 'moto g54', category: 'phone' },
      { modelCode: 'XT2401-3', marketingName: 'edge 50 pro', category: 'phone' },
      { modelCode: 'XT2321-2', marketingName: 'razr 40 ultra', category: 'phone' },
    ],
  },
  {
    code: 'SAMSUNG',
    name: 'Samsung',
    warrantyMonths: 12,
    proofRequired: true,
    models: [
      { modelCode: 'SM-S9210', marketingName: 'Galaxy S24', category: 'phone' },
      { modelCode: 'SM-A5560', marketingName: 'Galaxy A55', category: 'phone' },
      { modelCode: 'SM-X710', marketingName: 'Galaxy Tab S9', category: 'tablet' },
    ],
  },
  {
    code: 'XIAOMI',
    name: 'Xiaomi 小米',
    warrantyMonths: 12,
    proofRequired: true,
    models: [
      { modelCode: '23127PN0CC', marketingName: 'Xiaomi 14', category: 'phone' },
      { modelCode: '2312DRA50C', marketingName: 'Redmi Note 13 Pro', category: 'phone' },
      { modelCode: '23043RP34C', marketingName: 'Xiaomi Pad 6', category: 'tablet' },
    ],
  },
  {
    code: 'HUAWEI',
    name: 'Huawei 华为',
    warrantyMonths: 12,
    proofRequired: true,
    models: [
      { modelCode: 'ALN-AL00', marketingName: 'Mate 60 Pro', category: 'phone' },
      { modelCode: 'ADY-AL00', marketingName: 'nova 12', category: 'phone' },
      { modelCode: 'LNA-AL00', marketingName: 'Watch GT 4', category: 'wearable' },
    ],
  },
  {
    code: 'APPLE',
    name: 'Apple',
    warrantyMonths: 12,
    proofRequired: false,
    models: [
      { modelCode: 'A3092', marketingName: 'iPhone 15', category: 'phone' },
      { modelCode: 'A2849', marketingName: 'iPhone 14 Pro Max', category: 'phone' },
      { modelCode: 'A2696', marketingName: 'iPad (10th generation)', category: 'tablet' },
    ],
  },
  {
    code: 'LENOVO',
    name: 'Lenovo 联想',
    warrantyMonths: 12,
    proofRequired: true,
    models: [
      { modelCode: '21HM', marketingName: 'ThinkPad X1 Carbon Gen 11', category: 'laptop', warrantyMonths: 36 },
      { modelCode: '83DR', marketingName: 'Legion Y9000P', category: 'laptop', warrantyMonths: 24 },
      { modelCode: 'TB331FC', marketingName: 'Xiaoxin Pad 2024', category: 'tablet' },
    ],
  },
]
