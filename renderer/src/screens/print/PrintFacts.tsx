/** Label/value rows on paper: a description list the print CSS lays out as two columns. */
export function PrintFacts({ rows }: { rows: [string, string][] }) {
  return (
    <dl className="print-facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}
