import { z } from 'zod';

/**
 * The links between nodes that the estimate and scenario contracts name
 * (../shared/contracts/estimate.md, field `interconnect`). Inside a node the GPU's own link
 * (NVLink or PCIe, from the GPU row) is used. Bandwidth and latency per id live with the
 * estimator's communication model; network rows in the catalog refer to these ids.
 */
export const INTERCONNECT_IDS = [
  'infiniband-hdr',
  'infiniband-ndr',
  'roce-400g',
  'roce-200g',
  'roce-100g',
  'efa-400g',
  'efa-3200g',
  'ethernet-100g',
  'ethernet-25g',
  'ethernet-10g',
] as const;
export const interconnectSchema = z.enum(INTERCONNECT_IDS, {
  error: () => `must be one of ${INTERCONNECT_IDS.join(', ')}`,
});
export type InterconnectId = z.infer<typeof interconnectSchema>;
