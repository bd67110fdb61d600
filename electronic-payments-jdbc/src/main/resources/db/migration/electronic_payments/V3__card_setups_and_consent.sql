-- electronic-payments, schema version 3: saving a card without a payment (card setups), the
-- consent recorded with each saved card, and the record of removed cards.
--
-- Same conventions as version 1: plain SQL for PostgreSQL and H2 2.x, instants as BIGINT
-- nanoseconds since the epoch (UTC), enumerations as VARCHAR constrained by CHECK.

-- A card to save with a payment carries the consent the host gave with it (who agreed, where).
ALTER TABLE payments ADD COLUMN card_consent_giver VARCHAR(16);
ALTER TABLE payments ADD COLUMN card_consent_channel VARCHAR(16);
ALTER TABLE payment_attempts ADD COLUMN card_consent_giver VARCHAR(16);
ALTER TABLE payment_attempts ADD COLUMN card_consent_channel VARCHAR(16);

-- Consent to keep the card on file. Cards saved before version 3 have none (all NULL).
ALTER TABLE saved_cards ADD COLUMN consent_giver VARCHAR(16);
ALTER TABLE saved_cards ADD COLUMN consent_recorded_by VARCHAR;
ALTER TABLE saved_cards ADD COLUMN consent_channel VARCHAR(16);
ALTER TABLE saved_cards ADD COLUMN consent_wording_version VARCHAR(64);
ALTER TABLE saved_cards ADD COLUMN consent_given_at_ns BIGINT;

-- The journal of saving a card without a payment: stored with its idempotency key before the
-- processor is called; reconcile reads the unsettled ones by status.
CREATE TABLE card_setups (
  id                   VARCHAR(64)  NOT NULL,
  agency_id            VARCHAR(64)  NOT NULL,
  client_id            VARCHAR(64)  NOT NULL,
  card_token           VARCHAR      NOT NULL,
  nickname             VARCHAR      NOT NULL,
  consent_giver        VARCHAR(16)  NOT NULL,
  consent_recorded_by  VARCHAR      NOT NULL,
  consent_channel      VARCHAR(16)  NOT NULL,
  consent_wording_version VARCHAR(64) NOT NULL,
  consent_given_at_ns  BIGINT       NOT NULL,
  idempotency_key      VARCHAR(255) NOT NULL,
  status               VARCHAR(24)  NOT NULL,
  processor_reference  VARCHAR,
  saved_card_id        VARCHAR(64),
  failure_kind         VARCHAR(24),
  failure_code         VARCHAR,
  failure_decline_code VARCHAR,
  failure_reason       VARCHAR,
  failure_response     VARCHAR,
  created_by           VARCHAR      NOT NULL,
  created_at_ns        BIGINT       NOT NULL,
  updated_at_ns        BIGINT       NOT NULL,
  version              BIGINT       NOT NULL,
  CONSTRAINT pk_card_setups PRIMARY KEY (id),
  CONSTRAINT uq_card_setups_key UNIQUE (idempotency_key),
  CONSTRAINT ck_card_setups_status CHECK (status IN ('PENDING', 'PROCESSING', 'REQUIRES_ACTION', 'SUCCEEDED',
      'FAILED', 'IN_DOUBT')),
  CONSTRAINT ck_card_setups_giver CHECK (consent_giver IN ('CLIENT', 'REPRESENTATIVE', 'STAFF')),
  CONSTRAINT ck_card_setups_channel CHECK (consent_channel IN ('FRONT_DESK', 'PORTAL', 'PHONE', 'WRITTEN',
      'OTHER')),
  CONSTRAINT ck_card_setups_failure_kind CHECK (failure_kind IN ('DECLINED', 'REJECTED', 'CANCELLED',
      'AUTHENTICATION_FAILED')),
  CONSTRAINT ck_card_setups_version CHECK (version >= 0)
);

CREATE INDEX ix_card_setups_status ON card_setups (agency_id, status, updated_at_ns);

-- Who removed which saved card, and when; kept after the card's row is deleted.
CREATE TABLE saved_card_removals (
  card_id              VARCHAR(64)  NOT NULL,
  agency_id            VARCHAR(64)  NOT NULL,
  client_id            VARCHAR(64)  NOT NULL,
  display              VARCHAR      NOT NULL,
  removed_by           VARCHAR      NOT NULL,
  removed_at_ns        BIGINT       NOT NULL
);

CREATE INDEX ix_saved_card_removals_client ON saved_card_removals (agency_id, client_id, removed_at_ns);
