-- How the worker fetches media (curl from some size up, or node:http only and why), shown to
-- admins on /admin/workers: a worker without curl downloads large files several times slower.

-- AlterTable
ALTER TABLE "WorkerHeartbeat" ADD COLUMN "transfer" TEXT NOT NULL DEFAULT '';
