-- Watching creators (Creator, Watch, WatchCapture), where a Download came from (origin, watchId),
-- and the politeness budget toward TikTok shared by every worker process (UpstreamBudget*).

-- CreateEnum
CREATE TYPE "DownloadOrigin" AS ENUM ('paste', 'watch', 'api');

-- AlterTable
ALTER TABLE "Download" ADD COLUMN "origin" "DownloadOrigin" NOT NULL DEFAULT 'paste',
ADD COLUMN "watchId" UUID;

-- CreateTable
CREATE TABLE "Creator" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tiktokId" TEXT,
    "secUid" TEXT,
    "handle" TEXT NOT NULL,
    "handleKey" TEXT NOT NULL,
    "nickname" TEXT,
    "avatarKey" TEXT,
    "privateAccount" BOOLEAN NOT NULL DEFAULT false,
    "problemCode" TEXT,
    "problemAt" TIMESTAMP(3),
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "lastCheckedAt" TIMESTAMP(3),
    "nextCheckAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "checkingSince" TIMESTAMP(3),
    "lastProfileAt" TIMESTAMP(3),
    "postsSeenUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Creator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Watch" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" TEXT NOT NULL,
    "creatorId" UUID NOT NULL,
    "stories" BOOLEAN NOT NULL DEFAULT true,
    "posts" BOOLEAN NOT NULL DEFAULT false,
    "pausedAt" TIMESTAMP(3),
    "intervalSeconds" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Watch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WatchCapture" (
    "watchId" UUID NOT NULL,
    "itemId" TEXT NOT NULL,
    "downloadId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WatchCapture_pkey" PRIMARY KEY ("watchId","itemId")
);

-- CreateTable
CREATE TABLE "UpstreamBudget" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "lastSlotAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "slowdown" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "pausedUntil" TIMESTAMP(3),
    "lastPushbackAt" TIMESTAMP(3),
    "lastPushbackReason" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UpstreamBudget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UpstreamBudgetWaiter" (
    "id" UUID NOT NULL,
    "priority" BIGINT NOT NULL,
    "holder" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UpstreamBudgetWaiter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UpstreamMinute" (
    "minute" TIMESTAMP(3) NOT NULL,
    "granted" INTEGER NOT NULL DEFAULT 0,
    "pushbacks" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "UpstreamMinute_pkey" PRIMARY KEY ("minute")
);

-- CreateIndex
CREATE INDEX "Download_watchId_idx" ON "Download"("watchId");

-- CreateIndex
CREATE UNIQUE INDEX "Creator_tiktokId_key" ON "Creator"("tiktokId");

-- CreateIndex
CREATE INDEX "Creator_handleKey_idx" ON "Creator"("handleKey");

-- CreateIndex
CREATE INDEX "Creator_nextCheckAt_idx" ON "Creator"("nextCheckAt");

-- CreateIndex
CREATE INDEX "Watch_creatorId_idx" ON "Watch"("creatorId");

-- CreateIndex
CREATE UNIQUE INDEX "Watch_userId_creatorId_key" ON "Watch"("userId", "creatorId");

-- CreateIndex
CREATE INDEX "WatchCapture_downloadId_idx" ON "WatchCapture"("downloadId");

-- CreateIndex
CREATE INDEX "UpstreamBudgetWaiter_priority_createdAt_idx" ON "UpstreamBudgetWaiter"("priority", "createdAt");

-- AddForeignKey
ALTER TABLE "Download" ADD CONSTRAINT "Download_watchId_fkey" FOREIGN KEY ("watchId") REFERENCES "Watch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Watch" ADD CONSTRAINT "Watch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Watch" ADD CONSTRAINT "Watch_creatorId_fkey" FOREIGN KEY ("creatorId") REFERENCES "Creator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WatchCapture" ADD CONSTRAINT "WatchCapture_watchId_fkey" FOREIGN KEY ("watchId") REFERENCES "Watch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WatchCapture" ADD CONSTRAINT "WatchCapture_downloadId_fkey" FOREIGN KEY ("downloadId") REFERENCES "Download"("id") ON DELETE SET NULL ON UPDATE CASCADE;
