const CLASSES: Record<string, string> = {
  queued: 'bg-gray-100 text-gray-800',
  resolving: 'bg-blue-50 text-blue-900',
  downloading: 'bg-blue-50 text-blue-900',
  done: 'bg-green-50 text-green-900',
  failed: 'bg-red-50 text-red-900',
  expired: 'bg-amber-50 text-amber-900',
  canceled: 'bg-gray-100 text-gray-800',
};

/** A Download's state under its own name (the admin sees the machine's words, not the user's). */
export function JobStateBadge({ state }: { state: string }) {
  return (
    <span
      data-state={state}
      className={`inline-flex justify-center rounded-full px-2 py-0.5 text-xs font-semibold ${CLASSES[state] ?? ''}`}
    >
      {state}
    </span>
  );
}
