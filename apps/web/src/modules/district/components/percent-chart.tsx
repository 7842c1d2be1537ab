import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BarChart } from './bar-chart';

export interface PercentBar {
  key: string;
  /** Group the bar belongs to, e.g. the school. */
  group: string;
  /** The bar's own label, e.g. "Grade 7". */
  label: string;
  /** 0-100, or null when not applicable. */
  percent: number | null;
}

/**
 * A bar chart of percentages, drawn by chart.js (loaded with the district area only). The canvas is one
 * image with a label; the same figures are in a table for screen readers, print and tests.
 */
export function PercentChart({
  bars,
  label,
  caption,
  groupHeader,
  barHeader,
  valueHeader,
}: {
  bars: readonly PercentBar[];
  label: string;
  caption: string;
  groupHeader: string;
  barHeader: string;
  valueHeader: string;
}) {
  const { t } = useTranslation();
  const value = (percent: number | null) =>
    percent === null ? t('compliance.notApplicableShort') : t('compliance.percent', { value: percent });
  const labels = useMemo(() => bars.map((b) => `${b.group}: ${b.label}`), [bars]);
  const series = useMemo(
    () => [{ label: valueHeader, values: bars.map((b) => b.percent), color: '#1b6b7a' }],
    [bars, valueHeader],
  );
  return (
    <figure className="percent-chart">
      <BarChart labels={labels} series={series} label={label} max={100} />
      <table className="visually-hidden">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{groupHeader}</th>
            <th scope="col">{barHeader}</th>
            <th scope="col">{valueHeader}</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.key}>
              <td>{bar.group}</td>
              <th scope="row">{bar.label}</th>
              <td>{value(bar.percent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
