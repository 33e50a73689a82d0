/** The largest PDF /kiem-tra checks: the form, the proxy and the action all refuse above it, with one message. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
