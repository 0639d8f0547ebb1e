const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;

/**
 * A byte count for people, in decimal units as disks and phones show them: "812 KB", "4.2 MB",
 * "5 GB" (one decimal below 10, none from 10 up, and never a trailing ".0").
 */
export function formatByteSize(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  // 9.96 MB would round to "10.0 MB": round first, then decide on the decimal.
  const rounded = unit === 0 || value >= 9.95 ? String(Math.round(value)) : value.toFixed(1);
  return `${rounded.replace(/\.0$/, '')} ${UNITS[unit]}`;
}

/** A count with thousands separators ("1,000"), the same on the server and in every browser. */
export function formatCount(count: number): string {
  return new Intl.NumberFormat('en-US').format(count);
}
