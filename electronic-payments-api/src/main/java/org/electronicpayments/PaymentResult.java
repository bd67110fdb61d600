package org.electronicpayments;

import java.util.Objects;

/**
 * The outcome of processing a payment. A declined card is a {@link Failed} result, not an
 * exception; an unknown outcome is {@link InDoubt}, never {@link Failed}.
 *
 * <pre>{@code
 * switch (payments.process(actor, request)) {
 *   case PaymentResult.Succeeded s -> show("Approved, confirmation " + s.confirmationNumber());
 *   case PaymentResult.Failed f -> show(f.failure().reason());
 *   case PaymentResult.RequiresAction a -> startThreeDSecure(a.clientSecret());
 *   case PaymentResult.InDoubt d -> show("Still confirming with the card processor…");
 * }
 * }</pre>
 *
 * (Pattern matching in switch needs Java 21; on 17 use {@code instanceof}.)
 */
public sealed interface PaymentResult {

  /**
   * The payment as stored after this outcome.
   *
   * @return the payment
   */
  Payment payment();

  /**
   * The status of the payment.
   *
   * @return the status
   */
  default PaymentStatus status() {
    return payment().status();
  }

  /**
   * The result that matches a stored payment's status.
   *
   * @param payment the payment
   * @return its result; {@code PENDING} and {@code PROCESSING} read as in doubt
   */
  static PaymentResult of(Payment payment) {
    return switch (payment.status()) {
      case SUCCEEDED, POSTED, REFUNDED, PARTIALLY_REFUNDED -> new Succeeded(payment);
      case FAILED -> new Failed(payment);
      case REQUIRES_ACTION -> new RequiresAction(payment, null);
      case PENDING, PROCESSING, IN_DOUBT -> new InDoubt(payment);
    };
  }

  /**
   * Charged (or, for cash and check, recorded).
   *
   * @param payment the payment
   */
  record Succeeded(Payment payment) implements PaymentResult {
    /** Requires the payment. */
    public Succeeded {
      Objects.requireNonNull(payment, "payment");
    }

    /**
     * Returns the confirmation number to give the client.
     *
     * @return the confirmation number
     */
    public String confirmationNumber() {
      return Objects.requireNonNull(payment.confirmationNumber(), "confirmationNumber");
    }
  }

  /**
   * Nothing was charged.
   *
   * @param payment the payment
   */
  record Failed(Payment payment) implements PaymentResult {
    /** Requires the payment. */
    public Failed {
      Objects.requireNonNull(payment, "payment");
    }

    /**
     * Returns why the payment failed: a plain-language reason and the processor's response.
     *
     * @return the failure
     */
    public PaymentFailure failure() {
      return Objects.requireNonNull(payment.failure(), "failure");
    }
  }

  /**
   * The card needs 3-D Secure: pass the client secret to the processor's page in the client's
   * browser. The client secret is never logged or shown by {@code toString}.
   *
   * @param payment the payment
   * @param clientSecret the secret for the processor's browser library; {@code null} when the
   *     result was read back from the store, which never keeps it
   */
  record RequiresAction(Payment payment, @org.jspecify.annotations.Nullable String clientSecret)
      implements PaymentResult {
    /** Requires the payment. */
    public RequiresAction {
      Objects.requireNonNull(payment, "payment");
    }

    @Override
    public String toString() {
      return "RequiresAction[payment="
          + payment.id()
          + ", clientSecret="
          + (clientSecret == null ? "none" : "[redacted]")
          + "]";
    }
  }

  /**
   * The outcome is not known yet (a timeout or a dropped connection). The payment is journaled;
   * {@code reconcile} settles it. Do not take another payment for the same charge meanwhile.
   *
   * @param payment the payment
   */
  record InDoubt(Payment payment) implements PaymentResult {
    /** Requires the payment. */
    public InDoubt {
      Objects.requireNonNull(payment, "payment");
    }
  }
}
