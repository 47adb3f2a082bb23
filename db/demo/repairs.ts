import type { EstimateLineKind, FaultCodeKind, RepairTier, VoidReason } from '../../shared/repair'
import type { DeviceCategory } from '../../shared/tickets'
import type { Rng } from './random'

// What the bench finds behind each fault the counter writes down: IRIS-style codes from the
// seeded default lists (shared/fault-codes.ts), the repair tier, the findings and the work done as
// a technician types them, and what the parts and labour cost (CNY, tax included).

export interface RepairKind {
  symptom: string
  defect: string
  repair: string
  tier: RepairTier
  findings: readonly string[]
  workDone: string
  /** The part the repair needs and its price range in yuan; null for work without parts. */
  part: { description: string; yuan: readonly [number, number] } | null
  labourYuan: readonly [number, number]
  /** Minutes on the bench for the repair itself. */
  repairMinutes: readonly [number, number]
  /** Share of repairs that wait for the part to arrive (1–5 days). */
  partsWait: number
  /** The damage that voids a warranty, when this fault is damage. */
  damage?: VoidReason
}

const kinds = {
  display: {
    symptom: 'S03', defect: 'D02', repair: 'R02', tier: 'L2',
    findings: ['显示屏总成碎裂，触摸 IC 正常 / display assembly cracked', '屏幕排线损伤，显示异常 / display flex damaged', '内屏漏液，出现彩线 / inner panel leaking, lines on screen'],
    workDone: '更换显示屏总成，测试显示、触摸、亮度正常',
    part: { description: '显示屏总成 display assembly', yuan: [380, 1500] }, labourYuan: [80, 150], repairMinutes: [35, 90], partsWait: 0.3, damage: 'physical_damage',
  },
  touch: {
    symptom: 'S04', defect: 'D02', repair: 'R02', tier: 'L2',
    findings: ['触摸层损坏，局部无响应 / digitizer dead in places', '屏幕摔裂导致触摸失灵 / cracked glass, touch lost'],
    workDone: '更换显示屏总成，触摸全区域测试通过',
    part: { description: '显示屏总成 display assembly', yuan: [380, 1500] }, labourYuan: [80, 150], repairMinutes: [35, 90], partsWait: 0.3, damage: 'physical_damage',
  },
  battery: {
    symptom: 'S09', defect: 'D03', repair: 'R03', tier: 'L2',
    findings: ['电池健康度低于 75%，循环次数过高 / battery health below 75 %', '电池鼓包，顶起后盖 / swollen battery'],
    workDone: '更换电池，充放电测试正常',
    part: { description: '电池 battery', yuan: [149, 399] }, labourYuan: [40, 80], repairMinutes: [20, 45], partsWait: 0.12,
  },
  charging: {
    symptom: 'S02', defect: 'D04', repair: 'R04', tier: 'L2',
    findings: ['尾插氧化，接触不良 / charging port corroded', '充电小板损坏 / charging sub-board defective'],
    workDone: '更换尾插小板，快充测试正常',
    part: { description: '尾插小板 charging sub-board', yuan: [80, 260] }, labourYuan: [60, 120], repairMinutes: [30, 60], partsWait: 0.2,
  },
  audio: {
    symptom: 'S07', defect: 'D04', repair: 'R04', tier: 'L2',
    findings: ['听筒网堵塞，听筒音圈损坏 / earpiece coil damaged', '扬声器破音 / speaker distorted', '麦克风排线接触不良 / microphone flex loose'],
    workDone: '更换听筒/扬声器模组，通话测试正常',
    part: { description: '听筒/扬声器模组 earpiece/speaker module', yuan: [60, 220] }, labourYuan: [50, 100], repairMinutes: [25, 60], partsWait: 0.15,
  },
  camera: {
    symptom: 'S06', defect: 'D05', repair: 'R05', tier: 'L2',
    findings: ['后摄对焦马达卡死 / rear camera autofocus stuck', '前摄模组无图像 / front camera no image', '结构光模组故障 / depth camera module fault'],
    workDone: '更换摄像头模组，拍照、对焦测试正常',
    part: { description: '摄像头模组 camera module', yuan: [180, 900] }, labourYuan: [60, 120], repairMinutes: [30, 70], partsWait: 0.35,
  },
  backGlass: {
    symptom: 'S06', defect: 'D05', repair: 'R05', tier: 'L2',
    findings: ['后盖玻璃碎裂，镜头盖破损 / back glass and lens cover cracked'],
    workDone: '更换后盖玻璃及镜头盖，防水胶重新密封',
    part: { description: '后盖玻璃（含镜头盖）back glass with lens cover', yuan: [120, 600] }, labourYuan: [80, 180], repairMinutes: [45, 120], partsWait: 0.25, damage: 'physical_damage',
  },
  buttons: {
    symptom: 'S04', defect: 'D04', repair: 'R04', tier: 'L2',
    findings: ['按键排线断裂 / button flex broken', '指纹/按键小板损坏 / sensor or key board defective', '振动马达无输出 / vibration motor dead'],
    workDone: '更换按键排线/小板，功能测试正常',
    part: { description: '按键排线 flex cable', yuan: [50, 200] }, labourYuan: [60, 120], repairMinutes: [30, 75], partsWait: 0.25,
  },
  software: {
    symptom: 'S08', defect: 'D06', repair: 'R01', tier: 'L1',
    findings: ['系统文件损坏，无法进入系统 / system files corrupted', '升级失败，卡在开机画面 / failed update, stuck at logo', '系统异常导致反复重启 / software fault, boot loop'],
    workDone: '刷写官方固件，升级至最新系统版本',
    part: null, labourYuan: [50, 150], repairMinutes: [20, 90], partsWait: 0,
  },
  board: {
    symptom: 'S01', defect: 'D01', repair: 'R06', tier: 'L3',
    findings: ['主板电源管理芯片短路 / PMIC short circuit', '主板 CPU 虚焊 / CPU solder fault', '主板供电线路烧毁 / burnt power rail'],
    workDone: '主板维修：更换电源芯片、补焊，通电老化测试正常',
    part: { description: '主板元件 board components', yuan: [50, 260] }, labourYuan: [280, 800], repairMinutes: [120, 300], partsWait: 0.1,
  },
  liquid: {
    symptom: 'S10', defect: 'D01', repair: 'R06', tier: 'L3',
    findings: ['进液腐蚀，主板多处短路 / liquid corrosion, board shorts', '进水后主板氧化，防水标签变红 / LCI red, board oxidised'],
    workDone: '主板清洗除锈，更换腐蚀元件，整机测试正常',
    part: { description: '主板元件 board components', yuan: [60, 300] }, labourYuan: [250, 700], repairMinutes: [150, 360], partsWait: 0.1, damage: 'liquid_damage',
  },
  radio: {
    symptom: 'S05', defect: 'D07', repair: 'R06', tier: 'L3',
    findings: ['射频功放损坏 / RF amplifier defective', '天线触点氧化 / antenna contacts corroded', '基带供电异常 / baseband power fault'],
    workDone: '维修射频电路，信号、WiFi、蓝牙测试正常',
    part: { description: '射频元件 RF components', yuan: [60, 300] }, labourYuan: [200, 500], repairMinutes: [90, 240], partsWait: 0.15,
  },
  cleaning: {
    symptom: 'S08', defect: 'D08', repair: 'R08', tier: 'L1',
    findings: ['散热风扇积灰严重 / fan clogged with dust', '接口积尘，清洁后正常 / port full of lint'],
    workDone: '清洁除尘，更换导热硅脂，温度测试正常',
    part: null, labourYuan: [60, 150], repairMinutes: [20, 60], partsWait: 0,
  },
  strap: {
    symptom: 'S04', defect: 'D08', repair: 'R08', tier: 'L1',
    findings: ['表带连接销脱出 / strap pin came out'],
    workDone: '重新安装表带连接销并加固',
    part: null, labourYuan: [30, 80], repairMinutes: [10, 30], partsWait: 0,
  },
  noFault: {
    symptom: 'S08', defect: 'D08', repair: 'R08', tier: 'L1',
    findings: ['多次测试未复现故障 / fault could not be reproduced', '检测未发现硬件故障，已恢复出厂设置 / no hardware fault found'],
    workDone: '全面检测未发现故障，清洁并恢复设置',
    part: null, labourYuan: [0, 0], repairMinutes: [15, 45], partsWait: 0,
  },
} as const satisfies Record<string, RepairKind>

