import { useTranslation } from 'react-i18next'
import type { ClaimProblemDto } from '../../../../shared/dto/claims'
import { useClaimText } from './claim-text'

/** A claim's validation problems, errors first, each marked in words (not colour alone). */
export function ProblemList({ problems, id }: { problems: ClaimProblemDto[]; id?: string }) {
  const { t } = useTranslation()
  const text = useClaimText()
  if (problems.length === 0) return null
  const sorted = [...problems.filter((p) => p.severity === 'error'), ...problems.filter((p) => p.severity === 'warning')]
  return (
    <ul id={id} className="claim-problems">
      {sorted.map((problem, index) => (
        <li key={`${problem.code}-${problem.field.join('.')}-${index}`} className={`claim-problem claim-problem-${problem.severity}`}>
          <span className={problem.severity === 'error' ? 'tag tag-danger tag-first' : 'tag tag-warning tag-first'}>{t(`claimsScreen.severity.${problem.severity}`)}</span>
          {text.problem(problem)}
        </li>
      ))}
    </ul>
  )
}
