// English refusals of the backup and restore channels, merged into `errors` and `validation` in en.ts.

export const enBackupErrors = {
  backupFolderMissing: 'The folder {{folder}} does not exist: plug in the drive or choose another folder.',
  backupFolderNotWritable: 'The backup could not be written to {{folder}}: choose another folder or check its permissions. Nothing was left there.',
  backupDiskFull: 'The drive holding {{folder}} is full: free some space or choose another folder.',
  backupFailedCheck: 'The backup did not pass its check ({{problem}}) and was removed: try again, or use another drive.',
  backupNotFound: 'There is no backup file at {{file}}.',
  backupDamaged: 'This backup is damaged ({{problem}}): choose an older one.',
  backupTooNew: 'This backup was made by a newer version of Repair Ledger ({{version}}): install that version to restore it.',
  restoreUnavailable: 'Backups and restores need the ledger file on this computer.',
  ledgerDamaged: 'The ledger is damaged ({{problem}}): restore a backup before going on.',
  restoreWrongPin: 'That PIN is not the PIN of an owner in this backup.',
}

export const enBackupValidation = {
  backupFolder: 'Enter the full path of a folder, like D:\\Backups or /media/usb/backups.',
  backupFile: 'Choose a backup file from the list.',
  backupKeep: 'Enter how many to keep: 1–90 daily, 0–120 monthly.',
  backupHour: 'Enter an hour from 0 to 23.',
}
