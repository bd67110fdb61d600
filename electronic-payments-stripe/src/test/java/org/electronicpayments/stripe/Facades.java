package org.electronicpayments.stripe;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.electronicpayments.AgencyDetails;
import org.electronicpayments.AppointmentId;
import org.electronicpayments.CardChoice;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.Origin;
import org.electronicpayments.Payer;
import org.electronicpayments.PaymentRequest;
import org.electronicpayments.PaymentType;
import org.electronicpayments.StaffId;
import org.electronicpayments.security.Actor;
import org.electronicpayments.security.Role;
import org.electronicpayments.spi.PaymentProcessor;
import org.electronicpayments.testkit.InMemoryPaymentStore;

/**
 * The facade over the Stripe processor, with the testkit's in-memory store, and New Payment
 * requests.
 */
final class Facades {

  static final AgencyDetails AGENCY =
      new AgencyDetails(
          Fixtures.AGENCY,
          "Riverside Counseling",
          List.of("1 Main Street", "Springfield"),
          null,
          ZoneId.of("America/New_York"));
  static final Actor DESK = Actor.staff(StaffId.of("s-1"), Set.of(Role.allPermissions("Champion")));
  static final String NOTE = "1/1/2026 DOS 90837 anxiety follow-up";
  static final String APPOINTMENT = "appt-intake-zq";
  static final String REFERENCE_TEXT = "CC copay Dr Smith";

  private Facades() {}

  static ElectronicPayments facade(PaymentProcessor processor) {
    return ElectronicPayments.builder()
        .processor(processor)
        .store(InMemoryPaymentStore.create())
        .agency(AGENCY)
        .deadline(Duration.ofSeconds(5))
        .build();
  }

  /**
   * A New Payment window filled in with every free-text field the host has, none of which may reach
   * Stripe.
   */
  static PaymentRequest request(CardChoice card, boolean clientPresent, String amount) {
    return PaymentRequest.builder()
        .client(Fixtures.CLIENT)
        .appointment(AppointmentId.of(APPOINTMENT))
        .origin(Origin.APPOINTMENTS)
        .emailReceiptTo("client@example.org")
        .reference(
            "1.1.2026 " + REFERENCE_TEXT + " " + UUID.randomUUID().toString().substring(0, 8))
        .type(PaymentType.CREDIT_CARD)
        .payer(Payer.CO_PAY)
        .amountReceived(amount)
        .note(NOTE)
        .electronic(true)
        .card(card)
        .clientPresent(clientPresent)
        .build();
  }
}
