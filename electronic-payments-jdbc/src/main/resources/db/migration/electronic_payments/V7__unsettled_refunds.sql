-- electronic-payments, schema version 7: finding unsettled refunds without reading every payment.
--
-- reconcile sends again every refund still PENDING or IN_DOUBT. It finds them through this index,
-- by the refund's status, so a pass over a journal of a million settled payments reads the few
-- unsettled refunds and their payments, not the million.

CREATE INDEX ix_payment_refunds_status ON payment_refunds (status, payment_id);
