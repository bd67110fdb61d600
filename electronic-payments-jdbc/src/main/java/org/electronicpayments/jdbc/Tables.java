package org.electronicpayments.jdbc;

import org.jspecify.annotations.Nullable;

/**
 * The store's table names, qualified with the configured schema when there is one. The schema is
 * quoted so that PostgreSQL and H2 (which fold unquoted names differently) both find the schema
 * Flyway created.
 */
record Tables(
    String payments,
    String attempts,
    String refunds,
    String cards,
    String customers,
    String setups,
    String removals) {

  static Tables in(@Nullable String schema) {
    String prefix = schema == null ? "" : "\"" + schema + "\".";
    return new Tables(
        prefix + "payments",
        prefix + "payment_attempts",
        prefix + "payment_refunds",
        prefix + "saved_cards",
        prefix + "processor_customers",
        prefix + "card_setups",
        prefix + "saved_card_removals");
  }
}
