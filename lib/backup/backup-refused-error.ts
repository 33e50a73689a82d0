/** A backup or restore that cannot go ahead; the message is one Vietnamese sentence fit to print as is. */
export class BackupRefusedError extends Error {}
