package org.electronicpayments.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.electronicpayments.ClientId;
import org.electronicpayments.RepresentativeId;
import org.electronicpayments.StaffId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The full actor × permission × relationship matrix of the standard policy. */
class StandardAccessPolicyTest {

  static final ClientId OWN = ClientId.of("1000");
  static final ClientId OTHER = ClientId.of("2000");
  static final Set<Permission> PORTAL =
      EnumSet.of(
          Permission.PROCESS_ELECTRONIC_PAYMENTS,
          Permission.SAVE_CARD,
          Permission.CHARGE_SAVED_CARD,
          Permission.VIEW_SAVED_CARDS,
          Permission.MANAGE_SAVED_CARDS,
          Permission.SEND_RECEIPTS,
          Permission.VIEW_PAYMENTS);

  enum Relationship {
    OWN_CLIENT,
    OTHER_CLIENT,
    NO_CLIENT
  }

  static Stream<Arguments> matrix() {
    List<Arguments> rows = new ArrayList<>();
    for (Permission p : Permission.values()) {
      for (Relationship rel : Relationship.values()) {
        ClientId client =
            rel == Relationship.OWN_CLIENT ? OWN : rel == Relationship.OTHER_CLIENT ? OTHER : null;
        Actor granted = Actor.staff(StaffId.of("s-1"), Set.of(Role.of("r", p)));
        Actor ungranted =
            Actor.staff(
                StaffId.of("s-2"),
                Set.of(
                    Role.of("r", EnumSet.complementOf(EnumSet.of(p)).toArray(Permission[]::new))));
        Actor noRoles = Actor.staff(StaffId.of("s-3"), Set.of());
        Actor self = Actor.client(OWN);
        Actor rep =
            Actor.representative(RepresentativeId.of("r-1"), Set.of(OWN, ClientId.of("3000")));
        Actor system = Actor.system("reconciler");
        boolean ownClient = rel == Relationship.OWN_CLIENT;
        rows.add(Arguments.of("staff granted " + p, granted, p, rel, client, true));
        // Charging or managing saved cards includes listing them.
        rows.add(
            Arguments.of(
                "staff with every other permission",
                ungranted,
                p,
                rel,
                client,
                p == Permission.VIEW_SAVED_CARDS));
        rows.add(Arguments.of("staff without roles", noRoles, p, rel, client, false));
        rows.add(Arguments.of("client", self, p, rel, client, ownClient && PORTAL.contains(p)));
        rows.add(
            Arguments.of("representative", rep, p, rel, client, ownClient && PORTAL.contains(p)));
        rows.add(
            Arguments.of(
                "system job",
                system,
                p,
                rel,
                client,
                p == Permission.RECONCILE_PAYMENTS || p == Permission.VIEW_PAYMENTS));
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} / {2} / {3} -> {5}")
  @MethodSource("matrix")
  void decidesEveryCombinationAsDesigned(
      String who,
      Actor actor,
      Permission permission,
      Relationship rel,
      ClientId client,
      boolean allowed) {
    AccessDecision d = AccessPolicy.standard().decide(actor, permission, client);
    assertThat(d.allowed()).isEqualTo(allowed);
    assertThat(d.reason()).isNotBlank();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("matrix")
  void portalActorsNeverReachAnotherClient(
      String who,
      Actor actor,
      Permission permission,
      Relationship rel,
      ClientId client,
      boolean allowed) {
    if (!(actor instanceof Actor.Staff)
        && !(actor instanceof Actor.SystemJob)
        && rel != Relationship.OWN_CLIENT) {
      assertThat(AccessPolicy.standard().decide(actor, permission, client).allowed()).isFalse();
    }
  }
}
