-- The admin monitor counts and times Downloads by when they finished (throughput per minute and
-- hour, wait/run percentiles, stories captured before their deadline): without this index those
-- queries read the whole history.

-- CreateIndex
CREATE INDEX "Download_state_finishedAt_idx" ON "Download"("state", "finishedAt");
