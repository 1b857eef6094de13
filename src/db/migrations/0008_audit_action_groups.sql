ALTER TABLE "audit_events" ADD COLUMN "action_id" bigint;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "transaction_id" bigint;--> statement-breakpoint
CREATE INDEX "audit_events_action_idx" ON "audit_events" USING btree ("action_id");--> statement-breakpoint
CREATE INDEX "audit_events_action_first_idx" ON "audit_events" USING btree ("id") WHERE action_id = id;--> statement-breakpoint
CREATE INDEX "audit_events_transaction_idx" ON "audit_events" USING btree ("transaction_id","action");