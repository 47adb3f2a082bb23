import type { TicketAction } from '../../../../shared/ticket-flow'
import type { WorkFormProps } from './ActionForm'
import { AssignForm } from './AssignForm'
import { DecideForm } from './DecideForm'
import { DiagnoseForm } from './DiagnoseForm'
import { EstimateForm } from './EstimateForm'
import { CollectForm, CompleteForm, MarkReadyForm } from './RepairForms'
import { CancelForm, NoteForm, StepForm } from './StepForms'

/** What a button of the work panel opens: a state-machine action, or assign / add note. */
export type WorkStep = TicketAction | 'assign' | 'addNote'

/** The inline form for one step; approve and decline share the decision form. */
export function WorkForm({ step, ...props }: WorkFormProps & { step: WorkStep }) {
  switch (step) {
    case 'startDiagnosis':
    case 'startRepair':
      return <StepForm step={step} {...props} />
    case 'diagnose':
      return <DiagnoseForm {...props} />
    case 'estimate':
      return <EstimateForm {...props} />
    case 'approve':
      return <DecideForm initial="approved" {...props} />
    case 'decline':
      return <DecideForm initial="declined" {...props} />
    case 'complete':
      return <CompleteForm {...props} />
    case 'markReady':
      return <MarkReadyForm {...props} />
    case 'collect':
      return <CollectForm {...props} />
    case 'cancel':
      return <CancelForm {...props} />
    case 'assign':
      return <AssignForm {...props} />
    case 'addNote':
      return <NoteForm {...props} />
  }
}
