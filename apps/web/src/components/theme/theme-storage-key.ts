/** Where the person's light/dark choice is kept (localStorage); absent = follow the system. */
export const THEME_STORAGE_KEY = 'tiksavr-theme';
