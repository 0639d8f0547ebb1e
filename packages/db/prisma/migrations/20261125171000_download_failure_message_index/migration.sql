-- The admin monitor searches failure messages ("error text"); with a trigram index that search is a
-- bitmap lookup instead of a scan of every failed row (measured in bench/cases/admin-queries.bench.ts).

-- CreateIndex
CREATE INDEX "Download_failureMessage_idx" ON "Download" USING GIN ("failureMessage" gin_trgm_ops);
