package org.electronicpayments.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.electronicpayments.testkit.PaymentAssertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.electronicpayments.AccessDeniedException;
import org.electronicpayments.CardChoice;
import org.electronicpayments.Consent;
import org.electronicpayments.ConsentChannel;
import org.electronicpayments.ConsentGiver;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.StaffId;
import org.electronicpayments.roles.InMemoryRoleStore;
import org.electronicpayments.roles.RoleDirectory;
import org.electronicpayments.security.Actor;
import org.electronicpayments.security.Permission;
import org.electronicpayments.security.StandardRoles;
import org.electronicpayments.spi.AuditSink;
import org.electronicpayments.testkit.FakePaymentProcessor;
import org.electronicpayments.testkit.PaymentsTestbed;
import org.electronicpayments.testkit.RecordingAuditSink;
import org.electronicpayments.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Champion grants and revokes the front-desk role; the facade follows from the next operation.
 */
class RolesThroughTheFacadeTest {

  static final StaffId CHAMPION = StaffId.of("s-1");
  static final StaffId DESK = StaffId.of("s-17");

  PaymentsTestbed bed;
  RoleDirectory roles;
  final Actor champion = Actor.staff(CHAMPION);
  final Actor desk = Actor.staff(DESK);

  /** One audit trail for the facade and the directory, as a host would wire it. */
  final RecordingAuditSink audit = RecordingAuditSink.create();

  final TestClock clock = TestClock.at("2026-01-01T15:00:00Z");

  @BeforeEach
  void setUp() {
    roles =
        RoleDirectory.builder()
            .agency(PaymentsTestbed.AGENCY.id())
            .store(InMemoryRoleStore.create())
            .auditSink(audit)
            .clock(clock)
            .build();
    bed =
        PaymentsTestbed.create(
            FakePaymentProcessor.create(),
            b -> b.staffPermissions(roles).auditSink(audit).clock(clock));
    roles.setUp(CHAMPION);
  }

  @AfterEach
  void close() {
    bed.close();
  }

