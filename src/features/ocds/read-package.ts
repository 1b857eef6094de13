import { z } from 'zod';

const text = z.string().trim().min(1);
const value = z.object({ amount: z.number().nullish(), currency: z.string().nullish() }).passthrough().nullish();
const period = z.object({ startDate: z.string().nullish(), endDate: z.string().nullish() }).passthrough().nullish();

const organization = z
  .object({
    id: z.string().nullish(),
    name: z.string().nullish(),
    identifier: z
      .object({ scheme: z.string().nullish(), id: z.union([z.string(), z.number()]).nullish() })
      .passthrough()
      .nullish(),
    address: z.object({ postalCode: z.string().nullish() }).passthrough().nullish(),
    details: z.object({ scale: z.string().nullish(), vcse: z.boolean().nullish() }).passthrough().nullish(),
  })
  .passthrough();

const award = z
  .object({
    id: z.union([z.string(), z.number()]).transform(String),
    title: z.string().nullish(),
    description: z.string().nullish(),
    status: z.string().nullish(),
    value,
    suppliers: z.array(z.object({ id: z.string().nullish(), name: z.string().nullish() }).passthrough()).nullish(),
    contractPeriod: period,
  })
  .passthrough();

const release = z
  .object({
    ocid: text,
    id: z.union([text, z.number()]).transform(String),
    date: text.refine((d) => !Number.isNaN(Date.parse(d)), 'is not a date and time'),
    tag: z.array(z.string()).min(1),
    tender: z.object({ title: z.string().nullish(), description: z.string().nullish(), contractPeriod: period }).passthrough().nullish(),
    parties: z.array(organization).nullish(),
    awards: z.array(award).nullish(),
  })
  .passthrough();

export type Release = z.infer<typeof release>;
export type Award = z.infer<typeof award>;
export type Organization = z.infer<typeof organization>;

export type PackageReading = { ok: true; releases: Release[] } | { ok: false; problems: string[] };

/** Problems listed when a file is refused; a broken file may have thousands, and the first ones say what is wrong. */
const PROBLEMS_SHOWN = 20;

function describePath(path: PropertyKey[]): string {
  const [, index, ...rest] = path;
  return `Release ${Number(index) + 1}${rest.length ? `, ${rest.join('.')}` : ''}`;
}

/**
 * Reads an uploaded OCDS release package: JSON, an object with a `releases` array, each release with an ocid, an id,
 * a date and tags, and any awards in the shape OCDS gives them. Anything else (another kind of file, a record
 * package, a broken release) is refused with every problem found, so that nothing of it is imported.
 */
export function readReleasePackage(content: Buffer): PackageReading {
  let data: unknown;
  try {
    data = JSON.parse(content.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problems: ['The file is not JSON. Choose the release package (.json) downloaded from Contracts Finder or Find a Tender'] };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data))
    return { ok: false, problems: ['The file is not an OCDS release package: it must be a JSON object with a list of releases'] };
  const object = data as Record<string, unknown>;
  if (Array.isArray(object.records))
    return { ok: false, problems: ['The file is an OCDS record package. Download the release package instead, which has a list of releases'] };
  if (!Array.isArray(object.releases)) return { ok: false, problems: ['The file is not an OCDS release package: it has no list of releases'] };
  if (typeof object.version === 'string' && !object.version.startsWith('1.'))
    return { ok: false, problems: [`The package is OCDS version ${object.version}. Only OCDS 1.0 and 1.1 packages can be imported`] };
  if (object.releases.length === 0) return { ok: false, problems: ['The release package has no releases'] };
  const parsed = z.array(release).safeParse(object.releases);
  if (parsed.success) return { ok: true, releases: parsed.data };
  const problems = parsed.error.issues.map((issue) => `${describePath(['releases', ...issue.path])}: ${issue.message}`);
  const more = problems.length - PROBLEMS_SHOWN;
  return { ok: false, problems: [...problems.slice(0, PROBLEMS_SHOWN), ...(more > 0 ? [`and ${more} more problems`] : [])] };
}
