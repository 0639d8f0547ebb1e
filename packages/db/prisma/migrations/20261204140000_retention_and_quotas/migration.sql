-- Retention and quotas: pinned downloads (kept by the auto-delete), per-person limits in place of
-- the instance defaults, and one StoredFile row per stored file, the row a new reference and a
-- deletion lock (crash-safe deletion with a pending marker, see packages/db/src/stored-files).

-- CreateEnum
CREATE TYPE "QuotaKind" AS ENUM ('bytes', 'items');

-- AlterTable
ALTER TABLE "Download" ADD COLUMN "pinnedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "UserQuota" (
    "userId" TEXT NOT NULL,
    "kind" "QuotaKind" NOT NULL,
    "maximum" BIGINT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UserQuota_pkey" PRIMARY KEY ("userId","kind")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "key" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletePendingAt" TIMESTAMP(3),

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "Asset_storageKey_idx" ON "Asset"("storageKey");

-- CreateIndex
CREATE INDEX "StoredFile_deletePendingAt_idx" ON "StoredFile"("deletePendingAt");

-- AddForeignKey
ALTER TABLE "UserQuota" ADD CONSTRAINT "UserQuota_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every file already in use gets its row (a creator's avatar size is not known: 0).
INSERT INTO "StoredFile" ("key", "size")
SELECT "storageKey", max("size") FROM "Asset" GROUP BY "storageKey"
ON CONFLICT ("key") DO NOTHING;
INSERT INTO "StoredFile" ("key", "size")
SELECT DISTINCT "avatarKey", 0 FROM "Creator" WHERE "avatarKey" IS NOT NULL
ON CONFLICT ("key") DO NOTHING;
