import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PreparingPGlite } from './pglite-client.js';
import { derivedFrom, ReadCache } from './read-cache.js';

describe('ReadCache on the embedded database', () => {
  let client: PreparingPGlite;
  let cache: ReadCache;
  let loads = 0;
  const readName = () =>
    cache.get('thing', async () => {
      loads += 1;
      return (await client.query<{ name: string }>('select name from things where id = 1')).rows[0]!.name;
    });

  beforeAll(async () => {
    client = new PreparingPGlite();
    await client.exec('create table things (id integer primary key, name text not null); insert into things values (1, $$First$$);');
    cache = new ReadCache(() => client.writes);
  }, 60_000);
  afterAll(async () => client.close());

  it('serves a read again without the database until something writes', async () => {
    loads = 0;
    expect(await readName()).toBe('First');
    expect(await readName()).toBe('First');
    expect(loads).toBe(1);
    await client.query('select count(*) from things');
    expect(await readName()).toBe('First');
    expect(loads).toBe(1);
  });

  it('reads afresh after a write by query, by exec and by a transaction', async () => {
    await client.query(`update things set name = 'Second' where id = 1`);
    expect(await readName()).toBe('Second');
    await client.exec(`update things set name = 'Third' where id = 1`);
    expect(await readName()).toBe('Third');
    await client.transaction(async (tx) => {
      await tx.query(`update things set name = 'Fourth' where id = 1`);
    });
    expect(await readName()).toBe('Fourth');
  });

  it('does not keep a result read while a write was made', async () => {
    loads = 0;
    const slow = cache.get('slow', async () => {
      loads += 1;
      const row = (await client.query<{ name: string }>('select name from things where id = 1')).rows[0]!.name;
      await client.query(`update things set name = 'Fifth' where id = 1`);
      return row;
    });
    expect(await slow).toBe('Fourth');
    expect(await cache.get('slow', async () => 'read again')).toBe('read again');
  });
});

describe('derivedFrom', () => {
  it('makes what is derived from an object once per key, and afresh for another object', () => {
    let made = 0;
    const make = () => ++made;
    const figures = { total: 1 };
    expect(derivedFrom(figures, 'page', make)).toBe(1);
    expect(derivedFrom(figures, 'page', make)).toBe(1);
    expect(derivedFrom(figures, 'bytes', make)).toBe(2);
    expect(derivedFrom({ total: 1 }, 'page', make)).toBe(3);
    expect(derivedFrom('not an object', 'page', make)).toBe(4);
    expect(derivedFrom('not an object', 'page', make)).toBe(5);
  });
});
