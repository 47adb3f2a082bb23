import type { Messages } from './en'
import type { enBackupErrors, enBackupValidation } from './en-backup'

// Simplified Chinese refusals of the backup and restore channels, merged into `errors` and `validation` in zh-CN.ts.

export const zhCNBackupErrors: Pick<Messages['errors'], keyof typeof enBackupErrors> = {
  backupFolderMissing: '文件夹 {{folder}} 不存在：请插入存储设备或选择其他文件夹。',
  backupFolderNotWritable: '无法写入备份到 {{folder}}：请选择其他文件夹或检查权限。该处未留下任何文件。',
  backupDiskFull: '{{folder}} 所在磁盘已满：请清理空间或选择其他文件夹。',
  backupFailedCheck: '备份未通过校验（{{problem}}），已删除：请重试或换一个存储设备。',
  backupNotFound: '{{file}} 处没有备份文件。',
  backupDamaged: '该备份已损坏（{{problem}}）：请选择更早的备份。',
  backupTooNew: '该备份由较新版本的 Repair Ledger 生成（{{version}}）：请安装该版本后再恢复。',
  restoreUnavailable: '备份和恢复需要本机上的账本文件。',
  ledgerDamaged: '账本已损坏（{{problem}}）：请先恢复备份再继续。',
  restoreWrongPin: '该 PIN 不是此备份中店主的 PIN。',
}

export const zhCNBackupValidation: Pick<Messages['validation'], keyof typeof enBackupValidation> = {
  backupFolder: '请输入文件夹完整路径，例如 D:\\Backups 或 /media/usb/backups。',
  backupFile: '请从列表中选择备份文件。',
  backupKeep: '请输入保留份数：每日 1–90 份，每月 0–120 份。',
  backupHour: '请输入 0 到 23 之间的小时数。',
}
