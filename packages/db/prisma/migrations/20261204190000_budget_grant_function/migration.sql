-- One look at the politeness budget toward TikTok (docs/decisions.md 25) in one statement, so a
-- grant costs about one round trip instead of about ten (an insert per request, then a Prisma
-- transaction of four to eight statements per look). Called by
-- apps/worker/src/upstream-budget/grant-slot.ts, which documents the arguments; the slot
-- arithmetic mirrors slot-schedule.ts (the status page and pushbacks use that one), and
-- grant-slot.test.ts checks that the two agree.
--
-- In order, holding the budget row's lock (FOR UPDATE) until the statement ends:
--   1. read the clock after the lock: the database's, in whole milliseconds (a test may pass its own);
--   2. write the caller's waiter rows (new ones get createdAt = now; existing ones a heartbeat),
--      and remove rows of processes gone for good when asked;
--   3. compute the slowdown in force, the interval and the next slot;
--   4. if the first live waiter (fresh heartbeat; lowest priority, then createdAt, then id) is one
--      of the caller's and its slot has come: record the slot, delete the row, count the minute.
--      The caller looks for its own slot a little early (p_lead_ms, at most a tenth of the
--      interval); a slot that close is waited for here, still holding the lock, so the grant
--      lands on the slot rather than a timer's lateness after it (+2 ms: a timer that fires a
--      hair early, the clock's whole milliseconds). Never with a test clock.
-- Returns the granted id (or NULL), the clock when rows were written (their createdAt, for new
-- ones) and when the look decided, the next slot (after this grant, if any), the interval, who
-- goes next now ('ours', 'theirs' or 'nobody'), and whether another process has a live waiter at
-- all (if not, the caller may leave a newcomer's row to its next look).
CREATE FUNCTION upstream_budget_look(
    p_holder TEXT,
    p_ours UUID[],
    p_write_ids UUID[],
    p_write_priorities BIGINT[],
    p_write_purposes TEXT[],
    p_write_created_ms DOUBLE PRECISION[],
    p_sweep_dead_ms DOUBLE PRECISION,
    p_stale_ms DOUBLE PRECISION,
    p_requests_per_minute DOUBLE PRECISION,
    p_recovery_ms DOUBLE PRECISION,
    p_lead_ms DOUBLE PRECISION,
    p_now_ms DOUBLE PRECISION
) RETURNS TABLE (
    granted_id UUID,
    written_ms DOUBLE PRECISION,
    now_ms DOUBLE PRECISION,
    next_slot_ms DOUBLE PRECISION,
    interval_ms DOUBLE PRECISION,
    next_waiter TEXT,
    others_waiting BOOLEAN
) LANGUAGE plpgsql VOLATILE AS $fn$
DECLARE
    v_budget "UpstreamBudget"%ROWTYPE;
    v_now TIMESTAMP(3);
    v_now_ms DOUBLE PRECISION;
    v_slowdown DOUBLE PRECISION := 1;
    v_interval DOUBLE PRECISION;
    v_next_slot DOUBLE PRECISION;
    v_next UUID;
    v_hold DOUBLE PRECISION;
    v_nap INTEGER;
BEGIN
    SELECT * INTO v_budget FROM "UpstreamBudget" WHERE id = 1 FOR UPDATE;
    IF NOT FOUND THEN
        -- The epoch as the last slot: the very first request may start at once.
        INSERT INTO "UpstreamBudget" (id, "lastSlotAt", slowdown, "updatedAt")
        VALUES (1, TIMESTAMP 'epoch', 1, now() AT TIME ZONE 'UTC') ON CONFLICT (id) DO NOTHING;
        SELECT * INTO v_budget FROM "UpstreamBudget" WHERE id = 1 FOR UPDATE;
    END IF;

    v_now := date_trunc('milliseconds', COALESCE(
        TIMESTAMP 'epoch' + p_now_ms * INTERVAL '1 millisecond',
        clock_timestamp() AT TIME ZONE 'UTC'));
    v_now_ms := (extract(epoch FROM v_now) * 1000)::DOUBLE PRECISION;
    written_ms := v_now_ms;

    IF cardinality(p_write_ids) > 0 THEN
        INSERT INTO "UpstreamBudgetWaiter" (id, priority, holder, purpose, "createdAt", "heartbeatAt")
        SELECT w.id, w.priority, p_holder, w.purpose,
               COALESCE(TIMESTAMP 'epoch' + w.created_ms * INTERVAL '1 millisecond', v_now), v_now
          FROM unnest(p_write_ids, p_write_priorities, p_write_purposes, p_write_created_ms)
               AS w(id, priority, purpose, created_ms)
        ON CONFLICT (id) DO UPDATE SET "heartbeatAt" = EXCLUDED."heartbeatAt";
    END IF;

    IF p_sweep_dead_ms IS NOT NULL THEN
        DELETE FROM "UpstreamBudgetWaiter"
         WHERE "heartbeatAt" < v_now - p_sweep_dead_ms * INTERVAL '1 millisecond';
    END IF;

    -- slot-schedule.ts: the stored slowdown halves per quiet stretch since the last pushback
    -- (the exponent is capped: 2^64 already brings any slowdown down to 1, and float8 overflows).
    IF v_budget."lastPushbackAt" IS NOT NULL AND v_budget.slowdown > 1 THEN
        v_slowdown := greatest(1, v_budget.slowdown / 2 ^ least(64, greatest(0, floor(
            (v_now_ms - (extract(epoch FROM v_budget."lastPushbackAt") * 1000)::DOUBLE PRECISION)
            / p_recovery_ms))));
    END IF;
    v_interval := 60000 / p_requests_per_minute * v_slowdown;
    -- greatest() skips a NULL pausedUntil.
    v_next_slot := greatest(
        (extract(epoch FROM v_budget."lastSlotAt") * 1000)::DOUBLE PRECISION + v_interval,
        (extract(epoch FROM v_budget."pausedUntil") * 1000)::DOUBLE PRECISION);

    SELECT w.id INTO v_next FROM "UpstreamBudgetWaiter" w
     WHERE w."heartbeatAt" >= v_now - p_stale_ms * INTERVAL '1 millisecond'
     ORDER BY w.priority, w."createdAt", w.id LIMIT 1;

    -- Ours goes next and its slot is moments away: wait for it here (never with a test clock).
    -- Bounded: at most the hold, in at most three naps.
    IF p_now_ms IS NULL AND v_next IS NOT NULL AND v_next = ANY (p_ours) THEN
        v_hold := least(p_lead_ms, v_interval / 10) + 2;
        FOR v_nap IN 1..3 LOOP
            EXIT WHEN v_now_ms >= v_next_slot OR v_next_slot - v_now_ms > v_hold;
            PERFORM pg_sleep((ceil(v_next_slot) - (extract(epoch FROM clock_timestamp()) * 1000)::DOUBLE PRECISION) / 1000);
            v_now := date_trunc('milliseconds', clock_timestamp() AT TIME ZONE 'UTC');
            v_now_ms := (extract(epoch FROM v_now) * 1000)::DOUBLE PRECISION;
        END LOOP;
    END IF;

    IF v_next IS NOT NULL AND v_next = ANY (p_ours) AND v_now_ms >= v_next_slot THEN
        UPDATE "UpstreamBudget" SET "lastSlotAt" = v_now, "updatedAt" = v_now WHERE id = 1;
        DELETE FROM "UpstreamBudgetWaiter" WHERE id = v_next;
        INSERT INTO "UpstreamMinute" (minute, granted) VALUES (date_trunc('minute', v_now), 1)
        ON CONFLICT (minute) DO UPDATE SET granted = "UpstreamMinute".granted + 1;
        granted_id := v_next;
        next_slot_ms := v_now_ms + v_interval;
        -- Who goes after it, so the caller knows whether it must look before that slot.
        SELECT w.id INTO v_next FROM "UpstreamBudgetWaiter" w
         WHERE w."heartbeatAt" >= v_now - p_stale_ms * INTERVAL '1 millisecond'
         ORDER BY w.priority, w."createdAt", w.id LIMIT 1;
    ELSE
        granted_id := NULL;
        next_slot_ms := v_next_slot;
    END IF;

    now_ms := v_now_ms;
    interval_ms := v_interval;
    next_waiter := CASE WHEN v_next IS NULL THEN 'nobody' WHEN v_next = ANY (p_ours) THEN 'ours' ELSE 'theirs' END;
    others_waiting := next_waiter = 'theirs' OR EXISTS (
        SELECT 1 FROM "UpstreamBudgetWaiter" w
         WHERE w.holder <> p_holder AND w."heartbeatAt" >= v_now - p_stale_ms * INTERVAL '1 millisecond');
    RETURN NEXT;
END
$fn$;
