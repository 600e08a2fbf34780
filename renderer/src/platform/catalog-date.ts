/**
 * The catalog's date for Help > About: the newest `asOf` among the shipped rows and their prices
 * (every figure in the catalog carries one), so it moves when the catalog is updated.
 */
export function newestAsOf(value: unknown): string | null {
  let newest: string | null = null;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if (key === 'asOf' && typeof child === 'string' && /^\d{4}-\d{2}-\d{2}/.test(child)) {
          if (!newest || child > newest) newest = child.slice(0, 10);
        } else visit(child);
      }
    }
  };
  visit(value);
  return newest;
}

const shipped = import.meta.glob<unknown>('../../../catalog/*.json', { eager: true, import: 'default' });

export function shippedCatalogDate(): string | null {
  return newestAsOf(Object.values(shipped));
}
