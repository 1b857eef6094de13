-- The areas the postcode data knows, from the geography data (leicestershire-lads.csv): the county council's seven
-- districts count as local, Leicester (a unitary authority outside the county council's area) does not until an
-- administrator says so.
INSERT INTO local_areas (code, name, council_name, is_local, position) VALUES
  ('E07000129', 'Blaby', 'Blaby District Council', true, 1),
  ('E07000130', 'Charnwood', 'Charnwood Borough Council', true, 2),
  ('E07000131', 'Harborough', 'Harborough District Council', true, 3),
  ('E07000132', 'Hinckley and Bosworth', 'Hinckley and Bosworth Borough Council', true, 4),
  ('E07000133', 'Melton', 'Melton Borough Council', true, 5),
  ('E07000134', 'North West Leicestershire', 'North West Leicestershire District Council', true, 6),
  ('E07000135', 'Oadby and Wigston', 'Oadby and Wigston Borough Council', true, 7),
  ('E06000016', 'Leicester', 'Leicester City Council', false, 8)
ON CONFLICT (code) DO NOTHING;
--> statement-breakpoint
SELECT sv_audit_table('local_areas');
