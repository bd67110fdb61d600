package org.electronicpayments.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.electronicpayments.ClientId;
import org.electronicpayments.StaffId;
import org.electronicpayments.spi.StaffPermissions;
import org.junit.jupiter.api.Test;

/** A policy that asks a {@link StaffPermissions} source, on every decision, what staff may do. */
class StaffResolvingPolicyTest {

  static final StaffId DESK = StaffId.of("s-17");
  static final ClientId CLIENT = ClientId.of("1000");

  final Map<StaffId, Set<Permission>> hostRoles = new ConcurrentHashMap<>();
  final AccessPolicy policy =
      AccessPolicy.standard()
          .resolvingStaffThrough(staff -> hostRoles.getOrDefault(staff, Set.of()));

  @Test
  void aPermissionTheHostGrantsIsAllowedAndOneItRevokesIsDeniedFromTheNextDecision() {
    hostRoles.put(DESK, EnumSet.of(Permission.PROCESS_ELECTRONIC_PAYMENTS));
    assertThat(
            policy
                .decide(Actor.staff(DESK), Permission.PROCESS_ELECTRONIC_PAYMENTS, CLIENT)
                .allowed())
        .isTrue();

    hostRoles.put(DESK, EnumSet.noneOf(Permission.class));
    assertThat(
            policy
                .decide(Actor.staff(DESK), Permission.PROCESS_ELECTRONIC_PAYMENTS, CLIENT)
                .allowed())
        .isFalse();
  }

  @Test
  void rolesTheActorCarriesAreIgnoredOnceASourceDecides() {
    Actor carriesEverything = Actor.staff(DESK, Set.of(Role.allPermissions("Champion")));
    assertThat(policy.decide(carriesEverything, Permission.REFUND, CLIENT).allowed()).isFalse();
  }

  @Test
  void permissionsTheSourceGrantsIncludeWhatTheyInclude() {
    hostRoles.put(DESK, EnumSet.of(Permission.CHARGE_SAVED_CARD));
    assertThat(policy.decide(Actor.staff(DESK), Permission.VIEW_SAVED_CARDS, CLIENT).allowed())
        .isTrue();
  }

  @Test
  void clientsAndBackgroundJobsAreJudgedAsBefore() {
    assertThat(policy.decide(Actor.client(CLIENT), Permission.VIEW_PAYMENTS, CLIENT).allowed())
        .isTrue();
    assertThat(
            policy
                .decide(Actor.client(CLIENT), Permission.VIEW_PAYMENTS, ClientId.of("2000"))
                .allowed())
        .isFalse();
    assertThat(
            policy
                .decide(Actor.system("reconciler"), Permission.RECONCILE_PAYMENTS, null)
                .allowed())
        .isTrue();
  }
}
