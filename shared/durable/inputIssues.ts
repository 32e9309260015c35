import type { z } from 'zod';

/**
 * One line naming every invalid field and why (`job.tenantId: Invalid UUID`). zod's messages
 * name expected types and formats, never the values, so nothing from the input leaks into logs.
 */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map(
      (issue) =>
        `${issue.path.length ? issue.path.map(String).join('.') : '(input)'}: ${issue.message}`,
    )
    .join('; ');
}
