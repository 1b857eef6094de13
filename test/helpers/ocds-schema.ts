import { readFileSync } from 'node:fs';
import AjvModule from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { apply } from 'json-merge-patch';

// both are CommonJS modules whose default export is the module object under NodeNext
const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;

const fixtures = new URL('../fixtures/ocds/', import.meta.url);
const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(path, fixtures), 'utf8')) as Record<string, unknown>;

/**
 * The extensions the service's OCDS package declares (metrics, party scale, the UK profile) and the UK profile's
 * dependencies, in the order their JSON merge patches are applied to the release schema.
 */
const extensions = [
  'ocds_metrics_extension',
  'ocds_partyDetails_scale_extension',
  'ocds_awardCriteria_extension',
  'ocds_bid_extension',
  'ocds_communication_extension',
  'ocds_location_extension',
  'ocds_otherRequirements_extension',
  'ocds_performance_failures_extension',
  'ocds_subcontracting_extension',
  'ocds_suitability_extension',
  'ocds_techniques_extension',
  'ocds_uk_extension',
];

/** The OCDS 1.1.5 release schema with every extension's patch applied (as OCDS tools build an extended schema). */
export function extendedReleaseSchema(): Record<string, unknown> {
  return extensions.reduce(
    (schema, name) => apply(schema, readJson(`extensions/${name}/release-schema.json`)) as Record<string, unknown>,
    readJson('release-schema.json'),
  );
}

export interface PackageValidation {
  valid: boolean;
  errors: string[];
}

/** A draft 4 validator of OCDS 1.1 release packages against the extended release schema. */
export function releasePackageValidator(): (data: unknown) => PackageValidation {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema(extendedReleaseSchema());
  const validate = ajv.compile(readJson('release-package-schema.json'));
  return (data) => {
    const valid = validate(data) as boolean;
    return { valid, errors: (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`) };
  };
}
