import type { Rng } from './random'

// Words a Shanghai counter actually sees: names, dealers, faults as customers say them.

const surnames: readonly (readonly [string, number])[] = [
  ['王', 72], ['李', 70], ['张', 68], ['刘', 53], ['陈', 45], ['杨', 31], ['黄', 24], ['赵', 20], ['吴', 19],
  ['周', 18], ['徐', 16], ['孙', 15], ['马', 13], ['朱', 13], ['胡', 12], ['郭', 11], ['何', 10], ['高', 10],
  ['林', 10], ['罗', 9], ['郑', 9], ['梁', 8], ['谢', 7], ['宋', 7], ['唐', 6], ['许', 6], ['韩', 6], ['冯', 6],
  ['邓', 6], ['曹', 5], ['彭', 5], ['曾', 5], ['沈', 5], ['蒋', 4], ['陆', 4], ['顾', 4], ['钱', 3], ['欧阳', 1],
]

const givenChars = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞',
  '平', '刚', '桂', '英', '华', '玲', '建', '文', '辉', '斌', '鹏', '宇', '浩', '婷', '雪', '琳', '晨', '欣', '怡',
  '佳', '子', '轩', '涵', '梓', '雨', '博', '思', '嘉', '晓', '慧', '海', '国', '志', '红', '春', '亮', '凯', '悦',
]

const englishFirst = ['David', 'Emma', 'James', 'Olivia', 'Michael', 'Sophie', 'Daniel', 'Anna', 'Thomas', 'Laura', 'Lucas', 'Chloe', 'Kevin', 'Grace', 'Ryan', 'Mia']
const englishLast = ['Smith', 'Müller', 'Martin', 'Wilson', 'Brown', 'Chen', 'Kim', 'Rossi', 'Dubois', 'Tanaka', 'Nguyen', 'Johnson', 'Schmidt', 'Lee']

const districts = ['徐汇', '浦东', '静安', '长宁', '闵行', '黄浦', '杨浦', '普陀', '虹口', '宝山']
const dealerWords = ['鑫达', '华强', '恒通', '联信', '金讯', '汇通', '佳美', '盛宇', '广信', '万达']
const dealerKinds = ['通讯', '手机批发', '数码', '电子商行', '通信器材']

export function chineseName(rng: Rng): string {
  const given = rng.chance(0.7) ? rng.pick(givenChars) + rng.pick(givenChars) : rng.pick(givenChars)
  return rng.weighted(surnames) + given
}

export function englishName(rng: Rng): string {
  return `${rng.pick(englishFirst)} ${rng.pick(englishLast)}`
}

export function dealerName(rng: Rng): string {
  return `上海${rng.pick(districts)}${rng.pick(dealerWords)}${rng.pick(dealerKinds)}`
}

const mobilePrefixes = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '157', '158', '159', '166', '176', '177', '180', '181', '182', '183', '186', '187', '188', '189', '191', '199']

/** A phone as the ledger stores it (normalised digits): mostly mobiles, some Shanghai landlines. */
export function phoneNumber(rng: Rng): string {
  if (rng.chance(0.05)) return `021${rng.pick(['5', '6', '3'])}${rng.digits(7)}`
  return rng.pick(mobilePrefixes) + rng.digits(8)
}

export const faultsZh = [
  '屏幕摔碎，触摸失灵', '外屏碎了，显示正常', '充电没反应', '充电很慢，插头接触不良', '电池不耐用，半天就没电',
  '电池鼓包，后盖翘起', '进水后无法开机', '掉进马桶，开机花屏', '听筒没有声音', '打电话对方听不到',
  '扬声器有杂音', '后置摄像头拍照模糊', '前摄像头黑屏', '面容 ID 不可用', '指纹识别失灵', 'WiFi 连不上',
  '信号差，经常无服务', '频繁自动重启', '开机卡在 logo', '系统升级后变砖', '电源键按不动', '音量键失灵',
  '屏幕有绿线', '屏幕闪烁', '触摸漂移', '振动马达不工作', '发热严重', '蓝牙连不上耳机', 'SIM 卡识别不到',
  '忘记锁屏密码', '后盖玻璃碎了', '键盘部分按键失灵', '笔记本开机无显示', '风扇噪音很大', '表带连接处断裂',
]

export const faultsEn = [
  'Cracked screen after a drop', 'Does not charge', 'Battery drains in a few hours', 'Dropped in water, no power',
  'No sound in calls', 'Camera is blurry', 'Keeps restarting', 'Face ID not available', 'No signal', 'Back glass broken',
]

export const conditionNotes = ['', '', '', '', '左上角有划痕', '边框有磕碰', '屏幕有贴膜', '后壳轻微划伤', '已贴钢化膜，膜已碎', '客户自行拆过后盖']

export const customerNotes = ['', '', '', '', '', '', '', '', '老客户', '需要开发票', '只接电话，不回短信', '周末才能来取']

export const dealerNotes = ['月结客户', '批量送修，统一取件', '每周三送修', '联系人：店长']

/** Proof of purchase as customers bring it: e-invoice, JD or Tmall order, store receipt. */
export function proofRef(rng: Rng): string {
  return rng.weighted([
    [() => `FP${rng.digits(20)}`, 4],
    [() => `JD${rng.digits(12)}`, 3],
    [() => `TM${rng.digits(18)}`, 2],
    [() => `POS-${rng.digits(10)}`, 1],
  ] as const)()
}
