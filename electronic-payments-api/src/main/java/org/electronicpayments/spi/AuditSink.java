package org.electronicpayments.spi;

import java.time.Instant;
import java.util.Objects;
import org.electronicpayments.ClientId;
import org.electronicpayments.PaymentId;
import org.electronicpayments.internal.LoggingAuditSink;
import org.electronicpayments.security.Permission;
import org.jspecify.annotations.Nullable;

/**
 * Receives every access decision, allowed or denied, for the agency's audit trail.
 *
 * <p>Sinks that can be searched take an {@link AuditQuery}. The default, {@link #logging()}, writes one INFO line per decision to the SLF4J logger
 * {@value #LOGGER_NAME}; a host routes that logger to its audit log (or sets its own sink).
 */
@FunctionalInterface
public interface AuditSink {

  /** The logger the default sink writes every decision to, at INFO. */
  String LOGGER_NAME = "org.electronicpayments.audit";

  /**
   * The default sink: one INFO line per decision, allowed and denied, on {@value #LOGGER_NAME}:
   * {@code allow|deny <actor> <permission> client=<id> payment=<id>: <reason>}.
   *
   * @return the logging sink
   */
  static AuditSink logging() {
    return new LoggingAuditSink();
  }

  /**
   * Records one decision. The facade records before it acts on the decision, so a sink that
   * throws stops the operation before it reads, changes or charges anything: a durable trail
   * (such as the JDBC module's {@code JdbcAuditSink}) does so on purpose, so that no access goes
   * unrecorded. A sink that would rather lose a record than an operation must not throw, and
   * should report its failures through its own monitoring.
   *
   * @param event the decision
   */
  void record(Event event);

  /**
   * One access decision.
   *
   * @param at when
   * @param actor who (an actor's audit name)
   * @param permission what they tried
   * @param clientId whose payments or cards, if any
   * @param paymentId which payment, if any
   * @param allowed the answer
   * @param reason the policy's reason
   */
  record Event(Instant at, String actor, Permission permission, @Nullable ClientId clientId,
      @Nullable PaymentId paymentId, boolean allowed, String reason) {
    /** Requires the parts. */
    public Event {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(permission, "permission");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
