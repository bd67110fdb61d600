package org.electronicpayments.testkit;

import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentStatus;

/**
 * AssertJ assertions for payment results, for host tests.
 *
 * <pre>{@code
 * import static org.electronicpayments.testkit.PaymentAssertions.assertThat;
 *
 * assertThat(payments.process(actor, request)).succeeded().hasStatus(PaymentStatus.SUCCEEDED);
 * assertThat(result).failedWithDeclineCode("insufficient_funds");
 * }</pre>
 */
public final class PaymentAssertions extends AbstractAssert<PaymentAssertions, PaymentResult> {

  private PaymentAssertions(PaymentResult actual) {
    super(actual, PaymentAssertions.class);
  }

  /**
   * Starts assertions on a result.
   *
   * @param actual the result
   * @return the assertions
   */
  public static PaymentAssertions assertThat(PaymentResult actual) {
    return new PaymentAssertions(actual);
  }

  /**
   * Checks that the payment succeeded and has a confirmation number.
   *
   * @return this assertion
   */
  public PaymentAssertions succeeded() {
    isNotNull();
    if (!(actual instanceof PaymentResult.Succeeded s)) {
      throw failure(
          "Expected the payment to succeed but it was %s%s", actual.status(), failureText());
    }
    if (s.payment().confirmationNumber() == null) {
      throw failure("Expected a confirmation number on the succeeded payment %s", s.payment().id());
    }
    return this;
  }

  /**
   * Checks that the payment failed.
   *
   * @return this assertion
   */
  public PaymentAssertions failed() {
    isNotNull();
    if (!(actual instanceof PaymentResult.Failed)) {
      throw failure("Expected the payment to fail but it was %s", actual.status());
    }
    return this;
  }

  /**
   * Checks the payment failed with the issuer's decline code (or, without one, the processor's
   * code).
   *
   * @param code such as {@code insufficient_funds} or {@code expired_card}
   * @return this
   */
  public PaymentAssertions failedWithDeclineCode(String code) {
    failed();
    PaymentFailure f = ((PaymentResult.Failed) actual).failure();
    String found = f.declineCode() != null ? f.declineCode() : f.code();
    if (!Objects.equals(found, code)) {
      throw failure("Expected decline code <%s> but was <%s> (%s)", code, found, f.reason());
    }
    return this;
  }

  /**
   * Checks that the payment needs the client's authentication (3-D Secure).
   *
   * @return this assertion
   */
  public PaymentAssertions requiresAction() {
    isNotNull();
    if (!(actual instanceof PaymentResult.RequiresAction)) {
      throw failure("Expected the payment to require action but it was %s", actual.status());
    }
    return this;
  }

  /**
   * Checks that the outcome is in doubt.
   *
   * @return this assertion
   */
  public PaymentAssertions isInDoubt() {
    isNotNull();
    if (!(actual instanceof PaymentResult.InDoubt)) {
      throw failure("Expected the outcome to be in doubt but it was %s", actual.status());
    }
    return this;
  }

  /**
   * Checks the stored status.
   *
   * @param status the expected status
   * @return this
   */
  public PaymentAssertions hasStatus(PaymentStatus status) {
    isNotNull();
    if (actual.status() != status) {
      throw failure("Expected status %s but was %s%s", status, actual.status(), failureText());
    }
    return this;
  }

  private String failureText() {
    return actual instanceof PaymentResult.Failed f ? " (" + f.failure().reason() + ")" : "";
  }
}
