import { useLayoutEffect, useRef } from 'react'

const mmPerPx = 25.4 / 96

/**
 * Thermal paper is a roll: CSS cannot say "80 mm wide, as long as the content" (`size: 80mm auto`
 * is invalid and falls back to Letter), and a fixed 297 mm page feeds blank paper. So the page
 * length is measured from the rendered receipt and set through a constructed stylesheet, which
 * the CSP (style-src 'self', no inline styles) permits. print.css keeps 80 × 297 mm as fallback.
 */
export function useReceiptLength<T extends HTMLElement>(pageName: string, widthMm: number, marginMm: number, enabled: boolean) {
  const ref = useRef<T>(null)
  useLayoutEffect(() => {
    const element = ref.current
    if (!enabled || !element || typeof ResizeObserver === 'undefined' || !('adoptedStyleSheets' in document)) return
    const sheet = new CSSStyleSheet()
    const measure = () => {
      // Slack for the screen preview's padding and rounding, so the last line never spills over.
      const lengthMm = Math.ceil(element.getBoundingClientRect().height * mmPerPx) + marginMm * 2 + 4
      sheet.replaceSync(`@page ${pageName} { size: ${widthMm}mm ${lengthMm}mm; margin: ${marginMm}mm; }`)
    }
    measure()
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => {
      observer.disconnect()
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet)
    }
  }, [pageName, widthMm, marginMm, enabled])
  return ref
}
