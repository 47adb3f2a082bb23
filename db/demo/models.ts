import type { DeviceCategory } from '../../shared/tickets'

// The devices a Shanghai counter repairs, with launch months so a 2017 ticket never holds an
// iPhone 15. Models marked `builtIn` come with every new shop (db/ledger/catalog-defaults.ts);
// the rest the demo owner adds.

export interface DemoBrand {
  code: string
  name: string
  warrantyMonths: number
  proofRequired: boolean
  /** Share of the shop's work, relative. */
  share: number
  builtIn: boolean
  /** First digits of this brand's IMEIs (type allocation code prefix). */
  tacPrefix: string
  serialPrefix: string
}

export interface DemoModel {
  brand: string
  modelCode: string
  marketingName: string
  category: DeviceCategory
  launched: string
  warrantyMonths?: number
  builtIn?: boolean
}

export const demoBrands: DemoBrand[] = [
  { code: 'APPLE', name: 'Apple', warrantyMonths: 12, proofRequired: false, share: 32, builtIn: true, tacPrefix: '35', serialPrefix: 'C02' },
  { code: 'HUAWEI', name: 'Huawei 华为', warrantyMonths: 12, proofRequired: true, share: 24, builtIn: true, tacPrefix: '86', serialPrefix: 'HW' },
  { code: 'XIAOMI', name: 'Xiaomi 小米', warrantyMonths: 12, proofRequired: true, share: 14, builtIn: true, tacPrefix: '86', serialPrefix: 'MI' },
  { code: 'OPPO', name: 'OPPO', warrantyMonths: 12, proofRequired: true, share: 7, builtIn: false, tacPrefix: '86', serialPrefix: 'OP' },
  { code: 'VIVO', name: 'vivo', warrantyMonths: 12, proofRequired: true, share: 7, builtIn: false, tacPrefix: '86', serialPrefix: 'VV' },
  { code: 'HONOR', name: 'Honor 荣耀', warrantyMonths: 12, proofRequired: true, share: 6, builtIn: false, tacPrefix: '86', serialPrefix: 'HN' },
  { code: 'SAMSUNG', name: 'Samsung', warrantyMonths: 12, proofRequired: true, share: 4, builtIn: true, tacPrefix: '35', serialPrefix: 'R5' },
  { code: 'LENOVO', name: 'Lenovo 联想', warrantyMonths: 12, proofRequired: true, share: 4, builtIn: true, tacPrefix: '86', serialPrefix: 'PF' },
  { code: 'MOTO', name: 'Motorola', warrantyMonths: 12, proofRequired: true, share: 2, builtIn: true, tacPrefix: '35', serialPrefix: 'ZY' },
]

