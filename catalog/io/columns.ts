import type { z } from 'zod';

export type LeafKind = 'number' | 'string' | 'boolean';

/** One CSV column: a leaf field of a row, by dotted path. */
export interface Column {
  path: string;
  kind: LeafKind;
  /** An empty cell means null (e.g. tflops.bf16 on a GPU without bf16) rather than "not given". */
  nullable: boolean;
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  options?: z.ZodType[];
  in?: z.ZodType;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { def: Def }).def;

/**
 * The leaf columns of a row schema, in declaration order. Objects flatten to dotted paths
 * (`price.amount`); the options of a union (facilities) share one column list.
 */
export function columnsOf(schema: z.ZodType): Column[] {
  const columns = new Map<string, Column>();
  const walk = (s: z.ZodType, path: string, nullable: boolean): void => {
    const def = defOf(s);
    switch (def.type) {
      case 'optional':
      case 'default':
      case 'readonly':
        if (def.innerType) walk(def.innerType, path, nullable);
        return;
      case 'nullable':
        if (def.innerType) walk(def.innerType, path, true);
        return;
      case 'pipe':
        if (def.in) walk(def.in, path, nullable);
        return;
      case 'object':
        for (const [key, child] of Object.entries(def.shape ?? {}))
          walk(child, path ? `${path}.${key}` : key, nullable);
        return;
      case 'union':
        for (const option of def.options ?? []) walk(option, path, nullable);
        return;
      default: {
        const kind: LeafKind = def.type === 'number' ? 'number' : def.type === 'boolean' ? 'boolean' : 'string';
        const seen = columns.get(path);
        if (!seen) columns.set(path, { path, kind, nullable });
        else
          columns.set(path, { path, kind: seen.kind === kind ? kind : 'string', nullable: seen.nullable || nullable });
      }
    }
  };
  walk(schema, '', false);
  return [...columns.values()];
}
