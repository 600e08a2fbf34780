/**
 * The LM head and loss as Transformers computes them: logits in the compute dtype (kept by the model output until
 * the step ends), an fp32 upcast, log_softmax's saved output; backward adds NLL's and log_softmax's fp32 gradients.
 * Bytes per token per vocabulary entry, at the three moments that matter.
 */
export interface LogitsBytes {
  /** Forward, inside cross_entropy: logits + fp32 copy + log-probabilities. */
  forward: number;
  /** Loss backward, inside log_softmax's backward: logits + log-probabilities + two fp32 gradients. */
  backward: number;
  /** Held by the output object for the rest of the step. */
  held: number;
}

export function logitsBytes(compute: number): LogitsBytes {
  const upcast = compute === 4 ? 0 : 4;
  return { forward: compute + upcast + 4, backward: compute + 4 + 4 + 4, held: compute };
}
