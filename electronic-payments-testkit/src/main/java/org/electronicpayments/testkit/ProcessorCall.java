package org.electronicpayments.testkit;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One call a {@link FakePaymentProcessor} received, as its call log shows it.
 *
 * <pre>{@code
 * assertThat(fake.calls()).extracting(ProcessorCall::operation)
 *     .containsExactly(Operation.PREPARE, Operation.CONFIRM);
 * }</pre>
 *
 * @param operation which method was called
 * @param idempotencyKey the request's idempotency key (the base key, before the fake derives {@code
 *     -create}, {@code -confirm}… from it), or {@code null} for calls that carry none
 * @param result the simple name of what the call answered ({@code Prepared}, {@code Charged},
 *     {@code Declined}, {@code ActionRequired}, {@code Unknown}, {@code Refunded}, {@code
 *     Rejected}, {@code ok}) or of the exception it threw
 */
public record ProcessorCall(
    FakePaymentProcessor.Operation operation, @Nullable String idempotencyKey, String result) {

  /** Requires the operation and result. */
  public ProcessorCall {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(result, "result");
  }
}
