import { useEffect, useRef } from 'react';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';

// Only what a bar chart needs: chart.js is tree-shakeable and this module loads with the district area.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface BarSeries {
  label: string;
  values: ReadonlyArray<number | null>;
  color: string;
}

/**
 * A bar chart drawn on a canvas. The canvas is an image with a label: callers must put the same
 * figures in a table beside it, which is what screen readers, print and tests read.
 */
export function BarChart({
  labels,
  series,
  label,
  max,
  height = 320,
}: {
  labels: readonly string[];
  series: readonly BarSeries[];
  /** Describes the chart for assistive technology (role="img"). */
  label: string;
  max?: number;
  height?: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const element = canvas.current;
    if (!element) return undefined;
    const config: ChartConfiguration<'bar', Array<number | null>, string> = {
      type: 'bar',
      data: {
        labels: [...labels],
        datasets: series.map((s) => ({
          label: s.label,
          data: [...s.values],
          backgroundColor: s.color,
          borderColor: s.color,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { y: { beginAtZero: true, ...(max === undefined ? {} : { max }) } },
        plugins: { legend: { position: 'bottom' } },
      },
    };
    const chart = new Chart(element, config);
    return () => chart.destroy();
  }, [labels, series, max]);

  return (
    <div className="chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
