import { z } from 'zod';
import { PRICINGS, cloudOfferSchema, type CloudOffer, type Pricing } from '../../catalog/schema/cloud-offer';
import { priceSchema } from '../../catalog/schema/common';
import { networkSchema, type Network } from '../../catalog/schema/network';
import { systemSchema, type System } from '../../catalog/schema/system';

/**
 * The catalog rows a scenario option refers to (by id) or carries inline (a vendor quote that is not
 * in the catalog). Inline objects carry the same fields as catalog rows (contracts/scenario.md), so
 * they are the catalog's own schemas without the `id`, with the catalog's bookkeeping (vendor, form,
 * source and date of the row, ...) optional, and prices validated as scenario files always have been
 * (`priceSchema`; an hourly price's `per` defaults to "hour"). Unknown fields are refused, as in the
 * catalog, so a misspelt field is reported instead of ignored.
 */

export { PRICINGS, type Pricing };
export const pricingSchema = z.enum(PRICINGS, { error: `must be one of ${PRICINGS.map((p) => `"${p}"`).join(', ')}` });

/** A price per instance-hour in a scenario file. */
export const hourlyPriceSchema = z.strictObject({
  ...priceSchema.shape,
  per: z.literal('hour', { error: 'must be "hour" (price per instance-hour)' }).default('hour'),
});

/** An inline server quote: a catalog system without `id`; vendor, form, cooling, power, height, source and date optional. */
export const systemFields = systemSchema
  .omit({ id: true })
  .partial({
    vendor: true,
    form: true,
    cooling: true,
    powerWatts: true,
    rackUnits: true,
    source: true,
    asOf: true,
  })
  .extend({
    condition: systemSchema.shape.condition.default('new'),
    price: z.strictObject(priceSchema.shape),
  });
export type SystemFields = z.infer<typeof systemFields>;
export type SystemRow = System;

/** An inline cloud offer: a catalog offer without `id`; region, source and date optional. */
export const offerFields = cloudOfferSchema
  .omit({ id: true })
  .partial({ region: true, source: true, asOf: true })
  .extend({
    prices: z
      .strictObject({
        'on-demand': hourlyPriceSchema.optional(),
        spot: hourlyPriceSchema.optional(),
        'reserved-1y': hourlyPriceSchema.optional(),
        'reserved-3y': hourlyPriceSchema.optional(),
      })
      .refine(
        (p) => PRICINGS.some((k) => p[k] !== undefined),
        'must give at least one of on-demand, spot, reserved-1y, reserved-3y',
      ),
  });
export type OfferFields = z.infer<typeof offerFields>;
export type OfferRow = CloudOffer;

const n = networkSchema.shape;
const sw = n.switch.unwrap().shape;
const lenientPrice = z.strictObject(priceSchema.shape);
/**
 * An inline cluster network: a catalog network without `id`, always scale-out (the link between
 * nodes), priced per node (`pricePerNode`) or by its switch, sized from the node count.
 */
export const networkFields = z
  .strictObject({
    name: n.name,
    layer: z.literal('scale-out', { error: 'must be "scale-out": a cluster joins nodes' }).default('scale-out'),
    interconnect: n.interconnect.unwrap(),
    portGbps: n.portGbps.optional(),
    portsPerNode: n.portsPerNode.optional(),
    pricePerNode: lenientPrice.optional(),
    switch: z
      .strictObject({
        model: sw.model.optional(),
        ports: sw.ports,
        price: lenientPrice,
        powerWatts: sw.powerWatts,
        rackUnits: sw.rackUnits,
      })
      .optional(),
    nicPrice: lenientPrice.optional(),
    cablePrice: lenientPrice.optional(),
    source: n.source.optional(),
    asOf: n.asOf.optional(),
    notes: n.notes,
  })
  .refine(
    (x) => x.pricePerNode !== undefined || x.switch !== undefined,
    'must give pricePerNode, or a switch (ports and price) to size the fabric from node count',
  );
export type NetworkFields = z.infer<typeof networkFields>;
export type NetworkRow = Network;
