// The one public entry of @tiksavr/core. Internal files import each other by path.
export * from './errors.ts';
export * from './jobs.ts';
