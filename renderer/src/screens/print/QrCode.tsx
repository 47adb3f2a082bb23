import { create } from 'qrcode'
import { useMemo } from 'react'

const quietZone = 4

/** A QR code as SVG rects built from qrcode's module matrix: plain React, no canvas, no inline style. */
export function QrCode({ value, label }: { value: string; label: string }) {
  const { size, runs } = useMemo(() => darkRuns(value), [value])
  const total = size + quietZone * 2
  return (
    <svg role="img" aria-label={label} className="qr" viewBox={`0 0 ${total} ${total}`} shapeRendering="crispEdges">
      <rect width={total} height={total} fill="#ffffff" />
      <g fill="#000000">
        {runs.map(({ row, col, length }) => (
          <rect key={`${row}-${col}`} x={col + quietZone} y={row + quietZone} width={length} height={1} />
        ))}
      </g>
    </svg>
  )
}

/** Dark modules merged into horizontal runs: far fewer nodes than one rect per module. */
function darkRuns(value: string): { size: number; runs: { row: number; col: number; length: number }[] } {
  const { size, data } = create(value, { errorCorrectionLevel: 'M' }).modules
  const runs: { row: number; col: number; length: number }[] = []
  for (let row = 0; row < size; row++) {
    let col = 0
    while (col < size) {
      if (!data[row * size + col]) {
        col++
        continue
      }
      const start = col
      while (col < size && data[row * size + col]) col++
      runs.push({ row, col: start, length: col - start })
    }
  }
  return { size, runs }
}
