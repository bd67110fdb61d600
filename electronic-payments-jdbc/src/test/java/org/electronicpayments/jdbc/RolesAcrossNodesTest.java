package org.electronicpayments.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.electronicpayments.AccessDeniedException;
import org.electronicpayments.AgencyId;
import org.electronicpayments.CardChoice;
import org.electronicpayments.Origin;
import org.electronicpayments.Payer;
import org.electronicpayments.PaymentRequest;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentType;
import org.electronicpayments.StaffId;
import org.electronicpayments.roles.RoleDirectory;
import org.electronicpayments.security.Actor;
import org.electronicpayments.security.Permission;
import org.electronicpayments.security.StandardRoles;
import org.electronicpayments.testkit.FakePaymentProcessor;
import org.electronicpayments.testkit.PaymentsTestbed;
import org.electronicpayments.testkit.RecordingAuditSink;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Champion edits roles on one node; a facade on another node follows from its next operation.
 */
class RolesAcrossNodesTest {

  private static final StaffId CHAMPION = StaffId.of("s-1");
  private static final StaffId DESK = StaffId.of("s-17");

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @DisplayName(
      "a role granted on one node is honoured, and revoked is refused, by the next operation on another")
  void revocationReachesEveryNode(TestDatabase db) {
    AgencyId agency = AgencyId.of("agency-" + UUID.randomUUID().toString().substring(0, 8));
    RecordingAuditSink audit = RecordingAuditSink.create();
    RoleDirectory championsNode =
        RoleDirectory.builder()
            .agency(agency)
            .store(JdbcRoleStore.builder().dataSource(db.dataSource()).build())
            .auditSink(audit)
            .build();
    RoleDirectory frontDeskNode =
        RoleDirectory.builder()
            .agency(agency)
            .store(JdbcRoleStore.builder().dataSource(db.dataSource()).build())
            .auditSink(audit)
            .build();
    championsNode.setUp(CHAMPION);
    Actor champion = Actor.staff(CHAMPION);
    Actor desk = Actor.staff(DESK);

    try (PaymentsTestbed bed =
        PaymentsTestbed.create(
            FakePaymentProcessor.create(), b -> b.staffPermissions(frontDeskNode))) {
      assertThatThrownBy(() -> bed.payments().process(desk, request()))
          .isInstanceOf(AccessDeniedException.class);

      championsNode.assign(champion, DESK, StandardRoles.FRONT_DESK.name());
      PaymentResult paid = bed.payments().process(desk, request());
      assertThat(paid).isInstanceOf(PaymentResult.Succeeded.class);

      championsNode.revoke(champion, StandardRoles.FRONT_DESK.name(), Permission.POST_PAYMENTS);
      assertThatThrownBy(() -> bed.payments().save(desk, paid.payment().id()))
          .isInstanceOfSatisfying(
              AccessDeniedException.class,
              e -> assertThat(e.permission()).isEqualTo(Permission.POST_PAYMENTS));
      assertThat(bed.processor().chargeCount()).isEqualTo(1);
    }
  }

  private static PaymentRequest request() {
    return PaymentRequest.builder()
        .client(PaymentsTestbed.CLIENT)
        .origin(Origin.PAYMENTS)
        .reference("1.1.2026 1000 CC " + UUID.randomUUID().toString().substring(0, 8))
        .type(PaymentType.CREDIT_CARD)
        .payer(Payer.CO_PAY)
        .amountReceived("10.00")
        .electronic(true)
        .card(CardChoice.oneTime("pm_card_visa"))
        .build();
  }
}
