-- Needs and pledges on the community needs board are audited row by row (organisations already are, so a
-- registration and its approval are too).
SELECT sv_audit_table(t::regclass) FROM unnest(ARRAY['community_needs', 'need_pledges']) AS t;
