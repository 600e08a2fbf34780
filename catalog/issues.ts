import type { z } from 'zod';

export interface FriendlyIssue {
  path: PropertyKey[];
  message: string;
}

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  object: 'a group of fields',
  array: 'a list',
  null: 'empty',
};

/**
 * Turns zod's default wording ("Invalid input: expected number, received string") into the
 * user's ("must be a number", "is required"), and splits "unrecognized keys" into one issue per
 * field so every misspelt column is named. Messages a schema wrote itself pass through unchanged.
 */
export function friendlyIssues(issues: readonly z.core.$ZodIssue[]): FriendlyIssue[] {
  const out: FriendlyIssue[] = [];
  for (const issue of issues) {
    const path = [...issue.path];
    const own = !/^(Invalid|Unrecognized)/.test(issue.message);
    if (own) {
      out.push({ path, message: issue.message });
      continue;
    }
    switch (issue.code) {
      case 'invalid_type':
        out.push({
          path,
          message: / received undefined$/.test(issue.message)
            ? 'is required'
            : `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`,
        });
        break;
      case 'invalid_value':
        out.push({
          path,
          message:
            issue.values.length === 1
              ? `must be ${JSON.stringify(issue.values[0])}`
              : `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
        });
        break;
      case 'unrecognized_keys':
        for (const key of issue.keys) out.push({ path: [...path, key], message: 'is not a field of this table' });
        break;
      case 'invalid_union': {
        const options = (issue as { options?: unknown[] }).options;
        out.push({
          path,
          message: options?.length ? `must be one of ${options.map(String).join(', ')}` : 'is not valid here',
        });
        break;
      }
      default:
        out.push({ path, message: issue.message });
    }
  }
  return out;
}
