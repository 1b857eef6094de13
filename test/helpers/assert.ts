/** The messages of an error and of every error it wraps (drizzle wraps database errors in "Failed query: ..."). */
export function errorMessages(error: unknown): string {
  const messages: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    messages.push(String((current as { message?: unknown }).message ?? current));
    current = (current as { cause?: unknown }).cause;
  }
  return messages.join(' <- ');
}

/** Awaits a promise that must fail, and returns the messages of the failure. */
export async function failureOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return errorMessages(error);
  }
  throw new Error('expected the operation to fail, but it succeeded');
}
