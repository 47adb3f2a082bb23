import type { ReactNode } from 'react'

/** A titled part of a report; its heading names the region for screen readers. */
export function ReportSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="report-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  )
}

/** A table with its chart beside it (stacked on narrow windows); the table always carries the numbers. */
export function ReportPair({ children }: { children: ReactNode }) {
  return <div className="report-pair">{children}</div>
}

/** Label/value figures at the top of a report, under a heading only screen readers need. */
export function KeyFigures({ id, label, rows }: { id: string; label: string; rows: [string, string][] }) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="visually-hidden">
        {label}
      </h3>
      <dl className="facts report-key-figures">
        {rows.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
