package org.electronicpayments.spi;

import java.time.Instant;
import java.util.Objects;
import org.electronicpayments.AgencyId;
import org.electronicpayments.ClientId;
import org.electronicpayments.Money;
import org.electronicpayments.PaymentId;
import org.jspecify.annotations.Nullable;

/**
 * One attempt to charge a card, as the processor receives it. It holds only what the processor may
 * see (G5): opaque ids, the amount, the card and the receipt address; never a note, a reference's
 * text or anything about the appointment.
 *
 * @param paymentId the payment
 * @param agencyId the agency
 * @param clientId the client
 * @param attempt the attempt number
 * @param idempotencyKey the attempt's key; every processor call of the attempt derives its own key
 *     from it ({@code key + "-create"}, {@code key + "-confirm"}…)
 * @param amount the amount
 * @param paymentMethod the processor's token or PaymentMethod id
 * @param use how the card is used
 * @param customerReference the client's customer at the processor; required to save or charge a
 *     saved card
 * @param receiptEmail where the processor may send its own receipt, if anywhere
 * @param deadline when the caller stops waiting, on the system clock ({@code Instant.now()}), never
 *     the host's business clock
 */
public record ChargeRequest(
    PaymentId paymentId,
    AgencyId agencyId,
    ClientId clientId,
    int attempt,
    String idempotencyKey,
    Money amount,
    String paymentMethod,
    CardUse use,
    @Nullable String customerReference,
    @Nullable String receiptEmail,
    Instant deadline) {

  /** Checks the parts. */
  public ChargeRequest {
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(agencyId, "agencyId");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(paymentMethod, "paymentMethod");
    Objects.requireNonNull(use, "use");
    Objects.requireNonNull(deadline, "deadline");
    if (use != CardUse.ONE_TIME && customerReference == null) {
      throw new IllegalArgumentException(use + " needs the client's customer reference");
    }
  }

  /**
   * Whether the charge runs without the client present.
   *
   * @return true for off-session charges
   */
  public boolean offSession() {
    return use == CardUse.SAVED_OFF_SESSION;
  }

  /** Leaves out the receipt email. */
  @Override
  public String toString() {
    return "ChargeRequest[payment="
        + paymentId
        + ", attempt="
        + attempt
        + ", amount="
        + amount
        + ", use="
        + use
        + "]";
  }
}
