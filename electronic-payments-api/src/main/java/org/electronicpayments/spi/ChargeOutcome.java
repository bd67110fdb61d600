package org.electronicpayments.spi;

import java.util.Objects;
import org.electronicpayments.CardDetails;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.PaymentMethodId;
import org.jspecify.annotations.Nullable;

/** What a processor call found out about a charge. */
public sealed interface ChargeOutcome {

  /**
   * The processor's id for the charge, when it has one.
   *
   * @return the reference, or {@code null}
   */
  @Nullable String processorReference();

  /**
   * The charge exists at the processor but nothing is charged yet (a PaymentIntent awaiting
   * confirmation).
   *
   * @param processorReference the processor's id
   */
  record Prepared(String processorReference) implements ChargeOutcome {
    /** Requires the reference. */
    public Prepared {
      Objects.requireNonNull(processorReference, "processorReference");
    }
  }

  /**
   * Charged.
   *
   * @param processorReference the processor's id for the charge (Stripe's {@code pi_…})
   * @param chargeReference the processor's id for the money movement (Stripe's {@code ch_…}), used
   *     as the confirmation number
   * @param card the card charged, if known
   * @param savedCard the reusable card saved for the client, for {@link CardUse#SAVE_FOR_FUTURE}:
   *     the card already saved when its fingerprint matched one
   */
  record Charged(
      String processorReference,
      String chargeReference,
      @Nullable CardDetails card,
      @Nullable PaymentMethodId savedCard)
      implements ChargeOutcome {
    /** Requires the references. */
    public Charged {
      Objects.requireNonNull(processorReference, "processorReference");
      Objects.requireNonNull(chargeReference, "chargeReference");
    }
  }

  /**
   * Definitely not charged, and never will be under this attempt's key.
   *
   * @param processorReference the processor's id, if one was made
   * @param failure why
   */
  record Declined(@Nullable String processorReference, PaymentFailure failure)
      implements ChargeOutcome {
    /** Requires the failure. */
    public Declined {
      Objects.requireNonNull(failure, "failure");
    }
  }

  /**
   * The client must authenticate (3-D Secure) in their browser.
   *
   * @param processorReference the processor's id
   * @param clientSecret the secret for the processor's browser library; never logged
   */
  record ActionRequired(String processorReference, @Nullable String clientSecret)
      implements ChargeOutcome {
    /** Requires the reference. */
    public ActionRequired {
      Objects.requireNonNull(processorReference, "processorReference");
    }

    @Override
    public String toString() {
      return "ActionRequired[processorReference="
          + processorReference
          + ", clientSecret=[redacted]]";
    }
  }

  /**
   * Unknown: the call timed out, the connection dropped, or the charge is still processing.
   *
   * @param processorReference the processor's id, if known
   * @param reason what happened, free of secrets
   */
  record Unknown(@Nullable String processorReference, String reason) implements ChargeOutcome {
    /** Requires the reason. */
    public Unknown {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
