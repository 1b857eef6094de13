import { describe, expect, it } from 'vitest';
import { parsePostcode } from '../../domain/postcodes.js';
import { defaultLocalAreas, districts, localityOf } from './postcode-districts.js';

function locality(input: string) {
  const postcode = parsePostcode(input);
  if (!postcode) throw new Error(`not a postcode: ${input}`);
  return localityOf(postcode, defaultLocalAreas);
}

describe('postcode districts', () => {
  it('lists the seven district councils in the county council area', () => {
    expect(districts.map((d) => d.name)).toEqual([
      'Blaby',
      'Charnwood',
      'Harborough',
      'Hinckley and Bosworth',
      'Melton',
      'North West Leicestershire',
      'Oadby and Wigston',
    ]);
    expect(districts[0]).toEqual({ code: 'E07000129', name: 'Blaby', councilName: 'Blaby District Council' });
  });

  it.each([
    ['LE11 3AB', 'Charnwood'],
    ['LE13 1AA', 'Melton'],
    ['LE19 1SX', 'Blaby'],
    ['LE10 0AA', 'Hinckley and Bosworth'],
    ['LE67 3AB', 'North West Leicestershire'],
    ['LE16 7AA', 'Harborough'],
    ['LE18 4AA', 'Oadby and Wigston'],
  ])('puts %s in %s', (postcode, district) => {
    expect(locality(postcode)).toEqual({ district, isLocal: true });
  });

  it('uses the sector where a postcode district is split with Leicester city', () => {
    // LE3 as a whole is mostly in the city, but sector LE3 8 (County Hall, Glenfield) is mostly in Blaby.
    expect(locality('LE3 8RA')).toEqual({ district: 'Blaby', isLocal: true });
    expect(locality('LE3 5AA')).toEqual({ district: null, isLocal: false });
    expect(locality('LE2 5AA')).toEqual({ district: 'Oadby and Wigston', isLocal: true });
  });

  it('puts the live LE6 sector in Hinckley and Bosworth, not the district of its old codes', () => {
    expect(locality('LE6 0AB')).toEqual({ district: 'Hinckley and Bosworth', isLocal: true });
  });

  it('treats postcodes outside the county, or with only a small share in it, as not local', () => {
    expect(locality('B1 1AA')).toEqual({ district: null, isLocal: false });
    expect(locality('CV9 3AA')).toEqual({ district: null, isLocal: false }); // 45% in the county
    expect(locality('LE15 6AA')).toEqual({ district: null, isLocal: false }); // Rutland
    expect(locality('DE12 9AA')).toEqual({ district: null, isLocal: false }); // a DE12 sector with no Leicestershire postcodes
  });

  it('counts a sector that is just over half in the county as local', () => {
    expect(locality('LE5 9AA')).toEqual({ district: 'Blaby', isLocal: true }); // 52%
  });
});
