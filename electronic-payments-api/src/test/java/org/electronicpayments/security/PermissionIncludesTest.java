package org.electronicpayments.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Which permissions include others, and the standard roles built on them. */
class PermissionIncludesTest {

  @Test
  void aRoleThatMayChargeASavedCardMayListTheClientsCardsToChooseOne() {
    assertThat(
            Role.of("Charges only", Permission.CHARGE_SAVED_CARD)
                .allows(Permission.VIEW_SAVED_CARDS))
        .isTrue();
    assertThat(
            Role.of("Manages only", Permission.MANAGE_SAVED_CARDS)
                .allows(Permission.VIEW_SAVED_CARDS))
        .isTrue();
  }

  @Test
  void listingCardsIncludesNothingElse() {
    Role viewer = Role.of("Viewer", Permission.VIEW_SAVED_CARDS);
    for (Permission p : EnumSet.complementOf(EnumSet.of(Permission.VIEW_SAVED_CARDS))) {
      assertThat(viewer.allows(p)).as(p.name()).isFalse();
    }
  }

  @Test
  void everyOtherPermissionIncludesOnlyItself() {
    for (Permission held :
        EnumSet.complementOf(
            EnumSet.of(Permission.CHARGE_SAVED_CARD, Permission.MANAGE_SAVED_CARDS))) {
      for (Permission asked : Permission.values()) {
        assertThat(held.includes(asked)).as(held + " includes " + asked).isEqualTo(held == asked);
      }
    }
  }

  @Test
  void
      frontDeskTakesSavesListsAndChargesCardsPostsAndSendsReceiptsButNeitherRefundsNorEditsRoles() {
    Role desk = StandardRoles.FRONT_DESK;
    assertThat(desk.name()).isEqualTo("Front desk");
    for (Permission p :
        EnumSet.of(
            Permission.PROCESS_ELECTRONIC_PAYMENTS,
            Permission.SAVE_CARD,
            Permission.VIEW_SAVED_CARDS,
            Permission.CHARGE_SAVED_CARD,
            Permission.POST_PAYMENTS,
            Permission.SEND_RECEIPTS,
            Permission.RECORD_PAYMENTS,
            Permission.VIEW_PAYMENTS)) {
      assertThat(desk.allows(p)).as(p.name()).isTrue();
    }
    for (Permission p :
        EnumSet.of(
            Permission.REFUND,
            Permission.MANAGE_SAVED_CARDS,
            Permission.ADMINISTER_ROLES,
            Permission.RECONCILE_PAYMENTS)) {
      assertThat(desk.allows(p)).as(p.name()).isFalse();
    }
  }

  @Test
  void theChampionHoldsEveryPermissionIncludingAdministeringRoles() {
    assertThat(StandardRoles.CHAMPION.permissions()).containsExactlyInAnyOrder(Permission.values());
  }
}
