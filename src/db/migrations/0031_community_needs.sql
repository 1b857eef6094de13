CREATE TABLE "community_needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" serial NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"need_type" text NOT NULL,
	"description" text NOT NULL,
	"district" text NOT NULL,
	"postcode" text,
	"outcome_code" text NOT NULL,
	"needed_by" date NOT NULL,
	"how_used" text NOT NULL,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_email" text DEFAULT '' NOT NULL,
	"contact_phone" text DEFAULT '' NOT NULL,
	"publish_contact" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "need_pledges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"need_id" uuid NOT NULL,
	"supplier_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"commitment_id" uuid,
	"measure_id" uuid NOT NULL,
	"quantity_hundredths" bigint NOT NULL,
	"offer" text NOT NULL,
	"status" text DEFAULT 'pledged' NOT NULL,
	"pledged_by" uuid NOT NULL,
	"met_quantity_hundredths" bigint,
	"met_description" text,
	"met_on" date,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"report_line_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "need_pledges_quantity" CHECK ("need_pledges"."quantity_hundredths" > 0),
	CONSTRAINT "need_pledges_met" CHECK ("need_pledges"."status" <> 'met' or ("need_pledges"."met_quantity_hundredths" is not null and "need_pledges"."met_on" is not null))
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "community_type" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "approval_status" text DEFAULT 'approved' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "approval_decided_by" uuid;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "approval_decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "approval_reason" text;--> statement-breakpoint
ALTER TABLE "community_needs" ADD CONSTRAINT "community_needs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_needs" ADD CONSTRAINT "community_needs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_pledges" ADD CONSTRAINT "need_pledges_need_id_community_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."community_needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_pledges" ADD CONSTRAINT "need_pledges_supplier_id_organisations_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_pledges" ADD CONSTRAINT "need_pledges_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_pledges" ADD CONSTRAINT "need_pledges_commitment_id_contract_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."contract_commitments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_pledges" ADD CONSTRAINT "need_pledges_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_pledges" ADD CONSTRAINT "need_pledges_pledged_by_users_id_fk" FOREIGN KEY ("pledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_pledges" ADD CONSTRAINT "need_pledges_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_pledges" ADD CONSTRAINT "need_pledges_report_line_id_report_lines_id_fk" FOREIGN KEY ("report_line_id") REFERENCES "public"."report_lines"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "community_needs_number_key" ON "community_needs" USING btree ("number");--> statement-breakpoint
CREATE INDEX "community_needs_organisation_idx" ON "community_needs" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "community_needs_open_idx" ON "community_needs" USING btree ("needed_by") WHERE "community_needs"."status" = 'open';--> statement-breakpoint
CREATE INDEX "need_pledges_need_idx" ON "need_pledges" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "need_pledges_supplier_idx" ON "need_pledges" USING btree ("supplier_id","status");--> statement-breakpoint
CREATE INDEX "need_pledges_unreported_idx" ON "need_pledges" USING btree ("contract_id","met_on") WHERE "need_pledges"."status" = 'met' and "need_pledges"."report_line_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "need_pledges_report_line_key" ON "need_pledges" USING btree ("report_line_id");--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_approval_decided_by_users_id_fk" FOREIGN KEY ("approval_decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;