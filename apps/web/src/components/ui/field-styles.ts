/** The look of every text box and select: at least 44 px tall, visible focus ring. */
export const fieldControlClass =
  'min-h-11 rounded-lg border border-gray-400 bg-white px-3 text-base outline-none focus-visible:border-brand-600 focus-visible:ring-2 focus-visible:ring-brand-600/40';
