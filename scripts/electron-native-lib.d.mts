// Types for the plain-JS helpers (the script runs on Node without a TypeScript step).

export interface NativeLayout {
  sourceDir: string
  outDir: string
  workDir: string
  moduleDir: string
  builtBinary: string
  configGypi: string
  binary: string
  stamp: string
}

export interface NativeVersions {
  electron: string
  betterSqlite3: string
  platform: string
  arch: string
}

export const moduleSourceEntries: readonly string[]
export function nativeLayout(projectRoot: string): NativeLayout
export function currentVersions(projectRoot: string, platform?: string, arch?: string): NativeVersions
export function stampFor(versions: NativeVersions): string
export function needsRebuild(stampText: string | null, versions: NativeVersions, binaryExists: boolean): boolean
export function stripNodedir(env: Record<string, string | undefined>): string[]
export function headersDirFromConfigGypi(text: string): string | null
export function isElectronHeadersDir(headersDir: string, electronVersion: string): boolean
export function prepareWorkspace(layout: NativeLayout, betterSqlite3Version: string): void
