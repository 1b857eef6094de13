-- A pledge confirmed met after every delivery report that could carry it was handed in is marked, so that it is
-- shown to officers, the organisation and the supplier instead of waiting for a report that will never come.
ALTER TABLE "need_pledges" ADD COLUMN "too_late_at" timestamp with time zone;