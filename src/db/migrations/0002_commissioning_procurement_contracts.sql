CREATE TABLE "app_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"requirement_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"target_hundredths" bigint,
	"reason" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "engagement_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"requirement_id" uuid NOT NULL,
	"who" text NOT NULL,
	"engaged_on" date NOT NULL,
	"method" text NOT NULL,
	"learned" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hia_screenings" (
	"requirement_id" uuid PRIMARY KEY NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"result" text,
	"notes" text DEFAULT '' NOT NULL,
	"completed_by" uuid,
	"completed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opportunity_assessments" (
	"requirement_id" uuid PRIMARY KEY NOT NULL,
	"framework_version_id" uuid,
	"shaping" text,
	"outcome_codes" text[],
	"targets_notes" text,
	"supplier_cost" text,
	"completed_tasks" text[] DEFAULT '{}'::text[] NOT NULL,
	"completed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "requirements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" serial NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"directorate" text NOT NULL,
	"cpv_code" text NOT NULL,
	"category_label" text NOT NULL,
	"estimated_value_pence" bigint NOT NULL,
	"value_includes_vat" boolean DEFAULT false NOT NULL,
	"expected_start" date NOT NULL,
	"duration_months" integer NOT NULL,
	"districts" text[] DEFAULT '{}'::text[] NOT NULL,
	"owner_id" uuid NOT NULL,
	"stage" text DEFAULT 'pipeline' NOT NULL,
	"applicability" text NOT NULL,
	"applicability_explanation" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "requirements_value_positive" CHECK ("requirements"."estimated_value_pence" > 0),
	CONSTRAINT "requirements_duration_positive" CHECK ("requirements"."duration_months" > 0)
);
--> statement-breakpoint
CREATE TABLE "bid_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bid_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"answer" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bid_commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bid_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"quantity_hundredths" bigint NOT NULL,
	"profile" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"districts" text[] DEFAULT '{}'::text[] NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	CONSTRAINT "bid_commitments_quantity" CHECK ("bid_commitments"."quantity_hundredths" >= 0)
);
--> statement-breakpoint
CREATE TABLE "bids" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tender_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"price_pence" bigint,
	"consortium_members" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"price_score_bps" integer,
	"quality_score_bps" integer,
	"revision" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bids_price_positive" CHECK ("bids"."price_pence" is null or "bids"."price_pence" >= 0)
);
--> statement-breakpoint
CREATE TABLE "evaluator_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bid_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"evaluator_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "moderated_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bid_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"reason" text NOT NULL,
	"moderated_by" uuid NOT NULL,
	"moderated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tender_evaluators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tender_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"declared_at" timestamp with time zone,
	"has_conflict" boolean,
	"conflict_details" text
);
--> statement-breakpoint
CREATE TABLE "tender_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tender_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"minimum_hundredths" bigint
);
--> statement-breakpoint
CREATE TABLE "tender_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tender_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"guidance" text DEFAULT '' NOT NULL,
	"weight_bps" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tender_suppliers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tender_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" serial NOT NULL,
	"requirement_id" uuid NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"sv_weight_bps" integer DEFAULT 1000 NOT NULL,
	"low_weight_reason" text,
	"quantitative_share_bps" integer DEFAULT 5000 NOT NULL,
	"quantitative_method" text DEFAULT 'highest_offer' NOT NULL,
	"scale" jsonb NOT NULL,
	"closing_at" timestamp with time zone,
	"framework_version_id" uuid NOT NULL,
	"risk_share_bps" integer DEFAULT 2000 NOT NULL,
	"published_at" timestamp with time zone,
	"moderation_locked_at" timestamp with time zone,
	"moderation_locked_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenders_sv_weight_range" CHECK ("tenders"."sv_weight_bps" between 0 and 10000),
	CONSTRAINT "tenders_quant_share_range" CHECK ("tenders"."quantitative_share_bps" between 0 and 10000)
);
--> statement-breakpoint
CREATE TABLE "commitment_variations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commitment_id" uuid NOT NULL,
	"proposed_measure_id" uuid NOT NULL,
	"proposed_quantity_hundredths" bigint NOT NULL,
	"proposed_profile" jsonb NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text
);
--> statement-breakpoint
CREATE TABLE "contract_commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"quantity_hundredths" bigint NOT NULL,
	"profile" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"districts" text[] DEFAULT '{}'::text[] NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"original_measure_id" uuid NOT NULL,
	"original_quantity_hundredths" bigint NOT NULL,
	"original_profile" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contract_commitments_quantity" CHECK ("contract_commitments"."quantity_hundredths" >= 0)
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" serial NOT NULL,
	"reference" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"directorate" text DEFAULT '' NOT NULL,
	"supplier_id" uuid NOT NULL,
	"value_pence" bigint NOT NULL,
	"value_includes_vat" boolean DEFAULT false NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"contract_manager_id" uuid,
	"applicability" text NOT NULL,
	"source" text NOT NULL,
	"tender_id" uuid,
	"bid_id" uuid,
	"framework_version_id" uuid,
	"reporting_frequency" text DEFAULT 'quarterly' NOT NULL,
	"rating_override" text,
	"rating_override_reason" text,
	"rating_override_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contracts_dates" CHECK ("contracts"."end_date" >= "contracts"."start_date")
);
--> statement-breakpoint
CREATE TABLE "delivery_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_chunks" (
	"file_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"line_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"header_signature" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"name" text PRIMARY KEY NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	"last_run_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "line_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"line_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "remediation_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"commitment_id" uuid,
	"action" text NOT NULL,
	"owner" text NOT NULL,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"closure_note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"commitment_id" uuid,
	"measure_id" uuid NOT NULL,
	"quantity_hundredths" bigint NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"districts" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "report_lines_quantity" CHECK ("report_lines"."quantity_hundredths" >= 0)
);
--> statement-breakpoint
CREATE TABLE "sent_notifications" (
	"key" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "app_settings" ADD CONSTRAINT "app_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_measures" ADD CONSTRAINT "assessment_measures_requirement_id_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_measures" ADD CONSTRAINT "assessment_measures_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_entries" ADD CONSTRAINT "engagement_entries_requirement_id_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_entries" ADD CONSTRAINT "engagement_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hia_screenings" ADD CONSTRAINT "hia_screenings_requirement_id_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hia_screenings" ADD CONSTRAINT "hia_screenings_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_assessments" ADD CONSTRAINT "opportunity_assessments_requirement_id_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_assessments" ADD CONSTRAINT "opportunity_assessments_framework_version_id_framework_versions_id_fk" FOREIGN KEY ("framework_version_id") REFERENCES "public"."framework_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirements" ADD CONSTRAINT "requirements_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirements" ADD CONSTRAINT "requirements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_answers" ADD CONSTRAINT "bid_answers_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_answers" ADD CONSTRAINT "bid_answers_question_id_tender_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."tender_questions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_commitments" ADD CONSTRAINT "bid_commitments_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_commitments" ADD CONSTRAINT "bid_commitments_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluator_scores" ADD CONSTRAINT "evaluator_scores_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluator_scores" ADD CONSTRAINT "evaluator_scores_question_id_tender_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."tender_questions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluator_scores" ADD CONSTRAINT "evaluator_scores_evaluator_id_users_id_fk" FOREIGN KEY ("evaluator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderated_scores" ADD CONSTRAINT "moderated_scores_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderated_scores" ADD CONSTRAINT "moderated_scores_question_id_tender_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."tender_questions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderated_scores" ADD CONSTRAINT "moderated_scores_moderated_by_users_id_fk" FOREIGN KEY ("moderated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_evaluators" ADD CONSTRAINT "tender_evaluators_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_evaluators" ADD CONSTRAINT "tender_evaluators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_measures" ADD CONSTRAINT "tender_measures_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_measures" ADD CONSTRAINT "tender_measures_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_questions" ADD CONSTRAINT "tender_questions_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_suppliers" ADD CONSTRAINT "tender_suppliers_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_suppliers" ADD CONSTRAINT "tender_suppliers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenders" ADD CONSTRAINT "tenders_requirement_id_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."requirements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenders" ADD CONSTRAINT "tenders_framework_version_id_framework_versions_id_fk" FOREIGN KEY ("framework_version_id") REFERENCES "public"."framework_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenders" ADD CONSTRAINT "tenders_moderation_locked_by_users_id_fk" FOREIGN KEY ("moderation_locked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenders" ADD CONSTRAINT "tenders_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_variations" ADD CONSTRAINT "commitment_variations_commitment_id_contract_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."contract_commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_variations" ADD CONSTRAINT "commitment_variations_proposed_measure_id_measures_id_fk" FOREIGN KEY ("proposed_measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_variations" ADD CONSTRAINT "commitment_variations_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_variations" ADD CONSTRAINT "commitment_variations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_commitments" ADD CONSTRAINT "contract_commitments_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_commitments" ADD CONSTRAINT "contract_commitments_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_commitments" ADD CONSTRAINT "contract_commitments_original_measure_id_measures_id_fk" FOREIGN KEY ("original_measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_supplier_id_organisations_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_contract_manager_id_users_id_fk" FOREIGN KEY ("contract_manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_framework_version_id_framework_versions_id_fk" FOREIGN KEY ("framework_version_id") REFERENCES "public"."framework_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_rating_override_by_users_id_fk" FOREIGN KEY ("rating_override_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_reports" ADD CONSTRAINT "delivery_reports_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_reports" ADD CONSTRAINT "delivery_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_chunks" ADD CONSTRAINT "evidence_chunks_file_id_evidence_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."evidence_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_line_id_report_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."report_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "line_messages" ADD CONSTRAINT "line_messages_line_id_report_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."report_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "line_messages" ADD CONSTRAINT "line_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remediation_actions" ADD CONSTRAINT "remediation_actions_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remediation_actions" ADD CONSTRAINT "remediation_actions_commitment_id_contract_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."contract_commitments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remediation_actions" ADD CONSTRAINT "remediation_actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_lines" ADD CONSTRAINT "report_lines_report_id_delivery_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."delivery_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_lines" ADD CONSTRAINT "report_lines_commitment_id_contract_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."contract_commitments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_lines" ADD CONSTRAINT "report_lines_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_lines" ADD CONSTRAINT "report_lines_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_measures_key" ON "assessment_measures" USING btree ("requirement_id","measure_id");--> statement-breakpoint
CREATE INDEX "engagement_entries_requirement_idx" ON "engagement_entries" USING btree ("requirement_id","engaged_on");--> statement-breakpoint
CREATE UNIQUE INDEX "requirements_number_key" ON "requirements" USING btree ("number");--> statement-breakpoint
CREATE INDEX "requirements_stage_idx" ON "requirements" USING btree ("stage","expected_start");--> statement-breakpoint
CREATE UNIQUE INDEX "bid_answers_key" ON "bid_answers" USING btree ("bid_id","question_id");--> statement-breakpoint
CREATE UNIQUE INDEX "bid_commitments_key" ON "bid_commitments" USING btree ("bid_id","measure_id");--> statement-breakpoint
CREATE UNIQUE INDEX "bids_tender_organisation_key" ON "bids" USING btree ("tender_id","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluator_scores_key" ON "evaluator_scores" USING btree ("bid_id","question_id","evaluator_id");--> statement-breakpoint
CREATE INDEX "evaluator_scores_bid_idx" ON "evaluator_scores" USING btree ("bid_id");--> statement-breakpoint
CREATE UNIQUE INDEX "moderated_scores_key" ON "moderated_scores" USING btree ("bid_id","question_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tender_evaluators_key" ON "tender_evaluators" USING btree ("tender_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tender_measures_key" ON "tender_measures" USING btree ("tender_id","measure_id");--> statement-breakpoint
CREATE INDEX "tender_questions_tender_idx" ON "tender_questions" USING btree ("tender_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "tender_suppliers_key" ON "tender_suppliers" USING btree ("tender_id","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tenders_number_key" ON "tenders" USING btree ("number");--> statement-breakpoint
CREATE INDEX "tenders_requirement_idx" ON "tenders" USING btree ("requirement_id");--> statement-breakpoint
CREATE INDEX "commitment_variations_commitment_idx" ON "commitment_variations" USING btree ("commitment_id");--> statement-breakpoint
CREATE INDEX "contract_commitments_contract_idx" ON "contract_commitments" USING btree ("contract_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_number_key" ON "contracts" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_reference_key" ON "contracts" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "contracts_supplier_idx" ON "contracts" USING btree ("supplier_id");--> statement-breakpoint
CREATE INDEX "contracts_manager_idx" ON "contracts" USING btree ("contract_manager_id");--> statement-breakpoint
CREATE UNIQUE INDEX "delivery_reports_period_key" ON "delivery_reports" USING btree ("contract_id","period_start");--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_chunks_key" ON "evidence_chunks" USING btree ("file_id","seq");--> statement-breakpoint
CREATE INDEX "evidence_files_line_idx" ON "evidence_files" USING btree ("line_id");--> statement-breakpoint
CREATE UNIQUE INDEX "import_mappings_key" ON "import_mappings" USING btree ("kind","header_signature");--> statement-breakpoint
CREATE INDEX "line_messages_line_idx" ON "line_messages" USING btree ("line_id","created_at");--> statement-breakpoint
CREATE INDEX "remediation_actions_contract_idx" ON "remediation_actions" USING btree ("contract_id","status");--> statement-breakpoint
CREATE INDEX "report_lines_report_idx" ON "report_lines" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "report_lines_commitment_idx" ON "report_lines" USING btree ("commitment_id","status");