CREATE TABLE "sv_commitment_figures" (
	"commitment_id" uuid PRIMARY KEY NOT NULL,
	"contract_id" uuid NOT NULL,
	"promised_hundredths" bigint NOT NULL,
	"promised_pence" bigint,
	"committed_hundredths" bigint NOT NULL,
	"committed_pence" bigint,
	"verified_hundredths" bigint DEFAULT 0 NOT NULL,
	"verified_pence" bigint DEFAULT 0 NOT NULL,
	"verified_lines" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sv_contract_figures" (
	"contract_id" uuid PRIMARY KEY NOT NULL,
	"promised_pence" bigint DEFAULT 0 NOT NULL,
	"committed_pence" bigint DEFAULT 0 NOT NULL,
	"verified_pence" bigint DEFAULT 0 NOT NULL,
	"additional_pence" bigint DEFAULT 0 NOT NULL,
	"verified_lines" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sv_contract_quarters" (
	"contract_id" uuid NOT NULL,
	"quarter" date NOT NULL,
	"due_pence" bigint DEFAULT 0 NOT NULL,
	"verified_pence" bigint DEFAULT 0 NOT NULL,
	"shortfall_pence" bigint GENERATED ALWAYS AS (due_pence - verified_pence) STORED,
	CONSTRAINT "sv_contract_quarters_pkey" PRIMARY KEY("contract_id","quarter")
);
--> statement-breakpoint
CREATE TABLE "sv_contract_totals" (
	"scope" text NOT NULL,
	"directorate" text NOT NULL,
	"start_quarter" date NOT NULL,
	"contracts" integer DEFAULT 0 NOT NULL,
	"in_scope_contracts" integer DEFAULT 0 NOT NULL,
	"value_pence" bigint DEFAULT 0 NOT NULL,
	"size_known_value_pence" bigint DEFAULT 0 NOT NULL,
	"sme_value_pence" bigint DEFAULT 0 NOT NULL,
	"vcse_value_pence" bigint DEFAULT 0 NOT NULL,
	"local_value_pence" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "sv_contract_totals_pkey" PRIMARY KEY("scope","directorate","start_quarter")
);
--> statement-breakpoint
CREATE TABLE "sv_figures" (
	"quarter" date NOT NULL,
	"measure_id" uuid NOT NULL,
	"district" text NOT NULL,
	"directorate" text NOT NULL,
	"sme" text NOT NULL,
	"vcse" boolean NOT NULL,
	"local" boolean NOT NULL,
	"published" boolean NOT NULL,
	"promised_hundredths" bigint DEFAULT 0 NOT NULL,
	"promised_pence" bigint DEFAULT 0 NOT NULL,
	"committed_hundredths" bigint DEFAULT 0 NOT NULL,
	"committed_pence" bigint DEFAULT 0 NOT NULL,
	"verified_hundredths" bigint DEFAULT 0 NOT NULL,
	"verified_pence" bigint DEFAULT 0 NOT NULL,
	"additional_hundredths" bigint DEFAULT 0 NOT NULL,
	"additional_pence" bigint DEFAULT 0 NOT NULL,
	"verified_lines" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "sv_figures_pkey" PRIMARY KEY("district","quarter","measure_id","directorate","sme","vcse","local","published")
);
--> statement-breakpoint
CREATE TABLE "sv_rollup" (
	"scope" text NOT NULL,
	"directorate" text NOT NULL,
	"subject" text NOT NULL,
	"district" text NOT NULL,
	"quarter" date NOT NULL,
	"promised_hundredths" bigint DEFAULT 0 NOT NULL,
	"promised_pence" bigint DEFAULT 0 NOT NULL,
	"committed_hundredths" bigint DEFAULT 0 NOT NULL,
	"committed_pence" bigint DEFAULT 0 NOT NULL,
	"verified_hundredths" bigint DEFAULT 0 NOT NULL,
	"verified_pence" bigint DEFAULT 0 NOT NULL,
	"additional_hundredths" bigint DEFAULT 0 NOT NULL,
	"additional_pence" bigint DEFAULT 0 NOT NULL,
	"verified_lines" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "sv_rollup_pkey" PRIMARY KEY("scope","directorate","subject","district","quarter")
);
--> statement-breakpoint
ALTER TABLE "sv_commitment_figures" ADD CONSTRAINT "sv_commitment_figures_commitment_id_contract_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."contract_commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sv_contract_figures" ADD CONSTRAINT "sv_contract_figures_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sv_contract_quarters" ADD CONSTRAINT "sv_contract_quarters_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sv_commitment_figures_contract_idx" ON "sv_commitment_figures" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "sv_contract_quarters_behind_idx" ON "sv_contract_quarters" USING btree ("quarter","shortfall_pence" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "sv_rollup_by_directorate_idx" ON "sv_rollup" USING btree ("scope","subject","district","directorate","quarter");