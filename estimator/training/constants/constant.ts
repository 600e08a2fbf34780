/** One named number the estimator relies on: its value, unit and where it came from. */
export interface Constant {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly source: string;
}

/** The `assumptions` entries of an estimate are these objects, shared (never copied) between estimates. */
export type Assumption = Constant;

export const constant = (name: string, value: number, unit: string, source: string): Constant =>
  Object.freeze({ name, value, unit, source });

/** Where the calibration constants were fitted; quoted by several sources below. */
export const CALIBRATION =
  '../shared/calibration/measured.jsonl (H200/H100 SXM, PyTorch 2.11, Transformers 5.17, PEFT 0.21)';
