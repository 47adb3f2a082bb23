// How far each running long job (a batch export, a backup or restore) has got, by the job id
// the screen chose, so the screen can show a progress bar while its call is still running. Kept in
// memory: a job lives only as long as the call that runs it, and a finished one is forgotten after
// a while.

export class JobProgress<P extends { jobId: string }> {
  private readonly jobs = new Map<string, { progress: P; atMs: number }>()

  constructor(private readonly keepMs = 10 * 60_000) {}

  report(progress: P): void {
    const now = Date.now()
    this.jobs.set(progress.jobId, { progress, atMs: now })
    for (const [id, job] of this.jobs) if (now - job.atMs > this.keepMs) this.jobs.delete(id)
  }

  of(jobId: string): P | null {
    return this.jobs.get(jobId)?.progress ?? null
  }
}
