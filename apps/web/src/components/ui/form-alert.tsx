/** An error announced to screen readers as soon as it appears. */
export function FormAlert({ message }: { message: string | null }) {
  return (
    <div role="alert" aria-live="assertive" className="min-h-0">
      {message ? (
        <p className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-red-900">{message}</p>
      ) : null}
    </div>
  );
}
