package org.electronicpayments.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.electronicpayments.ClientId;
import org.electronicpayments.PaymentId;
import org.electronicpayments.StaffId;
import org.electronicpayments.security.Actor;
import org.electronicpayments.security.Permission;
import org.electronicpayments.security.Role;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuditQueryTest {

  private static final Instant T0 = Instant.parse("2026-01-01T15:00:00Z");
  private static final Actor DESK =
      Actor.staff(StaffId.of("s-1"), Set.of(Role.allPermissions("front desk")));
  private static final PaymentId PAYMENT = PaymentId.of("pay-1");
  private static final AuditSink.Event VIEWED =
      new AuditSink.Event(
          T0,
          DESK.auditName(),
          Permission.VIEW_PAYMENTS,
          ClientId.of("1000"),
          PAYMENT,
          true,
          "allowed");

  @Test
  @DisplayName(
      "each filter narrows: client, payment, actor, and time from (included) to (excluded)")
  void filtersNarrow() {
    assertThat(AuditQuery.all().matches(VIEWED)).isTrue();
    assertThat(AuditQuery.all().client(ClientId.of("1000")).matches(VIEWED)).isTrue();
    assertThat(AuditQuery.all().client(ClientId.of("2000")).matches(VIEWED)).isFalse();
    assertThat(AuditQuery.all().payment(PAYMENT).matches(VIEWED)).isTrue();
    assertThat(AuditQuery.all().payment(PaymentId.of("pay-2")).matches(VIEWED)).isFalse();
    assertThat(AuditQuery.all().actor(DESK).matches(VIEWED)).isTrue();
    assertThat(AuditQuery.all().actor(Actor.client(ClientId.of("1000"))).matches(VIEWED)).isFalse();
    assertThat(AuditQuery.all().between(T0, T0.plusNanos(1)).matches(VIEWED)).isTrue();
    assertThat(AuditQuery.all().between(T0.minusSeconds(1), T0).matches(VIEWED)).isFalse();
    assertThat(AuditQuery.all().between(T0.plusNanos(1), null).matches(VIEWED)).isFalse();
    AuditSink.Event noClient =
        new AuditSink.Event(
            T0, "system:reconciler", Permission.RECONCILE_PAYMENTS, null, null, true, "allowed");
    assertThat(AuditQuery.all().client(ClientId.of("1000")).matches(noClient)).isFalse();
  }

  @Test
  @DisplayName("a page, a time range and an actor must make sense")
  void refusesNonsense() {
    assertThatThrownBy(() -> AuditQuery.all().page(-1, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuditQuery.all().page(0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuditQuery.all().between(T0, T0.minusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("to");
    assertThatThrownBy(() -> new AuditQuery(null, null, " ", null, null, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("actor");
  }
}
