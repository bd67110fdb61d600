package org.electronicpayments.security;

import java.util.List;

/**
 * The roles every agency starts with. The help article's single "electronic payments" permission is
 * {@link #FRONT_DESK}: the agency's {@link #CHAMPION} grants it to a staff member by assigning the
 * role (through the {@code org.electronicpayments.roles} directory, or the host's own role system).
 *
 * <pre>{@code
 * directory.setUp(StaffId.of("s-1"));      // defines both roles; s-1 becomes the Champion
 * directory.assign(champion, StaffId.of("s-17"), StandardRoles.FRONT_DESK.name());
 * }</pre>
 */
public final class StandardRoles {

  /**
   * "Front desk": take a card payment and save the card ({@code PROCESS_ELECTRONIC_PAYMENTS},
   * {@code SAVE_CARD}), list the client's saved cards and charge one ({@code VIEW_SAVED_CARDS},
   * {@code CHARGE_SAVED_CARD}), record cash and checks ({@code RECORD_PAYMENTS}), save (post)
   * payments ({@code POST_PAYMENTS}), see them ({@code VIEW_PAYMENTS}) and send receipts ({@code
   * SEND_RECEIPTS}). Not refunds, not changing or removing saved cards, not roles.
   */
  public static final Role FRONT_DESK =
      Role.of(
          "Front desk",
          Permission.PROCESS_ELECTRONIC_PAYMENTS,
          Permission.SAVE_CARD,
          Permission.VIEW_SAVED_CARDS,
          Permission.CHARGE_SAVED_CARD,
          Permission.RECORD_PAYMENTS,
          Permission.POST_PAYMENTS,
          Permission.VIEW_PAYMENTS,
          Permission.SEND_RECEIPTS);

  /**
   * "Champion": the agency's administrator, with every permission, {@code ADMINISTER_ROLES}
   * included: only a Champion edits roles.
   */
  public static final Role CHAMPION = Role.allPermissions("Champion");

  private StandardRoles() {}

  /**
   * Both standard roles.
   *
   * @return front desk, then Champion
   */
  public static List<Role> all() {
    return List.of(FRONT_DESK, CHAMPION);
  }
}
