import type { IntakeDraft, IntakeField } from './intake-draft'

/** What every part of the intake form gets: the draft, a way to change it, and its field errors. */
export interface SectionProps {
  draft: IntakeDraft
  /** Applies a change; the listed fields lose their error (the technician is fixing them). */
  update: (patch: Partial<IntakeDraft>, ...fixing: IntakeField[]) => void
  errors: Partial<Record<IntakeField, string>>
}
