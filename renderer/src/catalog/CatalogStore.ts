import { makeAutoObservable, observableRef, runInAction } from 'mobx';
import { priceSchema, type Price } from '../../../catalog/schema/common';
import type { PlannerDatabase, StoredGpu } from '../db/database';
import { withEditedCell } from './editCell';

export type GpuPriceField = 'priceNew' | 'priceUsed';

const today = () => new Date().toISOString().slice(0, 10);

/** The catalog as the user sees it: shipped rows plus the user's own rows and edits, from IndexedDB. */
export class CatalogStore {
  gpus: StoredGpu[] = [];

  constructor(private readonly db: PlannerDatabase) {
    // Rows stay plain immutable objects (they go to IndexedDB and structuredClone); only the array reference is observed.
    makeAutoObservable<CatalogStore, 'db'>(this, { db: false, gpus: observableRef });
  }

  async load(): Promise<void> {
    const rows = await this.db.gpus.toArray();
    rows.sort((a, b) => a.name.localeCompare(b.name));
    runInAction(() => {
      this.gpus = rows;
    });
  }

  /**
   * A price the user types is their own quote as of today: the amount, today's date and "user" as
   * the source, in the currency the row already had. Returns a message naming the field when invalid.
   */
  async editGpuPrice(id: string, field: GpuPriceField, amount: number): Promise<string | null> {
    const row = this.gpus.find((g) => g.id === id);
    if (!row) return `gpu ${id}: not in the catalog`;
    const price: Price = {
      amount,
      currency: row[field]?.currency ?? 'USD',
      asOf: today(),
      source: 'entered by the user',
    };
    const parsed = priceSchema.safeParse(price);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return `${field}.${issue?.path.join('.')}: ${issue?.message}`;
    }
    const next = withEditedCell(row, field, parsed.data, new Date().toISOString());
    await this.db.gpus.put(next);
    runInAction(() => {
      this.gpus = this.gpus.map((g) => (g.id === id ? next : g));
    });
    return null;
  }
}
