import JsBarcode from 'jsbarcode'
import { useLayoutEffect, useRef } from 'react'

/**
 * A Code128 barcode drawn by jsbarcode into an <svg> with attributes only (no style=, which the
 * CSP forbids). Its pixel width/height are dropped so the print CSS sizes it from the viewBox.
 */
export function Barcode({ value, label, height = 60 }: { value: string; label: string; height?: number }) {
  const ref = useRef<SVGSVGElement>(null)
  useLayoutEffect(() => {
    const svg = ref.current
    if (!svg) return
    // Ten modules of quiet zone each side (a module is `width` units), as scanners need.
    JsBarcode(svg, value, { format: 'CODE128', displayValue: false, margin: 0, marginLeft: 20, marginRight: 20, width: 2, height, background: '#ffffff', lineColor: '#000000' })
    svg.removeAttribute('width')
    svg.removeAttribute('height')
    svg.removeAttribute('style')
  }, [value, height])
  return <svg ref={ref} role="img" aria-label={label} className="barcode" preserveAspectRatio="none" />
}
