package org.electronicpayments.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.electronicpayments.AccessDeniedException;
import org.electronicpayments.AgencyDetails;
import org.electronicpayments.AgencyId;
import org.electronicpayments.ClientId;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentException;
import org.electronicpayments.PaymentQuery;
import org.electronicpayments.PaymentRequest;
import org.electronicpayments.StaffId;
import org.electronicpayments.security.Actor;
import org.electronicpayments.security.Permission;
import org.electronicpayments.security.Role;
import org.electronicpayments.spi.AuditQuery;
import org.electronicpayments.spi.AuditSink;
import org.electronicpayments.spi.AuditSink.Event;
import org.electronicpayments.testkit.FakePaymentProcessor;
import org.electronicpayments.testkit.InMemoryPaymentStore;
import org.electronicpayments.testkit.StripeTestCards;
import org.electronicpayments.testkit.TestClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The audit trail in the database answers "who looked at or charged this client's card, and when".
 */
class JdbcAuditSinkTest {

  private static final String NOTE = "discussed anxiety treatment plan";

  private final String n = UUID.randomUUID().toString().substring(0, 8);
  private final AgencyId agency = AgencyId.of("agency-" + n);
  private final ClientId client = ClientId.of("client-" + n);
  private final ClientId otherClient = ClientId.of("other-" + n);
  private final Actor desk =
      Actor.staff(StaffId.of("desk-" + n), Set.of(Role.allPermissions("front desk")));
  private final Actor viewer =
      Actor.staff(StaffId.of("viewer-" + n), Set.of(Role.of("billing", Permission.VIEW_PAYMENTS)));
  private final FakePaymentProcessor processor = FakePaymentProcessor.create();
  private final TestClock clock = TestClock.at("2026-01-01T15:00:00Z");

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @DisplayName(
      "every decision of the facade is stored and found by client, payment, actor and time, oldest first")
  void decisionsAreFoundByClientPaymentActorAndTime(TestDatabase db) {
    JdbcAuditSink audit = sink(db.dataSource(), agency);
    Payment charged;
    Instant afterCharge;
    try (ElectronicPayments payments = facade(audit)) {
      charged = payments.process(desk, visa(client, "REF-1")).payment();
      payments.process(desk, visa(otherClient, "REF-2"));
      clock.advance(Duration.ofHours(1));
      afterCharge = clock.instant();
      payments.payment(viewer, charged.id());
      assertThatThrownBy(() -> payments.process(viewer, visa(client, "REF-3")))
          .isInstanceOf(AccessDeniedException.class);
    }

    List<Event> forClient = audit.events(AuditQuery.all().client(client));
    assertThat(forClient)
        .extracting(Event::actor)
        .containsExactly(desk.auditName(), viewer.auditName(), viewer.auditName());
    assertThat(forClient.get(0).permission()).isEqualTo(Permission.PROCESS_ELECTRONIC_PAYMENTS);
    assertThat(forClient.get(0).allowed()).isTrue();
    assertThat(forClient.get(0).at()).isEqualTo(Instant.parse("2026-01-01T15:00:00Z"));
    assertThat(forClient.get(1))
        .isEqualTo(
            new Event(
                afterCharge,
                viewer.auditName(),
                Permission.VIEW_PAYMENTS,
                client,
                charged.id(),
                true,
                forClient.get(1).reason()));
    assertThat(forClient.get(2).allowed()).isFalse();
    assertThat(forClient.get(2).permission()).isEqualTo(Permission.PROCESS_ELECTRONIC_PAYMENTS);

    assertThat(audit.events(AuditQuery.all().payment(charged.id())))
        .containsExactly(forClient.get(1));
    assertThat(audit.events(AuditQuery.all().actor(viewer)))
        .containsExactly(forClient.get(1), forClient.get(2));
    assertThat(audit.events(AuditQuery.all().actor(desk)).stream().map(Event::clientId))
        .containsExactly(client, otherClient);
    assertThat(audit.events(AuditQuery.all().client(client).between(null, afterCharge)))
        .containsExactly(forClient.get(0));
    assertThat(audit.events(AuditQuery.all().client(client).between(afterCharge, null)))
        .containsExactly(forClient.get(1), forClient.get(2));
    assertThat(audit.events(AuditQuery.all().client(client).page(1, 1)))
        .containsExactly(forClient.get(1));
    assertThat(audit.events(AuditQuery.all()))
        .hasSize(4)
        .allMatch(AuditQuery.all().client(null)::matches);
    assertThat(
            sink(db.dataSource(), AgencyId.of("elsewhere-" + n))
                .events(AuditQuery.all().client(client)))
        .isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @DisplayName("no card number, card token, client secret or note reaches the audit table")
  void noCardNumberSecretOrNoteIsStored(TestDatabase db) throws SQLException {
    JdbcAuditSink audit = sink(db.dataSource(), agency);
    try (ElectronicPayments payments = facade(audit)) {
      PaymentRequest request =
          PaymentRequest.builder()
              .client(client)
              .origin(org.electronicpayments.Origin.APPOINTMENTS)
              .reference("REF-NOTE")
              .type(org.electronicpayments.PaymentType.CREDIT_CARD)
              .payer(org.electronicpayments.Payer.CO_PAY)
              .amountReceived("10.00")
              .electronic(true)
              .note(NOTE)
              .card(
                  org.electronicpayments.CardChoice.oneTime(
                      StripeTestCards.AUTHENTICATION_REQUIRED))
              .build();
      var result = payments.process(desk, request);
      payments.payment(desk, result.payment().id());
      payments.payments(desk, PaymentQuery.all().client(client));
      payments.process(desk, visa(client, "REF-VISA"));
    }
    List<String> stored = rows(db.dataSource());
    assertThat(stored).hasSizeGreaterThanOrEqualTo(4 * 7);
    assertThat(String.join("|", stored))
        .doesNotContain(
            NOTE,
            StripeTestCards.VISA,
            StripeTestCards.AUTHENTICATION_REQUIRED,
            "4242424242424242",
            "secret",
            "pi_");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @DisplayName("an edit of the roles keeps what it changed, before and after, and reads back equal")
  void roleEditsKeepBeforeAndAfter(TestDatabase db) {
    JdbcAuditSink audit = sink(db.dataSource(), agency);
    Event granted =
        new Event(
            clock.instant(),
            "staff:champion-" + n,
            Permission.ADMINISTER_ROLES,
            null,
            null,
            true,
            "allowed",
            new AuditSink.Change(
                "role:Front desk", List.of(), List.of("CHARGE_SAVED_CARD", "VIEW_PAYMENTS")));
    Event assigned =
        new Event(
            clock.instant().plusSeconds(1),
            "staff:champion-" + n,
            Permission.ADMINISTER_ROLES,
            null,
            null,
            true,
            "allowed",
            new AuditSink.Change("staff:desk-" + n, List.of("Front desk"), List.of()));
    Event denied =
        new Event(
            clock.instant().plusSeconds(2),
            desk.auditName(),
            Permission.ADMINISTER_ROLES,
            null,
            null,
            false,
            "no permission");
    audit.record(granted);
    audit.record(assigned);
    audit.record(denied);
    assertThat(audit.events(AuditQuery.all())).containsExactly(granted, assigned, denied);
  }

  @Test
  @DisplayName(
      "a decision that cannot be written stops the operation before the processor is called")
  void anUnwritableDecisionStopsTheOperation() {
    DataSource ds = TestDatabase.H2.dataSource();
    JdbcAuditSink broken = new JdbcAuditSink(new Database(ds), "no_such_table", agency);
    try (ElectronicPayments payments = facade(broken)) {
      assertThatThrownBy(() -> payments.process(desk, visa(client, "REF-X")))
          .isInstanceOf(PaymentException.class)
          .hasMessageContaining("audit trail");
    }
    assertThat(processor.chargeCount()).isZero();
  }

  @Test
  @DisplayName("the builder names the missing setting, and refuses a database without the table")
  void builderChecksItsSettings() {
    assertThatThrownBy(() -> JdbcAuditSink.builder().agency(agency).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("dataSource");
    assertThatThrownBy(
            () -> JdbcAuditSink.builder().dataSource(TestDatabase.H2.dataSource()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("agency");
    org.h2.jdbcx.JdbcDataSource empty = new org.h2.jdbcx.JdbcDataSource();
    empty.setURL("jdbc:h2:mem:empty-" + n);
    assertThatThrownBy(() -> JdbcAuditSink.builder().dataSource(empty).agency(agency).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("audit_events");
  }

  private List<String> rows(DataSource ds) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT * FROM audit_events WHERE agency_id = ?")) {
      ps.setString(1, agency.value());
      try (ResultSet rs = ps.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          for (int i = 1; i <= columns; i++) {
            out.add(String.valueOf(rs.getObject(i)));
          }
        }
      }
    }
    return out;
  }

  private static JdbcAuditSink sink(DataSource ds, AgencyId agencyId) {
    return JdbcAuditSink.builder().dataSource(ds).agency(agencyId).build();
  }

  private ElectronicPayments facade(AuditSink audit) {
    return ElectronicPayments.builder()
        .agency(
            new AgencyDetails(
                agency, "Riverside Counseling", List.of("1 Main St"), null, ZoneOffset.UTC))
        .store(InMemoryPaymentStore.create())
        .processor(processor)
        .auditSink(audit)
        .clock(clock)
        .build();
  }

  private static PaymentRequest visa(ClientId c, String reference) {
    return Node.visaPayment(c, reference);
  }
}
