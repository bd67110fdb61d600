package org.electronicpayments.spi;

import java.util.Objects;
import org.electronicpayments.CardDetails;
import org.electronicpayments.PaymentMethodId;

/**
 * A card as the processor holds it for a customer.
 *
 * @param id the reusable payment method id
 * @param card what may be shown of it
 */
public record ProcessorCard(PaymentMethodId id, CardDetails card) {

  /** Requires both parts. */
  public ProcessorCard {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(card, "card");
  }
}
