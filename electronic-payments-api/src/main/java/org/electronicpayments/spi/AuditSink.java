package org.electronicpayments.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.electronicpayments.ClientId;
import org.electronicpayments.PaymentId;
import org.electronicpayments.internal.LoggingAuditSink;
import org.electronicpayments.security.Permission;
import org.jspecify.annotations.Nullable;

/**
 * Receives every access decision, allowed or denied, for the agency's audit trail, and every change
 * to the agency's roles, with what they were before and after ({@link Event#change()}).
 *
 * <p>Sinks that can be searched take an {@link AuditQuery}. The default, {@link #logging()}, writes
 * one INFO line per decision to the SLF4J logger {@value #LOGGER_NAME}; a host routes that logger
 * to its audit log (or sets its own sink).
 */
@FunctionalInterface
public interface AuditSink {

  /** The logger the default sink writes every decision to, at INFO. */
  String LOGGER_NAME = "org.electronicpayments.audit";

  /**
   * The default sink: one INFO line per decision, allowed and denied, on {@value #LOGGER_NAME}:
   * {@code allow|deny <actor> <permission> client=<id> payment=<id>: <reason>}, followed for a role
   * change by {@code <subject> before=[…] after=[…]}.
   *
   * @return the logging sink
   */
  static AuditSink logging() {
    return new LoggingAuditSink();
  }

  /**
   * Records one decision. The facade records before it acts on the decision, so a sink that throws
   * stops the operation before it reads, changes or charges anything: a durable trail (such as the
   * JDBC module's {@code JdbcAuditSink}) does so on purpose, so that no access goes unrecorded. A
   * sink that would rather lose a record than an operation must not throw, and should report its
   * failures through its own monitoring.
   *
   * @param event the decision
   */
  void record(Event event);

  /**
   * One access decision, and for an edit of the agency's roles what it changed.
   *
   * @param at when
   * @param actor who (an actor's audit name)
   * @param permission what they tried
   * @param clientId whose payments or cards, if any
   * @param paymentId which payment, if any
   * @param allowed the answer
   * @param reason the policy's reason
   * @param change for an allowed edit of the roles, what it changed; {@code null} otherwise
   */
  record Event(
      Instant at,
      String actor,
      Permission permission,
      @Nullable ClientId clientId,
      @Nullable PaymentId paymentId,
      boolean allowed,
      String reason,
      @Nullable Change change) {
    /** Requires the parts. */
    public Event {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(permission, "permission");
      Objects.requireNonNull(reason, "reason");
    }

    /**
     * A decision that changed nothing recorded here (every decision about payments and cards).
     *
     * @param at when
     * @param actor who (an actor's audit name)
     * @param permission what they tried
     * @param clientId whose payments or cards, if any
     * @param paymentId which payment, if any
     * @param allowed the answer
     * @param reason the policy's reason
     */
    public Event(
        Instant at,
        String actor,
        Permission permission,
        @Nullable ClientId clientId,
        @Nullable PaymentId paymentId,
        boolean allowed,
        String reason) {
      this(at, actor, permission, clientId, paymentId, allowed, reason, null);
    }
  }

  /**
   * What an edit of the agency's roles changed.
   *
   * @param subject what was edited: {@code role:<name>} (its permissions) or {@code staff:<id>}
   *     (the roles assigned to a staff member)
   * @param before the permission or role names before, sorted; empty when the role was new
   * @param after the permission or role names after, sorted
   */
  record Change(String subject, List<String> before, List<String> after) {
    /** Requires the parts and copies the lists. */
    public Change {
      Objects.requireNonNull(subject, "subject");
      before = List.copyOf(before);
      after = List.copyOf(after);
    }
  }
}
