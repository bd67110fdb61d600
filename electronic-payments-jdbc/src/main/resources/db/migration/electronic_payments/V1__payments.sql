-- electronic-payments, schema version 1: the payment journal, saved cards and processor customers.
--
-- Plain SQL that runs unchanged on PostgreSQL (11 and later) and H2 2.x. JdbcPaymentStore applies it
-- through Flyway (history table electronic_payments_schema_history); a host that manages its own
-- schema may run this file itself, in the schema the store is configured with.
--
-- Conventions: money is BIGINT minor units (cents) plus a CHAR(3) ISO 4217 currency code, never a
-- floating-point or DECIMAL amount. Instants are BIGINT nanoseconds since 1970-01-01T00:00:00Z (UTC),
-- columns suffixed _ns: a java.time.Instant round-trips exactly, whatever the database's timestamp
-- precision or time zone. Dates posted are DATE (the agency's local calendar day). Enumerations are
-- VARCHAR constrained by CHECK to the SDK's values. Free text that comes from the processor is
-- unbounded VARCHAR, so a long processor message can never make an outcome unstorable.

CREATE TABLE payments (
  id                   VARCHAR(64)  NOT NULL,
  agency_id            VARCHAR(64)  NOT NULL,
  reference            VARCHAR(64)  NOT NULL,
  client_id            VARCHAR(64)  NOT NULL,
  appointment_id       VARCHAR(64),
  origin               VARCHAR(16)  NOT NULL,
  date_posted          DATE         NOT NULL,
  email_receipt_to     VARCHAR(254),
  payment_type         VARCHAR(16)  NOT NULL,
  payer                VARCHAR(16)  NOT NULL,
  amount_minor         BIGINT       NOT NULL,
  currency             CHAR(3)      NOT NULL,
  note                 VARCHAR(500),
  electronic           BOOLEAN      NOT NULL,
  client_present       BOOLEAN      NOT NULL,
  card_kind            VARCHAR(8),
  card_token           VARCHAR,
  card_nickname        VARCHAR,
  card_method_id       VARCHAR(64),
  status               VARCHAR(24)  NOT NULL,
  confirmation_number  VARCHAR,
  failure_kind         VARCHAR(24),
  failure_code         VARCHAR,
  failure_decline_code VARCHAR,
  failure_reason       VARCHAR,
  failure_response     VARCHAR,
  charged_brand        VARCHAR,
  charged_last4        CHAR(4),
  charged_exp_year     INTEGER,
  charged_exp_month    INTEGER,
  charged_fingerprint  VARCHAR,
  saved_card_id        VARCHAR(64),
  created_by           VARCHAR      NOT NULL,
  created_at_ns        BIGINT       NOT NULL,
  updated_at_ns        BIGINT       NOT NULL,
  posted_by            VARCHAR,
  posted_at_ns         BIGINT,
  version              BIGINT       NOT NULL,
  CONSTRAINT pk_payments PRIMARY KEY (id),
  CONSTRAINT uq_payments_agency_reference UNIQUE (agency_id, reference),
  CONSTRAINT ck_payments_status CHECK (status IN ('PENDING', 'PROCESSING', 'SUCCEEDED', 'FAILED',
      'REQUIRES_ACTION', 'IN_DOUBT', 'POSTED', 'REFUNDED', 'PARTIALLY_REFUNDED')),
  CONSTRAINT ck_payments_origin CHECK (origin IN ('CLIENTS', 'APPOINTMENTS', 'PAYMENTS')),
  CONSTRAINT ck_payments_type CHECK (payment_type IN ('CREDIT_CARD', 'CASH', 'CHECK')),
  CONSTRAINT ck_payments_payer CHECK (payer IN ('CO_PAY', 'CO_INSURANCE', 'DEDUCTIBLE')),
  CONSTRAINT ck_payments_amount CHECK (amount_minor >= 0),
  CONSTRAINT ck_payments_card_kind CHECK (card_kind IN ('ONE_TIME', 'SAVE_NEW', 'SAVED')),
  CONSTRAINT ck_payments_failure_kind CHECK (failure_kind IN ('DECLINED', 'REJECTED', 'CANCELLED',
      'AUTHENTICATION_FAILED')),
  CONSTRAINT ck_payments_exp_month CHECK (charged_exp_month BETWEEN 1 AND 12),
  CONSTRAINT ck_payments_version CHECK (version >= 0)
);

-- The reads a host and reconcile make; each starts with the agency, as every query does.
CREATE INDEX ix_payments_created ON payments (agency_id, created_at_ns, id);
CREATE INDEX ix_payments_client ON payments (agency_id, client_id, created_at_ns);
CREATE INDEX ix_payments_appointment ON payments (agency_id, appointment_id);
CREATE INDEX ix_payments_date_posted ON payments (agency_id, date_posted);
-- Reconcile (IN_DOUBT, REQUIRES_ACTION, stale PENDING/PROCESSING) and unposted (SUCCEEDED, not
-- posted) both read by status: their cost grows with the payments in those states, not with all.
CREATE INDEX ix_payments_status ON payments (agency_id, status, created_at_ns, id);

CREATE TABLE payment_attempts (
  payment_id           VARCHAR(64)  NOT NULL,
  attempt_no           INTEGER      NOT NULL,
  idempotency_key      VARCHAR(255) NOT NULL,
  card_kind            VARCHAR(8)   NOT NULL,
  card_token           VARCHAR,
  card_nickname        VARCHAR,
  card_method_id       VARCHAR(64),
  processor_reference  VARCHAR,
  status               VARCHAR(24)  NOT NULL,
  started_at_ns        BIGINT       NOT NULL,
  ended_at_ns          BIGINT,
  CONSTRAINT pk_payment_attempts PRIMARY KEY (payment_id, attempt_no),
  CONSTRAINT uq_payment_attempts_key UNIQUE (idempotency_key),
  CONSTRAINT fk_payment_attempts_payment FOREIGN KEY (payment_id) REFERENCES payments (id) ON DELETE CASCADE,
  CONSTRAINT ck_payment_attempts_no CHECK (attempt_no >= 1),
  CONSTRAINT ck_payment_attempts_card_kind CHECK (card_kind IN ('ONE_TIME', 'SAVE_NEW', 'SAVED')),
  CONSTRAINT ck_payment_attempts_status CHECK (status IN ('PENDING', 'PROCESSING', 'SUCCEEDED', 'FAILED',
      'REQUIRES_ACTION', 'IN_DOUBT', 'POSTED', 'REFUNDED', 'PARTIALLY_REFUNDED'))
);

CREATE TABLE payment_refunds (
  payment_id           VARCHAR(64)  NOT NULL,
  refund_no            INTEGER      NOT NULL,
  amount_minor         BIGINT       NOT NULL,
  currency             CHAR(3)      NOT NULL,
  idempotency_key      VARCHAR(255) NOT NULL,
  processor_reference  VARCHAR,
  status               VARCHAR(24)  NOT NULL,
  requested_by         VARCHAR      NOT NULL,
  requested_at_ns      BIGINT       NOT NULL,
  CONSTRAINT pk_payment_refunds PRIMARY KEY (payment_id, refund_no),
  CONSTRAINT uq_payment_refunds_key UNIQUE (idempotency_key),
  CONSTRAINT fk_payment_refunds_payment FOREIGN KEY (payment_id) REFERENCES payments (id) ON DELETE CASCADE,
  CONSTRAINT ck_payment_refunds_amount CHECK (amount_minor >= 0),
  CONSTRAINT ck_payment_refunds_status CHECK (status IN ('PENDING', 'PROCESSING', 'SUCCEEDED', 'FAILED',
      'REQUIRES_ACTION', 'IN_DOUBT', 'POSTED', 'REFUNDED', 'PARTIALLY_REFUNDED'))
);

-- A saved card belongs to one agency's client: client ids are the agency's own, so the same id
-- in two agencies sharing the database names two people.
CREATE TABLE saved_cards (
  id                   VARCHAR(64)  NOT NULL,
  agency_id            VARCHAR(64)  NOT NULL,
  client_id            VARCHAR(64)  NOT NULL,
  nickname             VARCHAR      NOT NULL,
  brand                VARCHAR      NOT NULL,
  last4                CHAR(4)      NOT NULL,
  exp_year             INTEGER      NOT NULL,
  exp_month            INTEGER      NOT NULL,
  fingerprint          VARCHAR,
  saved_by             VARCHAR      NOT NULL,
  saved_at_ns          BIGINT       NOT NULL,
  CONSTRAINT pk_saved_cards PRIMARY KEY (id),
  CONSTRAINT ck_saved_cards_exp_month CHECK (exp_month BETWEEN 1 AND 12)
);

CREATE INDEX ix_saved_cards_client ON saved_cards (agency_id, client_id, saved_at_ns, id);

-- One processor customer per client and agency: the first one stored wins.
CREATE TABLE processor_customers (
  agency_id            VARCHAR(64)  NOT NULL,
  client_id            VARCHAR(64)  NOT NULL,
  customer_reference   VARCHAR      NOT NULL,
  CONSTRAINT pk_processor_customers PRIMARY KEY (agency_id, client_id)
);
