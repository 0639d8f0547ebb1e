// The one public entry of @tiksavr/storage. Internal files import each other by path.
export * from './local-storage.ts';
export * from './storage.ts';
export * from './storage-key.ts';
