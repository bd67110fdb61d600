package org.electronicpayments.testkit;

import java.util.List;
import java.util.Objects;
import org.electronicpayments.AgencyId;
import org.electronicpayments.ClientId;
import org.electronicpayments.PaymentMethodId;

/**
 * A customer a {@link FakePaymentProcessor} made, as its ledger shows it.
 *
 * @param reference the customer's id ({@code cus_fake_…})
 * @param agencyId the agency that asked for it
 * @param clientId the client it belongs to
 * @param cards the cards attached to it, newest first
 */
public record FakeCustomer(
    String reference, AgencyId agencyId, ClientId clientId, List<PaymentMethodId> cards) {

  /** Requires every part and copies the cards. */
  public FakeCustomer {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(agencyId, "agencyId");
    Objects.requireNonNull(clientId, "clientId");
    cards = List.copyOf(cards);
  }
}
