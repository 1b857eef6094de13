CREATE INDEX "contract_commitments_measure_idx" ON "contract_commitments" USING btree ("measure_id");--> statement-breakpoint
CREATE INDEX "contracts_published_idx" ON "contracts" USING btree ("number") WHERE "contracts"."published_at" is not null;--> statement-breakpoint
CREATE INDEX "delivery_reports_period_idx" ON "delivery_reports" USING btree ("period_start");--> statement-breakpoint
CREATE INDEX "report_lines_measure_idx" ON "report_lines" USING btree ("measure_id","status");