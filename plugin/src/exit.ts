// Exit codes (documented in docs/commands/*.md): 0 clean, 1 findings/drift at or above the threshold,
// 2 usage, I/O, parse or cluster-access errors.
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

/** An error meant for the user: printed as `error: <message>` without a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_ERROR,
  ) {
    super(message);
  }
}
