-- History filtered by state ("show my failed downloads") walks this index instead of reading every
-- row of the user's history to find the few in that state (bench/cases/web-history.bench.ts).

-- CreateIndex
CREATE INDEX "Download_userId_state_createdAt_id_idx" ON "Download"("userId", "state", "createdAt" DESC, "id" DESC);
