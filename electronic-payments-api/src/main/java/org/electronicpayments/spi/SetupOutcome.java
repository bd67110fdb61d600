package org.electronicpayments.spi;

import java.util.Objects;
import org.electronicpayments.CardDetails;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.PaymentMethodId;
import org.jspecify.annotations.Nullable;

/** What a processor call found out about saving a card without a payment. */
public sealed interface SetupOutcome {

  /**
   * The processor's id for the setup, when it has one.
   *
   * @return the reference, or {@code null}
   */
  @Nullable String processorReference();

  /**
   * The setup exists at the processor, not yet confirmed (Stripe: a SetupIntent in {@code
   * requires_confirmation}).
   *
   * @param processorReference the processor's id
   */
  record Prepared(String processorReference) implements SetupOutcome {
    /** Requires the reference. */
    public Prepared {
      Objects.requireNonNull(processorReference, "processorReference");
    }
  }

  /**
   * The card is saved to the customer, set up for off-session charges.
   *
   * @param processorReference the processor's id for the setup
   * @param card the reusable card's id
   * @param details what may be shown of the card, fingerprint included
   */
  record Saved(String processorReference, PaymentMethodId card, CardDetails details)
      implements SetupOutcome {
    /** Requires every part. */
    public Saved {
      Objects.requireNonNull(processorReference, "processorReference");
      Objects.requireNonNull(card, "card");
      Objects.requireNonNull(details, "details");
    }
  }

  /**
   * The client must authenticate the card (3-D Secure) in their browser.
   *
   * @param processorReference the processor's id
   * @param clientSecret the secret for the processor's browser library; never logged
   */
  record ActionRequired(String processorReference, @Nullable String clientSecret)
      implements SetupOutcome {
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
   * Definitely not saved, and never will be under this setup's key.
   *
   * @param processorReference the processor's id, if one was made
   * @param failure why
   */
  record Declined(@Nullable String processorReference, PaymentFailure failure)
      implements SetupOutcome {
    /** Requires the failure. */
    public Declined {
      Objects.requireNonNull(failure, "failure");
    }
  }

  /**
   * Unknown: the call timed out, the connection dropped, or the setup is still processing.
   *
   * @param processorReference the processor's id, if known
   * @param reason what happened, free of secrets
   */
  record Unknown(@Nullable String processorReference, String reason) implements SetupOutcome {
    /** Requires the reason. */
    public Unknown {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
