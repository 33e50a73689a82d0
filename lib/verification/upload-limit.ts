/** One megabyte, as the limit and the refusal message count it. */
export const MB = 1024 * 1024;
/** The largest PDF /kiem-tra checks: the form, the proxy and the action all refuse above it, with one message. */
export const MAX_UPLOAD_BYTES = 20 * MB;
