import { createReadStream } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { organisations, type CommunityType } from '../db/schema/index.js';
import { parsePostcode } from '../domain/postcodes.js';
import { systemActor } from '../platform/audit.js';
import { srcDir } from '../platform/paths.js';
import { loadLocalAreas } from '../features/local-areas/repository.js';
import { localityOf } from '../features/organisations/postcode-districts.js';
import { prepareFileImport } from '../features/spend/prepare-file-import.js';
import { readLayout } from '../features/spend/read-file.js';
import { importSpend, type SpendImportResult } from '../features/spend/run-import.js';

type Size = 'micro' | 'small' | 'medium' | 'large';

interface DirectoryDetails {
  categories: string[];
  openToPartnering: boolean;
  description: string;
}

/** What the demo organisations tell the supplier directory about themselves (CPV divisions as categories). */
const DEMO_PROFILES: Record<string, DirectoryDetails> = {
  'Charnwood Care Services Ltd': {
    categories: ['85', '98'],
    openToPartnering: true,
    description: 'Home care and supported living for older and disabled people across Charnwood and Melton.',
  },
  'Melton Community Larder': {
    categories: ['15', '98'],
    openToPartnering: true,
    description: 'A volunteer-run food larder and community kitchen in Melton Mowbray.',
  },
  'Midlands Facilities Group plc': {
    categories: ['45', '50', '90'],
    openToPartnering: false,
    description: 'Building maintenance, cleaning and waste services for public buildings in the Midlands.',
  },
  'Leicestershire Partnership NHS Trust': {
    categories: ['85'],
    openToPartnering: true,
    description: 'Community health, mental health and learning disability services.',
  },
  'Soar Valley Community Enterprise CIC': {
    categories: ['77', '90', '80'],
    openToPartnering: true,
    description: 'Grounds maintenance and horticulture apprenticeships along the River Soar.',
  },
};

/**
 * Directory entries for some of the suppliers that the demo spend file names, so that its payments match and the
 * local, SME and VCSE shares have something to show. The names are as the file writes them; the size, VCSE flag,
 * postcode and categories are made up for the demo, not facts about these organisations.
 */
export const DEMO_SUPPLIERS: {
  name: string;
  kind: 'supplier' | 'community';
  size: Size;
  isVcse?: boolean;
  isSocialEnterprise?: boolean;
  communityType?: CommunityType;
  postcode: string | null;
  categories: string[];
}[] = [
  { name: 'Care Outlook Ltd', kind: 'supplier', size: 'medium', postcode: 'LE11 3AB', categories: ['85'] },
  { name: 'Absolute Care at Home Ltd', kind: 'supplier', size: 'small', postcode: 'LE10 1AA', categories: ['85'] },
  { name: 'Falcon Carers Ltd', kind: 'supplier', size: 'micro', postcode: 'LE9 6AA', categories: ['85'] },
  {
    name: 'Chrysalis Community Group Limited',
    kind: 'community',
    size: 'small',
    isVcse: true,
    isSocialEnterprise: true,
    communityType: 'social_enterprise',
    postcode: 'LE13 0AA',
    categories: ['85', '98'],
  },
  {
    name: 'Fresh Start Independence Project',
    kind: 'community',
    size: 'micro',
    isVcse: true,
    communityType: 'charity',
    postcode: 'LE65 1AA',
    categories: ['98'],
  },
  { name: 'Ace Centre', kind: 'community', size: 'small', isVcse: true, communityType: 'charity', postcode: null, categories: ['80', '85'] },
  { name: 'Amey LG Ltd', kind: 'supplier', size: 'large', postcode: null, categories: ['45', '50', '90'] },
  { name: 'Whistl UK Ltd', kind: 'supplier', size: 'large', postcode: null, categories: ['64'] },
];

/** The demo's spend file: 300 rows of Trafford Council's May 2026 spend (src/seed/data/README.md). */
export const DEMO_SPEND = { file: 'trafford-spend-2026-05-sample.csv', publisher: 'Trafford Council' } as const;

/** Fills in the demo organisations' directory profiles and adds the directory entries the demo spend matches. */
export async function seedDirectoryDemo(tx: Tx): Promise<void> {
  for (const [name, details] of Object.entries(DEMO_PROFILES)) await tx.update(organisations).set(details).where(eq(organisations.name, name));
  const localAreas = await loadLocalAreas(tx);
  await tx.insert(organisations).values(
    DEMO_SUPPLIERS.map(({ postcode: written, ...supplier }) => {
      const postcode = written ? parsePostcode(written) : null;
      return {
        ...supplier,
        isVcse: supplier.isVcse ?? false,
        isSocialEnterprise: supplier.isSocialEnterprise ?? false,
        postcode: postcode?.postcode ?? null,
        ...(postcode ? localityOf(postcode, localAreas) : { district: null, isLocal: false }),
      };
    }),
  );
}

/** Imports the demo spend file as the command line import does: the columns guessed from its headers. */
export async function seedSpendDemo(db: Db): Promise<SpendImportResult> {
  const file = path.join(srcDir, 'seed/data', DEMO_SPEND.file);
  const source = () => createReadStream(file);
  const layout = await readLayout(source);
  if (!layout.ok) throw new Error(`The demo spend file cannot be read: ${layout.message}`);
  const prepared = await prepareFileImport(db, systemActor, {
    publisherName: DEMO_SPEND.publisher,
    kind: 'spend',
    fileName: DEMO_SPEND.file,
    layout: layout.layout,
  });
  if (!prepared.ok) throw new Error(`The demo spend file's columns were not recognised: ${JSON.stringify(prepared.problems)}`);
  return importSpend(db, systemActor, prepared.spendImport.id, source);
}
