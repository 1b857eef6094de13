import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PreparingPGlite } from './pglite-client.js';

// Both run the same statements: the preparing client must answer exactly as PGlite's own query does.
describe('PreparingPGlite', () => {
  let fast: PreparingPGlite;
  let plain: PGlite;
  const setup = `
    create table things (id uuid primary key, name text not null, tags text[] not null, data jsonb, flag boolean,
      amount numeric(12, 2), at timestamptz, day date, n integer);
    insert into things values
      ('6f1c9a52-4a51-4d0e-9a66-0f6d1f6e2b10', 'First', '{a,b}', '{"x": 1}', true, 12.50, '2026-11-22T10:00:00Z', '2026-11-22', 3),
      ('0b6f3c1e-2a7d-4c55-8f11-3f0e4b9d7a21', 'Second', '{}', null, null, null, null, null, null);`;

  beforeAll(async () => {
    fast = new PreparingPGlite();
    plain = new PGlite();
    await fast.exec(setup);
    await plain.exec(setup);
  }, 60_000);

  afterAll(async () => {
    await fast.close();
    await plain.close();
  });

  const same = async (text: string, params: unknown[] = [], options: Parameters<PGlite['query']>[2] = {}) => {
    const expected = await plain.query(text, params, options);
    const actual = await fast.query(text, params, options);
    expect(actual).toEqual(expected);
    return actual;
  };

  it('returns the same rows, columns and counts as PGlite, as objects or arrays, with the caller’s parsers', async () => {
    const query = 'select * from things where n = $1 or $2::boolean order by name';
    const result = await same(query, [3, false]);
    expect(result.rows).toEqual([
      {
        id: '6f1c9a52-4a51-4d0e-9a66-0f6d1f6e2b10',
        name: 'First',
        tags: ['a', 'b'],
        data: { x: 1 },
        flag: true,
        amount: '12.50',
        at: new Date('2026-11-22T10:00:00Z'),
        day: new Date('2026-11-22'),
        n: 3,
      },
    ]);
    await same(query, [3, true], { rowMode: 'array' });
    await same(query, [null, true], { rowMode: 'array', parsers: { 1184: (value: string) => `at ${value}` } });
    await same('select $1::text[] as tags, $2::jsonb as data, $3::timestamptz as at', [['x', 'y"z'], { a: [1] }, new Date('2026-01-02T03:04:05Z')]);
  });

  it('reports the rows a write changed, as PGlite does', async () => {
    const insert = 'insert into things (id, name, tags) values (gen_random_uuid(), $1, $2) returning name';
    expect(await same(insert, ['Third', ['c']])).toMatchObject({ rows: [{ name: 'Third' }], affectedRows: 1 });
    expect(await same('update things set n = 7 where name = $1', ['Third'])).toMatchObject({ rows: [], affectedRows: 1, command: 'UPDATE' });
    expect(await same('delete from things where name = $1', ['Third'])).toMatchObject({ affectedRows: 1 });
  });

  it('throws PGlite’s database error, with the query, and keeps working afterwards', async () => {
    const bad = fast.query('select * from things where id = $1', ['not-a-uuid']);
    await expect(bad).rejects.toMatchObject({ code: '22P02', query: 'select * from things where id = $1', params: ['not-a-uuid'] });
    await expect(fast.query('select nonsense from nowhere')).rejects.toMatchObject({ code: '42P01' });
    expect((await fast.query<{ n: number }>('select count(*)::int as n from things')).rows).toEqual([{ n: 2 }]);
  });

  it('prepares a statement once, and prepares it again when its table changes shape', async () => {
    const query = 'select * from things where name = $1';
    await fast.query(query, ['First']);
    await fast.query(query, ['First']);
    const prepared = await fast.query<{ n: number }>('select count(*)::int as n from pg_prepared_statements where statement = $1', [query]);
    expect(prepared.rows).toEqual([{ n: 1 }]);
    await fast.exec('alter table things add column extra text');
    const [row] = (await fast.query<Record<string, unknown>>(query, ['First'])).rows;
    expect(row).toHaveProperty('extra', null);
    await fast.exec('alter table things drop column extra');
    await fast.exec('deallocate all');
    expect((await fast.query(query, ['First'])).rows).toHaveLength(1);
  });

  it('keeps a bounded number of statements prepared', async () => {
    for (let i = 0; i < 320; i++) await fast.query(`select ${i} as n, $1::int as m`, [i]);
    const { rows } = await fast.query<{ n: number }>('select count(*)::int as n from pg_prepared_statements');
    expect(rows[0]!.n).toBeLessThanOrEqual(300);
    expect((await fast.query('select 5 as n, $1::int as m', [6])).rows).toEqual([{ n: 5, m: 6 }]);
  });

  it('waits for a running transaction, as PGlite’s own query does', async () => {
    const order: string[] = [];
    const tx = fast.transaction(async (t) => {
      await t.query('update things set n = 9 where name = $1', ['First']);
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push('transaction');
    });
    const read = fast.query<{ n: number }>('select n from things where name = $1', ['First']).then((r) => {
      order.push('query');
      return r.rows[0]!.n;
    });
    await tx;
    expect(await read).toBe(9);
    expect(order).toEqual(['transaction', 'query']);
  });
});