  @Test
  void theFrontDeskRoleLetsStaffTakeSaveListAndChargeCardsSavePaymentsAndEmailReceipts() {
    assertThatThrownBy(() -> bed.payments().process(desk, Requests.oneTime("pm_card_visa")))
        .isInstanceOf(AccessDeniedException.class);

    roles.assign(champion, DESK, StandardRoles.FRONT_DESK.name());

    PaymentResult first =
        bed.payments()
            .process(
                desk,
                Requests.card(
                        CardChoice.saveNew(
                            "pm_card_visa",
                            "Visa 1000",
                            Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK)))
                    .build());
    assertThat(first).succeeded();
    List<PaymentMethod> cards = bed.payments().savedCards(desk, PaymentsTestbed.CLIENT);
    assertThat(cards).singleElement().extracting(PaymentMethod::nickname).isEqualTo("Visa 1000");
    PaymentResult again =
        bed.payments().process(desk, Requests.card(CardChoice.saved(cards.get(0).id())).build());
    assertThat(again).succeeded();
    assertThat(bed.payments().save(desk, again.payment().id()).status())
        .isEqualTo(PaymentStatus.POSTED);
    bed.payments().emailReceipt(desk, again.payment().id());
    assertThat(bed.outbox().sent()).hasSize(1);
    assertThat(bed.processor().chargeCount()).isEqualTo(2);
  }

  @Test
  void unassigningTheRoleDeniesTheVeryNextOperationAndTheDenialIsAudited() {
    roles.assign(champion, DESK, "Front desk");
    PaymentResult paid = bed.payments().process(desk, Requests.oneTime("pm_card_visa"));
    assertThat(paid).succeeded();

    roles.unassign(champion, DESK, "Front desk");

    assertThatThrownBy(() -> bed.payments().save(desk, paid.payment().id()))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.permission()).isEqualTo(Permission.POST_PAYMENTS));
    assertThat(audit.events())
        .last()
        .satisfies(
            e -> {
              assertThat(e.allowed()).isFalse();
              assertThat(e.actor()).isEqualTo("staff:s-17");
              assertThat(e.paymentId()).isEqualTo(paid.payment().id());
            });
  }

  @Test
  void revokingOnePermissionFromTheRoleDeniesOnlyThatFromTheNextOperation() {
    roles.assign(champion, DESK, "Front desk");
    PaymentResult paid = bed.payments().process(desk, Requests.oneTime("pm_card_visa"));

    roles.revoke(champion, "Front desk", Permission.SEND_RECEIPTS);

    assertThatThrownBy(() -> bed.payments().emailReceipt(desk, paid.payment().id()))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(bed.outbox().sent()).isEmpty();
    assertThat(bed.payments().save(desk, paid.payment().id()).status())
        .isEqualTo(PaymentStatus.POSTED);
  }

  @Test
  void rolesCarriedByTheActorGrantNothingOnceTheDirectoryDecides() {
    Actor claimsEverything = Actor.staff(DESK, Set.of(StandardRoles.CHAMPION));
    assertThatThrownBy(
            () -> bed.payments().process(claimsEverything, Requests.oneTime("pm_card_visa")))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(bed.processor().chargeCount()).isZero();
  }

  @Test
  void aNonChampionCannotGrantThemselfTheRoleAndTheAttemptIsAuditedBesideThePaymentDecisions() {
    roles.assign(champion, DESK, "Front desk");
    audit.reset();

    assertThatThrownBy(() -> roles.grant(desk, "Front desk", Permission.REFUND))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> roles.assign(desk, DESK, "Champion"))
        .isInstanceOf(AccessDeniedException.class);

    assertThat(audit.denials())
        .hasSize(2)
        .allSatisfy(
            e -> {
              assertThat(e.permission()).isEqualTo(Permission.ADMINISTER_ROLES);
              assertThat(e.actor()).isEqualTo("staff:s-17");
            });
    assertThat(roles.permissionsOf(DESK))
        .doesNotContain(Permission.REFUND, Permission.ADMINISTER_ROLES);
  }

  @Test
  void theChampionsEditsAreInTheFacadesAuditTrailWithBeforeAndAfter() {
    audit.reset();
    roles.assign(champion, DESK, "Front desk");
    roles.revoke(champion, "Front desk", Permission.SEND_RECEIPTS);

    assertThat(audit.events())
        .extracting(AuditSink.Event::change)
        .containsExactly(
            new AuditSink.Change("staff:s-17", List.of(), List.of("Front desk")),
            new AuditSink.Change(
                "role:Front desk",
                StandardRoles.FRONT_DESK.permissions().stream()
                    .map(Permission::name)
                    .sorted()
                    .toList(),
                StandardRoles.FRONT_DESK.permissions().stream()
                    .map(Permission::name)
                    .filter(n -> !n.equals("SEND_RECEIPTS"))
                    .sorted()
                    .toList()));
    assertThat(audit.events())
        .allSatisfy(
            e -> {
              assertThat(e.allowed()).isTrue();
              assertThat(e.actor()).isEqualTo("staff:s-1");
              assertThat(e.at()).isEqualTo(clock.instant());
            });
  }

  @Test
  void aHostsOwnRoleSystemIsAskedOnEveryOperation() {
    Map<StaffId, Set<Permission>> ehr = new ConcurrentHashMap<>();
    ehr.put(DESK, EnumSet.of(Permission.PROCESS_ELECTRONIC_PAYMENTS, Permission.VIEW_PAYMENTS));
    try (PaymentsTestbed host =
        PaymentsTestbed.create(
            FakePaymentProcessor.create(),
            b -> b.staffPermissions(staff -> ehr.getOrDefault(staff, Set.of())))) {
      PaymentResult paid = host.payments().process(desk, Requests.oneTime("pm_card_visa"));
      assertThat(paid).succeeded();
      assertThat(host.payments().payment(desk, paid.payment().id()).id())
          .isEqualTo(paid.payment().id());

      ehr.put(DESK, EnumSet.of(Permission.VIEW_PAYMENTS));

      assertThatThrownBy(() -> host.payments().process(desk, Requests.oneTime("pm_card_visa")))
          .isInstanceOf(AccessDeniedException.class);
      assertThat(host.processor().chargeCount()).isEqualTo(1);
    }
  }

  @Test
  void aPermissionSourceThatFailsDeniesTheOperation() {
    try (PaymentsTestbed host =
        PaymentsTestbed.create(
            FakePaymentProcessor.create(),
            b ->
                b.staffPermissions(
                    staff -> {
                      throw new IllegalStateException("the EHR is down");
                    }))) {
      assertThatThrownBy(() -> host.payments().process(desk, Requests.oneTime("pm_card_visa")))
          .isInstanceOf(AccessDeniedException.class);
      assertThat(host.processor().chargeCount()).isZero();
    }
  }
}
