ALTER TABLE "tenders" ADD COLUMN "closed_early_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tenders" ADD COLUMN "closed_early_by" uuid;--> statement-breakpoint
ALTER TABLE "tenders" ADD COLUMN "closed_early_reason" text;--> statement-breakpoint
ALTER TABLE "tenders" ADD CONSTRAINT "tenders_closed_early_by_users_id_fk" FOREIGN KEY ("closed_early_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;