import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js'
import { useEffect, useRef, useState } from 'react'

// Only the bar chart's pieces are registered, so the bundle carries nothing else of chart.js.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend)

export interface BarSeries {
  label: string
  values: number[]
}

interface BarChartProps {
  /** What the picture shows, in words: the canvas's accessible name (the table beside it has the numbers). */
  label: string
  categories: string[]
  series: BarSeries[]
  /** Axis ticks and tooltips, e.g. money in the shop's currency from minor units. */
  formatValue: (value: number) => string
  horizontal?: boolean
  stacked?: boolean
}

// Bar colours with at least 3:1 contrast on white (graphics need it), told apart by the legend too.
const colours = ['#1f4fbf', '#a85d00', '#1d6b36']
const textColour = '#1c2530'
const fontFamily = "system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif"

/**
 * A bar chart drawn by chart.js into a canvas, made in an effect and destroyed with it. Where the
 * canvas cannot draw (no 2D context, e.g. jsdom in tests) nothing is rendered: the table beside
 * it carries the same numbers. No animation: the owner reads and prints figures, not motion.
 */
export function BarChart({ label, categories, series, formatValue, horizontal = false, stacked = false }: BarChartProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const [canDraw, setCanDraw] = useState(true)
  // The formatter is usually a fresh closure per render: read it through a ref so it never re-creates the chart.
  const formatRef = useRef(formatValue)
  useEffect(() => {
    formatRef.current = formatValue
  })
  const data = JSON.stringify({ categories, series, horizontal, stacked })

  useEffect(() => {
    const context = canvasRef.current?.getContext('2d') ?? null
    if (!context) {
      setCanDraw(false)
      return
    }
    const spec = JSON.parse(data) as { categories: string[]; series: BarSeries[]; horizontal: boolean; stacked: boolean }
    const chart = new Chart(context, chartConfig(spec, (value) => formatRef.current(value)))
    return () => chart.destroy()
  }, [data])

  if (!canDraw) return null
  return (
    <div className="bar-chart">
      <canvas ref={canvasRef} role="img" aria-label={label} />
    </div>
  )
}

function chartConfig(
  spec: { categories: string[]; series: BarSeries[]; horizontal: boolean; stacked: boolean },
  format: (value: number) => string,
): ChartConfiguration<'bar', number[], string> {
  const valueAxis = { beginAtZero: true, stacked: spec.stacked, ticks: { color: textColour, callback: (value: string | number) => format(Number(value)) } }
  const categoryAxis = { stacked: spec.stacked, ticks: { color: textColour } }
  return {
    type: 'bar',
    data: {
      labels: spec.categories,
      datasets: spec.series.map((s, index) => ({ label: s.label, data: s.values, backgroundColor: colours[index % colours.length] })),
    },
    options: {
      indexAxis: spec.horizontal ? 'y' : 'x',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      font: { family: fontFamily },
      scales: spec.horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
      plugins: {
        legend: { display: spec.series.length > 1, labels: { color: textColour, font: { family: fontFamily } } },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${format(Number(item.raw))}` } },
      },
    },
  }
}
