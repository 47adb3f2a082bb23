import type { ExportProgressDto } from '../../shared/dto/claim-outcomes'

// How far each running batch export has got, by the job id the screen chose, so the screen can
// show a progress bar while its export call is still running. Kept in memory: an export lives
// only as long as the call that runs it, and a finished one is forgotten after a while.

const keepMs = 10 * 60_000
const jobs = new Map<string, { progress: ExportProgressDto; atMs: number }>()

export function reportExportProgress(progress: ExportProgressDto): void {
  const now = Date.now()
  jobs.set(progress.jobId, { progress, atMs: now })
  for (const [id, job] of jobs) if (now - job.atMs > keepMs) jobs.delete(id)
}

export function exportProgressOf(jobId: string): ExportProgressDto | null {
  return jobs.get(jobId)?.progress ?? null
}
