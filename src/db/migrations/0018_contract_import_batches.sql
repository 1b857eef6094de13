ALTER TABLE "contract_imports" ADD COLUMN "supplier_ids" uuid[];--> statement-breakpoint
ALTER TABLE "contract_imports" ADD COLUMN "importing_at" timestamp with time zone;