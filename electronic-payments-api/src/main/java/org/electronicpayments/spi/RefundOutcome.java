package org.electronicpayments.spi;

import java.util.Objects;
import org.electronicpayments.PaymentFailure;

/** What a refund call found out. */
public sealed interface RefundOutcome {

  /**
   * Refunded.
   *
   * @param refundReference the processor's id for the refund (Stripe's {@code re_…})
   */
  record Refunded(String refundReference) implements RefundOutcome {
    /** Requires the reference. */
    public Refunded {
      Objects.requireNonNull(refundReference, "refundReference");
    }
  }

  /**
   * Not refunded.
   *
   * @param failure why
   */
  record Rejected(PaymentFailure failure) implements RefundOutcome {
    /** Requires the failure. */
    public Rejected {
      Objects.requireNonNull(failure, "failure");
    }
  }

  /**
   * Unknown; a retry with the same key is safe.
   *
   * @param reason what happened
   */
  record Unknown(String reason) implements RefundOutcome {
    /** Requires the reason. */
    public Unknown {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