export type RepairKindName = keyof typeof kinds

const names = new Map<RepairKind, RepairKindName>(Object.entries(kinds).map(([name, kind]) => [kind, name as RepairKindName]))

/** The name of a repair kind findRepair returned. */
export function repairName(kind: RepairKind): RepairKindName {
  const name = names.get(kind)
  if (!name) throw new Error('demo: not one of the repair kinds')
  return name
}

/** The fault as the customer said it → what the technician usually finds (weighted). */
const byFault: Record<string, readonly (readonly [RepairKindName, number])[]> = {
  '屏幕摔碎，触摸失灵': [['touch', 1]],
  '外屏碎了，显示正常': [['display', 1]],
  '充电没反应': [['charging', 7], ['board', 2], ['battery', 1]],
  '充电很慢，插头接触不良': [['charging', 1]],
  '电池不耐用，半天就没电': [['battery', 9], ['software', 1]],
  '电池鼓包，后盖翘起': [['battery', 1]],
  '进水后无法开机': [['liquid', 1]],
  '掉进马桶，开机花屏': [['liquid', 1]],
  '听筒没有声音': [['audio', 1]],
  '打电话对方听不到': [['audio', 1]],
  '扬声器有杂音': [['audio', 1]],
  '后置摄像头拍照模糊': [['camera', 1]],
  '前摄像头黑屏': [['camera', 1]],
  '面容 ID 不可用': [['camera', 1]],
  '指纹识别失灵': [['buttons', 1]],
  'WiFi 连不上': [['radio', 1]],
  '信号差，经常无服务': [['radio', 1]],
  '频繁自动重启': [['software', 1], ['board', 1], ['battery', 1]],
  '开机卡在 logo': [['software', 1]],
  '系统升级后变砖': [['software', 1]],
  '电源键按不动': [['buttons', 1]],
  '音量键失灵': [['buttons', 1]],
  '屏幕有绿线': [['display', 1]],
  '屏幕闪烁': [['display', 3], ['board', 1]],
  '触摸漂移': [['touch', 1]],
  '振动马达不工作': [['buttons', 1]],
  '发热严重': [['battery', 1], ['board', 1], ['cleaning', 1]],
  '蓝牙连不上耳机': [['radio', 1]],
  'SIM 卡识别不到': [['radio', 1]],
  '忘记锁屏密码': [['software', 1]],
  '后盖玻璃碎了': [['backGlass', 1]],
  '键盘部分按键失灵': [['buttons', 1]],
  '笔记本开机无显示': [['board', 2], ['display', 1]],
  '风扇噪音很大': [['cleaning', 1]],
  '表带连接处断裂': [['strap', 1]],
  'Cracked screen after a drop': [['touch', 1]],
  'Does not charge': [['charging', 1]],
  'Battery drains in a few hours': [['battery', 1]],
  'Dropped in water, no power': [['liquid', 1]],
  'No sound in calls': [['audio', 1]],
  'Camera is blurry': [['camera', 1]],
  'Keeps restarting': [['software', 1], ['board', 1]],
  'Face ID not available': [['camera', 1]],
  'No signal': [['radio', 1]],
  'Back glass broken': [['backGlass', 1]],
}

