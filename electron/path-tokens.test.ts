import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PathTokens } from './path-tokens';

describe('path tokens', () => {
  it('hands out an opaque token that resolves to the absolute path', () => {
    const tokens = new PathTokens();
    const token = tokens.grant('/home/ana/plan.gpuplan.json');
    expect(token).not.toContain('plan');
    expect(tokens.resolve(token)).toBe(path.resolve('/home/ana/plan.gpuplan.json'));
  });

  it('gives the same file the same token, and different files different ones', () => {
    const tokens = new PathTokens();
    const a = tokens.grant('/tmp/a.json');
    expect(tokens.grant('/tmp/./a.json')).toBe(a);
    expect(tokens.grant('/tmp/b.json')).not.toBe(a);
  });

  it('resolves nothing for a token it never issued, a path, or after clear', () => {
    const tokens = new PathTokens();
    const token = tokens.grant('/tmp/a.json');
    expect(tokens.resolve('/tmp/a.json')).toBeUndefined();
    expect(tokens.resolve('made-up')).toBeUndefined();
    tokens.clear();
    expect(tokens.resolve(token)).toBeUndefined();
  });
});
