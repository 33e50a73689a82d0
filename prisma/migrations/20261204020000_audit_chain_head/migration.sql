-- The audit chain's last hash, read after taking the lock that orders appends (lib/audit/record-audit-event).
-- A function, because a VOLATILE function takes a fresh snapshot for each query it runs: called inside the
-- statement that appends, it still sees the event another transaction committed while this one waited for
-- the lock, so the signing path appends to the chain in the same statement as its other writes.
CREATE FUNCTION camket_audit_chain_head() RETURNS text LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(73012017);
  RETURN COALESCE((SELECT hash FROM "AuditEvent" ORDER BY id DESC LIMIT 1), repeat('0', 64));
END;
$$;
