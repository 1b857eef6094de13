CREATE TABLE "spend_figures" (
	"kind" text NOT NULL,
	"publisher_id" uuid NOT NULL,
	"month" date NOT NULL,
	"directorate" text NOT NULL,
	"district" text NOT NULL,
	"size" text NOT NULL,
	"vcse" boolean NOT NULL,
	"local" boolean NOT NULL,
	"match" text NOT NULL,
	"pence" bigint DEFAULT 0 NOT NULL,
	"payments" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "spend_figures_pkey" PRIMARY KEY("kind","publisher_id","month","directorate","district","size","vcse","local","match")
);
--> statement-breakpoint
CREATE TABLE "spend_import_files" (
	"import_id" uuid PRIMARY KEY NOT NULL,
	"data" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spend_import_months" (
	"import_id" uuid NOT NULL,
	"supplier_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"month" date NOT NULL,
	"directorate" text NOT NULL,
	"pence" bigint DEFAULT 0 NOT NULL,
	"payments" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "spend_import_months_pkey" PRIMARY KEY("import_id","supplier_id","kind","month","directorate")
);
--> statement-breakpoint
CREATE TABLE "spend_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"publisher_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"checksum" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"uploaded_by" uuid,
	"columns" jsonb NOT NULL,
	"encoding" text NOT NULL,
	"separator" text NOT NULL,
	"header_index" integer NOT NULL,
	"header_signature" text NOT NULL,
	"mapping" jsonb,
	"status" text DEFAULT 'uploaded' NOT NULL,
	"lines_total" integer DEFAULT 0 NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"rows_imported" integer DEFAULT 0 NOT NULL,
	"rows_duplicate" integer DEFAULT 0 NOT NULL,
	"rows_redacted" integer DEFAULT 0 NOT NULL,
	"total_pence" bigint DEFAULT 0 NOT NULL,
	"problem" text,
	"importing_at" timestamp with time zone,
	"imported_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spend_payments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "spend_payments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"import_id" uuid NOT NULL,
	"publisher_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"supplier_id" uuid NOT NULL,
	"row_key" uuid NOT NULL,
	"paid_on" date NOT NULL,
	"directorate" text NOT NULL,
	"amount_pence" bigint NOT NULL,
	"reference" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spend_publishers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spend_supplier_months" (
	"supplier_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"month" date NOT NULL,
	"directorate" text NOT NULL,
	"pence" bigint DEFAULT 0 NOT NULL,
	"payments" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "spend_supplier_months_pkey" PRIMARY KEY("supplier_id","kind","month","directorate")
);
--> statement-breakpoint
CREATE TABLE "spend_suppliers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"publisher_id" uuid NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"company_number" text,
	"charity_number" text,
	"postcode" text,
	"vcse_in_file" boolean,
	"status" text NOT NULL,
	"organisation_id" uuid,
	"matched_by" text,
	"candidate_id" uuid,
	"candidate_score" integer,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"first_import_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "spend_import_files" ADD CONSTRAINT "spend_import_files_import_id_spend_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."spend_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spend_imports" ADD CONSTRAINT "spend_imports_publisher_id_spend_publishers_id_fk" FOREIGN KEY ("publisher_id") REFERENCES "public"."spend_publishers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spend_imports" ADD CONSTRAINT "spend_imports_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spend_suppliers" ADD CONSTRAINT "spend_suppliers_publisher_id_spend_publishers_id_fk" FOREIGN KEY ("publisher_id") REFERENCES "public"."spend_publishers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spend_suppliers" ADD CONSTRAINT "spend_suppliers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spend_suppliers" ADD CONSTRAINT "spend_suppliers_candidate_id_organisations_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spend_suppliers" ADD CONSTRAINT "spend_suppliers_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "spend_imports_file_key" ON "spend_imports" USING btree ("publisher_id","kind","checksum") WHERE status = 'imported';--> statement-breakpoint
CREATE INDEX "spend_imports_created_idx" ON "spend_imports" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "spend_payments_row_key" ON "spend_payments" USING btree ("publisher_id","row_key");--> statement-breakpoint
CREATE INDEX "spend_payments_import_idx" ON "spend_payments" USING btree ("import_id");--> statement-breakpoint
CREATE UNIQUE INDEX "spend_publishers_name_key" ON "spend_publishers" USING btree ("name_key");--> statement-breakpoint
CREATE UNIQUE INDEX "spend_suppliers_name_key" ON "spend_suppliers" USING btree ("publisher_id","name_key");--> statement-breakpoint
CREATE INDEX "spend_suppliers_organisation_idx" ON "spend_suppliers" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "spend_suppliers_status_idx" ON "spend_suppliers" USING btree ("status");