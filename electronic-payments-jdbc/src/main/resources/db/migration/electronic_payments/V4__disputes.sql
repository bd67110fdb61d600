-- electronic-payments, schema version 4: disputes (chargebacks) of card payments.
--
-- A dispute is raised by the card holder's bank and learned from the processor (a webhook or a
-- refresh); a charge has at most one, so it is kept on the payment's row. All columns are null for
-- a payment that was never disputed. Same conventions as version 1: money in minor units plus the
-- currency, instants in nanoseconds since the epoch, enumerations constrained by CHECK.
-- Refunds made outside the SDK need no new column: they are rows of payment_refunds whose
-- requested_by is 'outside-sdk' and whose processor_reference is the processor's refund id.

ALTER TABLE payments ADD COLUMN dispute_reference VARCHAR;
ALTER TABLE payments ADD COLUMN dispute_amount_minor BIGINT;
ALTER TABLE payments ADD COLUMN dispute_currency CHAR(3);
ALTER TABLE payments ADD COLUMN dispute_reason VARCHAR;
ALTER TABLE payments ADD COLUMN dispute_status VARCHAR(8);
ALTER TABLE payments ADD COLUMN dispute_opened_at_ns BIGINT;
ALTER TABLE payments ADD COLUMN dispute_updated_at_ns BIGINT;
ALTER TABLE payments ADD CONSTRAINT ck_payments_dispute_status CHECK (dispute_status IN ('OPEN', 'WON', 'LOST'));
ALTER TABLE payments ADD CONSTRAINT ck_payments_dispute_amount CHECK (dispute_amount_minor >= 0);
