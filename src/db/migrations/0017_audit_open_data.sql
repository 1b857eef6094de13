-- API tokens and the contracts that came from OCDS awards are audited row by row, like every other table.
-- ocds_imports is operational (like contract_imports): its upload and import are recorded as audit events.
SELECT sv_audit_table('api_tokens');--> statement-breakpoint
SELECT sv_audit_table('contract_awards');
