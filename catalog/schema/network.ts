import { z } from 'zod';
import { catalogPriceSchema, idSchema, isoDateSchema, sourceSchema, textSchema } from './common';
import { interconnectSchema } from './interconnect';

const ports = (max: number) =>
  z
    .number()
    .int('must be a whole number of ports')
    .min(1, 'must be at least 1 port')
    .max(max, `must be at most ${max} ports`);

/**
 * A way to join nodes into a cluster and what it costs per node. `scale-out` rows are the fabrics
 * between servers that a scenario's cluster names (`interconnect`, `pricePerNode`); `scale-up` rows
 * (NVLink switches) describe the links inside a node or rack, which the GPU row already models, so
 * they carry no interconnect id and need no price. How `pricePerNode` was derived is in `source`.
 */
export const networkFieldsSchema = z.strictObject({
  id: idSchema,
  name: textSchema,
  layer: z.enum(['scale-out', 'scale-up']),
  interconnect: interconnectSchema.optional(),
  /** Line rate of one port, Gb/s. */
  portGbps: z.number().positive('must be > 0').max(100_000, 'must be ≤ 100,000'),
  /** Fabric ports each node uses: 8 for a rail-optimised 8-GPU node, 1 for a plain Ethernet uplink. */
  portsPerNode: ports(64),
  /** All-in cost of connecting one node: adapters, cables or optics, its share of the switches. */
  pricePerNode: catalogPriceSchema.optional(),
  switch: z
    .strictObject({
      model: textSchema,
      ports: ports(1024),
      price: catalogPriceSchema.optional(),
      powerWatts: z.number().positive('must be > 0').optional(),
      rackUnits: z
        .number()
        .int('must be a whole number')
        .min(1, 'must be at least 1')
        .max(48, 'must be at most 48')
        .optional(),
    })
    .optional(),
  /** One adapter port; absent when the servers ship with the adapters (DGX/HGX nodes do). */
  nicPrice: catalogPriceSchema.optional(),
  /** Cable or transceiver pair per node port. */
  cablePrice: catalogPriceSchema.optional(),
  source: sourceSchema,
  asOf: isoDateSchema,
  notes: textSchema.optional(),
});

export const networkSchema = networkFieldsSchema.superRefine((n, ctx) => {
  if (n.layer !== 'scale-out') return;
  if (n.interconnect === undefined)
    ctx.addIssue({ code: 'custom', path: ['interconnect'], message: 'is required for a scale-out network' });
  if (n.pricePerNode === undefined)
    ctx.addIssue({ code: 'custom', path: ['pricePerNode'], message: 'is required for a scale-out network' });
});
export type Network = z.infer<typeof networkSchema>;