const unknownFault: readonly (readonly [RepairKindName, number])[] = [['noFault', 1]]

/** What the technician finds for this reported fault; a few faults cannot be reproduced at all. */
export function findRepair(rng: Rng, reportedFault: string): RepairKind {
  if (rng.chance(0.03)) return kinds.noFault
  return kinds[rng.weighted(byFault[reportedFault] ?? unknownFault)]
}

/** The condition code: how the customer experiences the fault. */
export function conditionCode(rng: Rng): string {
  return rng.weighted([['1', 70], ['2', 20], ['3', 10]] as const)
}

/** Codes the diagnosis uses, so the generator can check them against the manufacturer's list. */
export function codesOf(kind: RepairKind, condition: string): Record<FaultCodeKind, string> {
  return { condition, symptom: kind.symptom, defect: kind.defect, repair: kind.repair }
}

const brandPremium: Record<string, number> = { APPLE: 1.6, SAMSUNG: 1.3, HUAWEI: 1.2 }
const categoryPremium: Record<DeviceCategory, number> = { phone: 1, tablet: 1.3, laptop: 1.6, wearable: 0.8, other: 1 }

export interface EstimateLineDraft {
  kind: EstimateLineKind
  description: string
  quantity: number
  unitPriceMinor: number
  /** The catalogue part a part line quotes (its name and sell price). */
  partId?: number
}

