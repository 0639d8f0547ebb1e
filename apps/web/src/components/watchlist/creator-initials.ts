/** "Night Owl Art" → "NO", "sunny.kitchen" → "SK", "anna" → "AN": letters and digits only. */
export function initialsOf(name: string): string {
  const words = name.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
  const letters =
    words.length >= 2
      ? [Array.from(words[0] ?? '')[0], Array.from(words[1] ?? '')[0]]
      : Array.from(words[0] ?? '').slice(0, 2);
  return letters.join('').toUpperCase() || '@';
}
