import type { EstimateInput } from '../../../estimator/training';

/**
 * An estimate input as a file (a calibrations export, the CLI's stdin) carries it: absent, not null, where
 * the parser reads absent as its default. parseEstimateInput answers `interconnect: null` for one node, but
 * its schema refuses null when that input is read back, so a null is dropped before the input is kept.
 */
export function fileInput(input: EstimateInput): EstimateInput {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null)) as unknown as EstimateInput;
}
