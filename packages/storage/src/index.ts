// The one public entry of @tiksavr/storage. Internal files import each other by path.
export * from './create-storage.ts';
export * from './local-storage.ts';
export * from './s3-storage.ts';
export * from './storage.ts';
export * from './storage-config.ts';
export * from './storage-key.ts';
