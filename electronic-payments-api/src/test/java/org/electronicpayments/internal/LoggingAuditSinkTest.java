package org.electronicpayments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.electronicpayments.ClientId;
import org.electronicpayments.PaymentId;
import org.electronicpayments.security.Permission;
import org.electronicpayments.spi.AuditSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The default audit sink, through the test SLF4J binding (slf4j-simple at its default INFO level,
 * writing to standard error): every decision is a line on the audit logger, with no DEBUG needed.
 */
class LoggingAuditSinkTest {

  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private PrintStream original;

  @BeforeEach
  void capture() {
    original = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(original);
  }

  @Test
  void allowedAndDeniedDecisionsAreBothLoggedAtInfoOnTheAuditLogger() {
    AuditSink sink = AuditSink.logging();

    sink.record(
        new AuditSink.Event(
            Instant.EPOCH,
            "staff:desk-1",
            Permission.REFUND,
            ClientId.of("1000"),
            PaymentId.of("pay_1"),
            true,
            "granted by role Champion"));
    sink.record(
        new AuditSink.Event(
            Instant.EPOCH,
            "client:2000",
            Permission.VIEW_PAYMENTS,
            ClientId.of("1000"),
            null,
            false,
            "a client sees only their own payments"));

    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log.lines().filter(l -> l.contains("INFO " + AuditSink.LOGGER_NAME + " - ")))
        .containsExactly(
            line("allow staff:desk-1 REFUND client=1000 payment=pay_1: granted by role Champion"),
            line(
                "deny client:2000 VIEW_PAYMENTS client=1000 payment=null: a client sees only their own payments"));
  }

  @Test
  void aRoleChangeIsLoggedWithWhatItWasBeforeAndAfter() {
    AuditSink.logging()
        .record(
            new AuditSink.Event(
                Instant.EPOCH,
                "staff:s-1",
                Permission.ADMINISTER_ROLES,
                null,
                null,
                true,
                "granted REFUND to role Front desk",
                new AuditSink.Change(
                    "role:Front desk", List.of("SAVE_CARD"), List.of("REFUND", "SAVE_CARD"))));

    assertThat(
            captured
                .toString(StandardCharsets.UTF_8)
                .lines()
                .filter(l -> l.contains("INFO " + AuditSink.LOGGER_NAME + " - ")))
        .containsExactly(
            line(
                "allow staff:s-1 ADMINISTER_ROLES client=null payment=null: granted REFUND to role"
                    + " Front desk role:Front desk before=[SAVE_CARD] after=[REFUND, SAVE_CARD]"));
  }

  private String line(String message) {
    return "["
        + Thread.currentThread().getName()
        + "] INFO "
        + AuditSink.LOGGER_NAME
        + " - "
        + message;
  }
}