/** A catalogue part as an estimate quotes it. */
export interface QuotedPart {
  id: number
  name: string
  sellPriceMinor: number
}

/** Yuan in [min, max] rounded to whole tens (prices end in 9 half the time), in fen. */
function price(rng: Rng, [min, max]: readonly [number, number], factor = 1): number {
  const yuan = Math.round((min + rng.next() * (max - min)) * factor / 10) * 10
  return Math.max(0, rng.chance(0.5) && yuan >= 10 ? yuan - 1 : yuan) * 100
}

/**
 * The lines of a first estimate for paid work, as the counter writes them (tax included). A part
 * the catalogue has is quoted by name at its sell price; the price drawn for it is then unused,
 * which keeps the rest of the shop's random choices where they were.
 */
export function estimateLines(rng: Rng, kind: RepairKind, brandCode: string, category: DeviceCategory, quote: { part: QuotedPart | null; protector: QuotedPart | null }): EstimateLineDraft[] {
  const factor = (brandPremium[brandCode] ?? 1) * categoryPremium[category]
  const lines: EstimateLineDraft[] = []
  const quoted = (part: QuotedPart): EstimateLineDraft => ({ kind: 'part', description: part.name, quantity: 1, unitPriceMinor: part.sellPriceMinor, partId: part.id })
  if (kind.part) {
    const drawn = price(rng, kind.part.yuan, factor)
    lines.push(quote.part ? quoted(quote.part) : { kind: 'part', description: kind.part.description, quantity: 1, unitPriceMinor: drawn })
  }
  if (kind.labourYuan[1] > 0) lines.push({ kind: 'labour', description: `人工费 labour (${kind.tier})`, quantity: 1, unitPriceMinor: price(rng, kind.labourYuan) })
  else lines.push({ kind: 'fee', description: '检测费 inspection fee', quantity: 1, unitPriceMinor: rng.pick([3000, 5000]) })
  if (kind === kinds.display || kind === kinds.touch) {
    if (category === 'phone' && rng.chance(0.3)) {
      const drawn = rng.pick([2900, 3900, 4900])
      lines.push(quote.protector ? quoted(quote.protector) : { kind: 'part', description: '钢化膜 tempered glass protector', quantity: 1, unitPriceMinor: drawn })
    }
  }
  return lines
}

/** A second revision after the customer haggled: labour reduced by ¥20–¥50 (never below zero). */
export function revisedLines(rng: Rng, lines: EstimateLineDraft[]): EstimateLineDraft[] {
  const discount = rng.int(2, 5) * 1000
  return lines.map((l) => (l.kind === 'labour' ? { ...l, unitPriceMinor: Math.max(0, l.unitPriceMinor - discount) } : l))
}

export const cancelReasons = {
  beforeDiagnosis: ['客户不修了', '客户急用，先取回', '客户已买新机', 'Customer changed their mind'],
  awaitingApproval: ['客户长期联系不上，按约定退回', '客户决定送官方售后', '客户已买新机'],
  awaitingParts: ['配件缺货，客户不再等待', '配件停产，无法维修', '客户等不及配件，先取回'],
} as const

export const repairNotes = ['客户来电询问进度', '已告知客户预计完成时间', '客户要求保留数据', '客户要求旧件带走', '已拍照留存外观', '客户加急，优先处理']
