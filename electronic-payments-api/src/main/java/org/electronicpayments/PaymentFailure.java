package org.electronicpayments;

import java.util.Objects;
import org.electronicpayments.internal.DeclineReasons;
import org.jspecify.annotations.Nullable;

/**
 * Why a payment failed, for the front desk and for support.
 *
 * @param kind what sort of failure
 * @param code the processor's error code, such as {@code card_declined}, if any
 * @param declineCode the issuer's decline code, such as {@code insufficient_funds}, if any
 * @param reason a plain-language reason and what to do next, for the person at the desk
 * @param processorResponse the processor's own message, if any
 */
public record PaymentFailure(
    Kind kind,
    @Nullable String code,
    @Nullable String declineCode,
    String reason,
    @Nullable String processorResponse) {

  /** Checks the kind and reason are present. */
  public PaymentFailure {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * A decline, with the plain-language reason derived from the codes.
   *
   * @param code the processor's code
   * @param declineCode the issuer's decline code
   * @param processorResponse the processor's message
   * @return the failure
   */
  public static PaymentFailure declined(
      @Nullable String code, @Nullable String declineCode, @Nullable String processorResponse) {
    return new PaymentFailure(
        Kind.DECLINED,
        code,
        declineCode,
        DeclineReasons.reasonFor(code, declineCode),
        processorResponse);
  }

  /** What sort of failure. */
  public enum Kind {
    /** The card or its bank refused the charge. */
    DECLINED,
    /** The processor refused the request itself (an invalid or unusable payment method). */
    REJECTED,
    /** The outcome was unknown; reconciliation found nothing charged and cancelled the attempt. */
    CANCELLED,
    /** The client did not complete the card's authentication. */
    AUTHENTICATION_FAILED
  }
}
