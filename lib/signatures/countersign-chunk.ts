/**
 * At most this many assignments per bulk countersign call: the screen calls once per chunk, so its progress
 * bar moves, and each chunk costs a fixed handful of statements instead of fifteen per assignment. Its own
 * file because the client component imports it, and must not pull in the server's signing code.
 */
export const COUNTERSIGN_CHUNK = 20;
