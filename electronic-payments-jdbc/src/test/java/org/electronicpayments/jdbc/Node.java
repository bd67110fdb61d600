package org.electronicpayments.jdbc;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.electronicpayments.AgencyDetails;
import org.electronicpayments.AgencyId;
import org.electronicpayments.CardChoice;
import org.electronicpayments.ClientId;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.Origin;
import org.electronicpayments.Payer;
import org.electronicpayments.PaymentRequest;
import org.electronicpayments.PaymentType;
import org.electronicpayments.StaffId;
import org.electronicpayments.security.Actor;
import org.electronicpayments.security.Role;
import org.electronicpayments.spi.PaymentProcessor;
import org.electronicpayments.spi.PaymentStore;
import org.electronicpayments.testkit.StripeTestCards;
import org.electronicpayments.testkit.TestClock;

/** One host node: a facade on its own store instance, as a host process would build it. */
final class Node {

  static final Actor STAFF =
      Actor.staff(StaffId.of("s-1"), Set.of(Role.allPermissions("front desk")));
  static final Actor RECONCILER = Actor.system("reconciler");

  private Node() {}

  static ElectronicPayments facade(
      AgencyId agency, PaymentStore store, PaymentProcessor processor, TestClock clock) {
    return ElectronicPayments.builder()
        .agency(
            new AgencyDetails(
                agency, "Riverside Counseling", List.of("1 Main St"), null, ZoneOffset.UTC))
        .store(store)
        .processor(processor)
        .clock(clock)
        .build();
  }

  static PaymentRequest visaPayment(ClientId client, String reference) {
    return PaymentRequest.builder()
        .client(client)
        .origin(Origin.APPOINTMENTS)
        .reference(reference)
        .type(PaymentType.CREDIT_CARD)
        .payer(Payer.CO_PAY)
        .amountReceived("10.00")
        .electronic(true)
        .card(CardChoice.oneTime(StripeTestCards.VISA))
        .build();
  }
}
