import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Postcode } from '../../domain/postcodes.js';
import { srcDir } from '../../platform/paths.js';

/** A district council in the county council's area. */
export interface District {
  code: string;
  name: string;
  councilName: string;
}

export interface Locality {
  /** the district council's name, when the postcode is local */
  district: string | null;
  isLocal: boolean;
}

/** A postcode is local when at least this share of its sector's postcodes are in the county council's area. */
export const LOCAL_SHARE_MIN = 0.5;

interface SectorRow {
  postcode_sector: string;
  postcode_count: string;
  lcc_postcode_count: string;
  main_lcc_lad_code: string;
}

function readData<T>(file: string): T[] {
  const text = readFileSync(path.join(srcDir, 'features/organisations/data', file), 'utf8');
  return parse(text, { columns: true, comment: '#', skip_empty_lines: true, trim: true }) as T[];
}

/** The district councils, in the order of data/districts.csv. See data/README.md. */
export const districts: readonly District[] = readData<{ lad_code: string; name: string; council_name: string }>('districts.csv').map((row) => ({
  code: row.lad_code,
  name: row.name,
  councilName: row.council_name,
}));

/** The districts' names, in the county's order. */
export const districtNames: readonly string[] = districts.map((d) => d.name);
/** The choice that stands for the whole county rather than named districts. */
export const COUNTYWIDE = 'Countywide';
/** The districts' names, then Countywide: the choices of where social value is delivered. */
export const districtChoices: readonly string[] = [...districtNames, COUNTYWIDE];

const districtByCode = new Map(districts.map((d) => [d.code, d]));

const localSectors = new Map<string, District>();
for (const row of readData<SectorRow>('postcode-sectors.csv')) {
  const share = Number(row.lcc_postcode_count) / Number(row.postcode_count);
  const district = districtByCode.get(row.main_lcc_lad_code);
  if (share >= LOCAL_SHARE_MIN && district) localSectors.set(row.postcode_sector, district);
}

/** The district and whether a postcode is local, by the rule in data/README.md. */
export function localityOf(postcode: Postcode): Locality {
  const district = localSectors.get(postcode.sector);
  return district ? { district: district.name, isLocal: true } : { district: null, isLocal: false };
}