export const demoModels: DemoModel[] = [
  { brand: 'APPLE', modelCode: 'A1660', marketingName: 'iPhone 7', category: 'phone', launched: '2016-09' },
  { brand: 'APPLE', modelCode: 'A1863', marketingName: 'iPhone 8', category: 'phone', launched: '2017-09' },
  { brand: 'APPLE', modelCode: 'A1865', marketingName: 'iPhone X', category: 'phone', launched: '2017-11' },
  { brand: 'APPLE', modelCode: 'A2108', marketingName: 'iPhone XR', category: 'phone', launched: '2018-10' },
  { brand: 'APPLE', modelCode: 'A2223', marketingName: 'iPhone 11', category: 'phone', launched: '2019-09' },
  { brand: 'APPLE', modelCode: 'A2404', marketingName: 'iPhone 12', category: 'phone', launched: '2020-10' },
  { brand: 'APPLE', modelCode: 'A2634', marketingName: 'iPhone 13', category: 'phone', launched: '2021-09' },
  { brand: 'APPLE', modelCode: 'A2849', marketingName: 'iPhone 14 Pro Max', category: 'phone', launched: '2022-09', builtIn: true },
  { brand: 'APPLE', modelCode: 'A3092', marketingName: 'iPhone 15', category: 'phone', launched: '2023-09', builtIn: true },
  { brand: 'APPLE', modelCode: 'A3288', marketingName: 'iPhone 16', category: 'phone', launched: '2024-09' },
  { brand: 'APPLE', modelCode: 'A2324', marketingName: 'iPad Air (4th generation)', category: 'tablet', launched: '2020-10' },
  { brand: 'APPLE', modelCode: 'A2696', marketingName: 'iPad (10th generation)', category: 'tablet', launched: '2022-10', builtIn: true },
  { brand: 'APPLE', modelCode: 'A2775', marketingName: 'Apple Watch Series 8', category: 'wearable', launched: '2022-09' },
  { brand: 'APPLE', modelCode: 'A2337', marketingName: 'MacBook Air (M1)', category: 'laptop', launched: '2020-11' },
  { brand: 'HUAWEI', modelCode: 'MHA-AL00', marketingName: 'Mate 9', category: 'phone', launched: '2016-11' },
  { brand: 'HUAWEI', modelCode: 'VTR-AL00', marketingName: 'P10', category: 'phone', launched: '2017-03' },
  { brand: 'HUAWEI', modelCode: 'HMA-AL00', marketingName: 'Mate 20', category: 'phone', launched: '2018-10' },
  { brand: 'HUAWEI', modelCode: 'ELE-AL00', marketingName: 'P30', category: 'phone', launched: '2019-04' },
  { brand: 'HUAWEI', modelCode: 'TAS-AL00', marketingName: 'Mate 30', category: 'phone', launched: '2019-09' },
  { brand: 'HUAWEI', modelCode: 'ANA-AN00', marketingName: 'P40', category: 'phone', launched: '2020-04' },
  { brand: 'HUAWEI', modelCode: 'NOH-AN00', marketingName: 'Mate 40 Pro', category: 'phone', launched: '2020-10' },
  { brand: 'HUAWEI', modelCode: 'ABR-AL00', marketingName: 'P50', category: 'phone', launched: '2021-07' },
  { brand: 'HUAWEI', modelCode: 'CET-AL00', marketingName: 'Mate 50', category: 'phone', launched: '2022-09' },
  { brand: 'HUAWEI', modelCode: 'ALN-AL00', marketingName: 'Mate 60 Pro', category: 'phone', launched: '2023-08', builtIn: true },
  { brand: 'HUAWEI', modelCode: 'ADY-AL00', marketingName: 'nova 12', category: 'phone', launched: '2023-12', builtIn: true },
  { brand: 'HUAWEI', modelCode: 'HBN-AL00', marketingName: 'Pura 70', category: 'phone', launched: '2024-04' },
  { brand: 'HUAWEI', modelCode: 'CLS-AL00', marketingName: 'Mate 70', category: 'phone', launched: '2024-11' },
  { brand: 'HUAWEI', modelCode: 'DBY-W09', marketingName: 'MatePad 11', category: 'tablet', launched: '2021-06' },
  { brand: 'HUAWEI', modelCode: 'LNA-AL00', marketingName: 'Watch GT 4', category: 'wearable', launched: '2023-09', builtIn: true },
  { brand: 'XIAOMI', modelCode: 'MCE16', marketingName: 'Xiaomi 6', category: 'phone', launched: '2017-04' },
  { brand: 'XIAOMI', modelCode: 'M1803E1A', marketingName: 'Xiaomi 8', category: 'phone', launched: '2018-05' },
  { brand: 'XIAOMI', modelCode: 'M1908C3JE', marketingName: 'Redmi Note 8', category: 'phone', launched: '2019-08' },
  { brand: 'XIAOMI', modelCode: 'M2001J2C', marketingName: 'Xiaomi 10', category: 'phone', launched: '2020-02' },
  { brand: 'XIAOMI', modelCode: 'M2012K11AC', marketingName: 'Redmi K40', category: 'phone', launched: '2021-02' },
  { brand: 'XIAOMI', modelCode: '2201123C', marketingName: 'Xiaomi 12', category: 'phone', launched: '2021-12' },
  { brand: 'XIAOMI', modelCode: '2211133C', marketingName: 'Xiaomi 13', category: 'phone', launched: '2022-12' },
  { brand: 'XIAOMI', modelCode: '23127PN0CC', marketingName: 'Xiaomi 14', category: 'phone', launched: '2023-10', builtIn: true },
  { brand: 'XIAOMI', modelCode: '2312DRA50C', marketingName: 'Redmi Note 13 Pro', category: 'phone', launched: '2023-09', builtIn: true },
  { brand: 'XIAOMI', modelCode: '24129PN74C', marketingName: 'Xiaomi 15', category: 'phone', launched: '2024-10' },
  { brand: 'XIAOMI', modelCode: '23043RP34C', marketingName: 'Xiaomi Pad 6', category: 'tablet', launched: '2023-04', builtIn: true },
  { brand: 'OPPO', modelCode: 'R11', marketingName: 'R11', category: 'phone', launched: '2017-06' },
  { brand: 'OPPO', modelCode: 'PCAM00', marketingName: 'Reno', category: 'phone', launched: '2019-04' },
  { brand: 'OPPO', modelCode: 'PEDM00', marketingName: 'Find X3', category: 'phone', launched: '2021-03' },
  { brand: 'OPPO', modelCode: 'PHW110', marketingName: 'Reno10', category: 'phone', launched: '2023-05' },
  { brand: 'VIVO', modelCode: 'VIVO-X20A', marketingName: 'X20', category: 'phone', launched: '2017-09' },
  { brand: 'VIVO', modelCode: 'V1829A', marketingName: 'X27', category: 'phone', launched: '2019-03' },
  { brand: 'VIVO', modelCode: 'V2046A', marketingName: 'X60', category: 'phone', launched: '2020-12' },
  { brand: 'VIVO', modelCode: 'V2309A', marketingName: 'X100', category: 'phone', launched: '2023-11' },
  { brand: 'HONOR', modelCode: 'STF-AL00', marketingName: 'Honor 9', category: 'phone', launched: '2017-06' },
  { brand: 'HONOR', modelCode: 'BMH-AN10', marketingName: 'Honor 30', category: 'phone', launched: '2020-04' },
  { brand: 'HONOR', modelCode: 'PGT-AN00', marketingName: 'Magic5', category: 'phone', launched: '2023-03' },
  { brand: 'SAMSUNG', modelCode: 'SM-G9500', marketingName: 'Galaxy S8', category: 'phone', launched: '2017-04' },
  { brand: 'SAMSUNG', modelCode: 'SM-N9600', marketingName: 'Galaxy Note9', category: 'phone', launched: '2018-08' },
  { brand: 'SAMSUNG', modelCode: 'SM-G9730', marketingName: 'Galaxy S10', category: 'phone', launched: '2019-03' },
  { brand: 'SAMSUNG', modelCode: 'SM-G9910', marketingName: 'Galaxy S21', category: 'phone', launched: '2021-01' },
  { brand: 'SAMSUNG', modelCode: 'SM-S9110', marketingName: 'Galaxy S23', category: 'phone', launched: '2023-02' },
  { brand: 'SAMSUNG', modelCode: 'SM-S9210', marketingName: 'Galaxy S24', category: 'phone', launched: '2024-01', builtIn: true },
  { brand: 'SAMSUNG', modelCode: 'SM-A5560', marketingName: 'Galaxy A55', category: 'phone', launched: '2024-03', builtIn: true },
  { brand: 'SAMSUNG', modelCode: 'SM-X710', marketingName: 'Galaxy Tab S9', category: 'tablet', launched: '2023-08', builtIn: true },
  { brand: 'LENOVO', modelCode: '20QD', marketingName: 'ThinkPad X1 Carbon Gen 7', category: 'laptop', launched: '2019-05', warrantyMonths: 36 },
  { brand: 'LENOVO', modelCode: '82L7', marketingName: 'Xiaoxin Pro 14', category: 'laptop', launched: '2021-05', warrantyMonths: 24 },
  { brand: 'LENOVO', modelCode: '21HM', marketingName: 'ThinkPad X1 Carbon Gen 11', category: 'laptop', launched: '2023-02', warrantyMonths: 36, builtIn: true },
  { brand: 'LENOVO', modelCode: '83DR', marketingName: 'Legion Y9000P', category: 'laptop', launched: '2024-01', warrantyMonths: 24, builtIn: true },
  { brand: 'LENOVO', modelCode: 'TB331FC', marketingName: 'Xiaoxin Pad 2024', category: 'tablet', launched: '2024-03', builtIn: true },
  { brand: 'LENOVO', modelCode: 'TB-X606F', marketingName: 'Tab M10 Plus', category: 'tablet', launched: '2019-09' },
  { brand: 'MOTO', modelCode: 'XT1789-05', marketingName: 'moto z2 force', category: 'phone', launched: '2017-08' },
  { brand: 'MOTO', modelCode: 'XT2321-2', marketingName: 'razr 40 ultra', category: 'phone', launched: '2023-06', builtIn: true },
  { brand: 'MOTO', modelCode: 'XT2343-1', marketingName: 'moto g54', category: 'phone', launched: '2023-09', builtIn: true },
  { brand: 'MOTO', modelCode: 'XT2401-3', marketingName: 'edge 50 pro', category: 'phone', launched: '2024-04', builtIn: true },
]
