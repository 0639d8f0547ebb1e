/** Seconds as "850 ms", "12.3 s", "4 min 5 s", "2 h 3 min"; "—" when unknown. */
export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds)) return '—';
  const abs = Math.abs(seconds);
  const sign = seconds < 0 ? '−' : '';
  if (abs < 1) return `${sign}${Math.round(abs * 1000)} ms`;
  if (abs < 60) return `${sign}${abs.toFixed(abs < 10 ? 1 : 0)} s`;
  if (abs < 3600) return `${sign}${Math.floor(abs / 60)} min ${Math.floor(abs % 60)} s`;
  return `${sign}${Math.floor(abs / 3600)} h ${Math.floor((abs % 3600) / 60)} min`;
}

/** An ISO time as the reader's local date and time, to the second. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}
