import type { FaultCodeKind } from './repair'

// A sensible starting list of IRIS-style codes, given to every manufacturer of a new shop and
// editable by the owner per manufacturer. Descriptions are stored as typed (zh / en).

export const defaultFaultCodes: Record<FaultCodeKind, [code: string, description: string][]> = {
  condition: [
    ['1', '持续出现 / Constant'],
    ['2', '间歇出现 / Intermittent'],
    ['3', '特定条件下出现 / Under specific conditions'],
    ['4', '到货即损 / Dead on arrival'],
  ],
  symptom: [
    ['S01', '不开机 / No power'],
    ['S02', '无法充电 / Does not charge'],
    ['S03', '屏幕无显示或花屏 / No display or distorted display'],
    ['S04', '触摸失灵 / Touch not working'],
    ['S05', '无信号或掉线 / No signal or dropped calls'],
    ['S06', '摄像头故障 / Camera fault'],
    ['S07', '听筒或扬声器无声 / No audio from earpiece or speaker'],
    ['S08', '死机或重启 / Freezes or restarts'],
    ['S09', '电池续航短或鼓包 / Poor battery life or swollen battery'],
    ['S10', '进液 / Liquid exposure reported'],
  ],
  defect: [
    ['D01', '主板故障 / Main board fault'],
    ['D02', '显示屏组件损坏 / Display assembly defective'],
    ['D03', '电池故障 / Battery defective'],
    ['D04', '尾插或充电板故障 / Charging port or sub-board defective'],
    ['D05', '摄像头模组故障 / Camera module defective'],
    ['D06', '软件故障 / Software fault'],
    ['D07', '天线或射频故障 / Antenna or RF fault'],
    ['D08', '无故障发现 / No fault found'],
  ],
  repair: [
    ['R01', '软件刷机或升级 / Software reflash or update'],
    ['R02', '更换显示屏组件 / Display assembly replaced'],
    ['R03', '更换电池 / Battery replaced'],
    ['R04', '更换尾插或充电板 / Charging port or sub-board replaced'],
    ['R05', '更换摄像头模组 / Camera module replaced'],
    ['R06', '主板维修 / Main board repaired'],
    ['R07', '更换主板 / Main board replaced'],
    ['R08', '清洁调整，无需换件 / Cleaned and adjusted, no parts'],
  ],
}
