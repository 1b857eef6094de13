CREATE TABLE "sv_compliance_totals" (
	"directorate" text NOT NULL,
	"quarter" date NOT NULL,
	"requirements" integer DEFAULT 0 NOT NULL,
	"with_criteria" integer DEFAULT 0 NOT NULL,
	"weight_sum_bps" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "sv_compliance_totals_pkey" PRIMARY KEY("directorate","quarter")
);
--> statement-breakpoint
CREATE TABLE "sv_requirement_compliance" (
	"requirement_id" uuid PRIMARY KEY NOT NULL,
	"tender_id" uuid NOT NULL,
	"directorate" text NOT NULL,
	"quarter" date NOT NULL,
	"with_criteria" boolean NOT NULL,
	"weight_bps" integer NOT NULL,
	"reason" text
);
--> statement-breakpoint
ALTER TABLE "sv_requirement_compliance" ADD CONSTRAINT "sv_requirement_compliance_requirement_id_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sv_requirement_compliance_without_idx" ON "sv_requirement_compliance" USING btree ("quarter") WHERE not "sv_requirement_compliance"."with_criteria";