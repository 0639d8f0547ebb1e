const focus = 'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600';
const base = `inline-flex min-h-11 items-center justify-center gap-2 rounded-lg px-4 font-semibold disabled:cursor-not-allowed disabled:opacity-60 ${focus}`;

/** Class names for the app's three kinds of buttons and button-looking links. */
export const buttonStyles = {
  primary: `${base} bg-brand-600 text-white hover:bg-brand-700 disabled:hover:bg-brand-600`,
  secondary: `${base} border border-gray-400 bg-white text-ink hover:bg-gray-50`,
  danger: `${base} border border-red-300 bg-white text-red-800 hover:bg-red-50`,
  small: `inline-flex min-h-9 items-center justify-center gap-1.5 rounded-md border border-gray-400 bg-white px-3 text-sm font-medium hover:bg-gray-50 disabled:cursor-not-allowed disabled:opacity-60 ${focus}`,
} as const;
