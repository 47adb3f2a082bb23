import fs from 'node:fs'
import { fieldError } from './field-error'

/**
 * The folder a file is about to be written to exists and can be written to; otherwise a refusal
 * naming `folder` with the caller's own words (an export folder, a backup folder).
 */
export function checkWritableFolder(folder: string, messages: { missing: string; notWritable: string }): void {
  const info = fs.statSync(folder, { throwIfNoEntry: false })
  if (!info?.isDirectory()) throw fieldError(['folder'], messages.missing, 'CONFLICT', { folder })
  try {
    fs.accessSync(folder, fs.constants.W_OK)
  } catch {
    throw fieldError(['folder'], messages.notWritable, 'CONFLICT', { folder })
  }
}
