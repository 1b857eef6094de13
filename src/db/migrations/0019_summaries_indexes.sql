DROP INDEX "sv_contract_quarters_behind_idx";--> statement-breakpoint
CREATE INDEX "sv_rollup_by_subject_idx" ON "sv_rollup" USING btree ("scope","directorate","district","subject","quarter");--> statement-breakpoint
CREATE INDEX "sv_contract_quarters_behind_idx" ON "sv_contract_quarters" USING btree ("quarter","shortfall_pence" DESC NULLS LAST,"contract_id");