-- Case studies, the commitments they draw their figures from, their images' details and their quotes are audited row
-- by row. An image's bytes (case_study_image_content), like evidence chunks, are not copied into the trail.
SELECT sv_audit_table(t::regclass) FROM unnest(ARRAY['case_studies', 'case_study_commitments', 'case_study_images', 'case_study_quotes']) AS t;
