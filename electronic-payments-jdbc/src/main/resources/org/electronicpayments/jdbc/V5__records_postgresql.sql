-- electronic-payments, schema version 5, PostgreSQL only (after V5__records.sql).
--
-- Finding payments by the start of their reference (reference LIKE 'prefix%'). H2 and PostgreSQL
-- databases with the C collation serve it from uq_payments_agency_reference; under any other
-- collation PostgreSQL needs an index with pattern operators.
CREATE INDEX ix_payments_reference_prefix ON payments (agency_id, reference varchar_pattern_ops);
