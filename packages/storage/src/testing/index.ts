// Test and bench helpers of @tiksavr/storage (`@tiksavr/storage/testing`); never imported by the apps.
export * from './s3-test-server.ts';
