'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export type BudgetMinutePoint = { minute: string; granted: number; pushbacks: number };

/** Requests TikSavr sent to TikTok per minute over the last hour, and the pushbacks it got. */
export function BudgetMinutesChart({ points, limit }: { points: BudgetMinutePoint[]; limit: number }) {
  const label = (iso: string) =>
    new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  const data = points.map((point) => ({ ...point, label: label(point.minute) }));
  const granted = points.reduce((sum, point) => sum + point.granted, 0);
  const pushbacks = points.reduce((sum, point) => sum + point.pushbacks, 0);
  const title = 'Requests to TikTok per minute, last hour';
  return (
    <figure className="flex flex-col gap-2 rounded-xl border border-gray-200 p-4">
      <figcaption className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="font-semibold">{title}</span>
        <span className="text-sm text-gray-700">
          {granted} sent · {pushbacks} pushed back · limit {limit} a minute
        </span>
      </figcaption>
      {/* inert as well as aria-hidden: the chart's own focusable parts must not be reachable inside a hidden region. */}
      <div className="h-48 w-full" aria-hidden="true" inert>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: -20 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={9} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="granted" name="Sent" fill="#1d4ed8" isAnimationActive={false} />
            <Bar dataKey="pushbacks" name="Pushed back" fill="#b91c1c" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Minute</th>
            <th scope="col">Sent</th>
            <th scope="col">Pushed back</th>
          </tr>
        </thead>
        <tbody>
          {data
            .filter((point) => point.granted + point.pushbacks > 0)
            .map((point) => (
              <tr key={point.minute}>
                <th scope="row">{point.label}</th>
                <td>{point.granted}</td>
                <td>{point.pushbacks}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </figure>
  );
}
