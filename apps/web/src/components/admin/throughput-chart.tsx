'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export type ThroughputPoint = { at: string; done: number; failed: number; expired: number };

const SERIES = [
  { key: 'done', name: 'Done', color: '#15803d' },
  { key: 'failed', name: 'Failed', color: '#b91c1c' },
  { key: 'expired', name: 'Expired', color: '#b45309' },
] as const;

/** Downloads finished per bucket, stacked by end state; a table gives the same numbers to screen readers. */
export function ThroughputChart({
  title,
  points,
  bucket,
}: {
  title: string;
  points: ThroughputPoint[];
  bucket: 'minute' | 'hour';
}) {
  const label = (iso: string) =>
    new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  const data = points.map((point) => ({ ...point, label: label(point.at) }));
  const totals = SERIES.map((series) => ({
    ...series,
    total: points.reduce((sum, point) => sum + point[series.key], 0),
  }));
  return (
    <figure className="flex flex-col gap-2 rounded-xl border border-gray-200 p-4">
      <figcaption className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="font-semibold">{title}</span>
        <span className="text-sm text-gray-700">
          {totals.map((series) => `${series.total} ${series.name.toLowerCase()}`).join(' · ')}
        </span>
      </figcaption>
      {/* Hidden from screen readers (the table below says the same); recharts' keyboard layer is off, so
          nothing focusable sits inside the hidden region. Mouse tooltips still work. */}
      <div className="h-48 w-full text-gray-700" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            accessibilityLayer={false}
            data={data}
            margin={{ top: 4, right: 4, bottom: 0, left: -20 }}
          >
            <CartesianGrid
              strokeDasharray="3 3"
              vertical={false}
              stroke="currentColor"
              strokeOpacity={0.25}
            />
            <XAxis
              dataKey="label"
              tick={{ fontSize: 11, fill: 'currentColor' }}
              interval={bucket === 'minute' ? 9 : 3}
            />
            <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: 'currentColor' }} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {SERIES.map((series) => (
              <Bar
                key={series.key}
                dataKey={series.key}
                name={series.name}
                stackId="finished"
                fill={series.color}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{bucket === 'minute' ? 'Minute' : 'Hour'}</th>
            {SERIES.map((series) => (
              <th key={series.key} scope="col">
                {series.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data
            .filter((point) => point.done + point.failed + point.expired > 0)
            .map((point) => (
              <tr key={point.at}>
                <th scope="row">{point.label}</th>
                <td>{point.done}</td>
                <td>{point.failed}</td>
                <td>{point.expired}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </figure>
  );
}
