import type { Db } from '../../db/client.js';
import { commitmentColumns, deliveryColumns, type Column } from './columns.js';
import { commitmentKeyShape, commitmentRows } from './commitment-rows.js';
import type { Scope } from './conditions.js';
import type { Key } from './cursor.js';
import { deliveryKeyShape, deliveryRows } from './delivery-rows.js';
import type { DatabaseFilters } from './filters.js';
import { commitmentView, deliveryView } from './view-rows.js';

/** A table of the database: how its rows are read a page at a time, shown, and written to a file. */
export interface Dataset<Row extends { key: Key } = { key: Key }> {
  name: 'commitments' | 'delivery';
  title: string;
  path: string;
  keyShape: readonly ('number' | 'date' | 'uuid')[];
  columns: Column<Row>[];
  rows(db: Db, filters: DatabaseFilters, scope: Scope, after: Key | null, limit: number): Promise<Row[]>;
  view(row: Row): Record<string, unknown>;
}

export const commitmentsDataset: Dataset<Awaited<ReturnType<typeof commitmentRows>>[number]> = {
  name: 'commitments',
  title: 'Commitments',
  path: '/database',
  keyShape: commitmentKeyShape,
  columns: commitmentColumns,
  rows: commitmentRows,
  view: commitmentView,
};

export const deliveryDataset: Dataset<Awaited<ReturnType<typeof deliveryRows>>[number]> = {
  name: 'delivery',
  title: 'Delivered outputs',
  path: '/database/delivery',
  keyShape: deliveryKeyShape,
  columns: deliveryColumns,
  rows: deliveryRows,
  view: deliveryView,
};
