package org.electronicpayments.stripe;

import com.stripe.exception.StripeException;
import com.stripe.model.Dispute;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeCollection;
import com.stripe.param.DisputeListParams;
import com.stripe.param.RefundListParams;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.electronicpayments.DisputeStatus;
import org.electronicpayments.Money;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.spi.ProcessorDispute;
import org.electronicpayments.spi.ProcessorRefund;
import org.jspecify.annotations.Nullable;

/**
 * Reads what happened to a PaymentIntent outside the SDK: {@code GET /v1/refunds?payment_intent=}
 * (every refund, the SDK's own told apart by the {@code payment_id} metadata it sets) and {@code
 * GET /v1/disputes?payment_intent=}.
 */
final class OutsideActivity {

  private static final long PAGE = 100;

  private final StripeCalls calls;
  private final StripeSettings settings;

  OutsideActivity(StripeCalls calls, StripeSettings settings) {
    this.calls = calls;
    this.settings = settings;
  }

  List<ProcessorRefund> refunds(String paymentIntent) {
    Deadline deadline = Deadline.after(settings.deadline());
    List<Refund> all = new ArrayList<>();
    String after = null;
    try {
      while (true) {
        RefundListParams.Builder params =
            RefundListParams.builder().setPaymentIntent(paymentIntent).setLimit(PAGE);
        if (after != null) {
          params.setStartingAfter(after);
        }
        RefundListParams built = params.build();
        StripeCollection<Refund> page =
            calls.call(deadline, null, (c, o) -> c.v1().refunds().list(built, o));
        all.addAll(page.getData());
        if (!Boolean.TRUE.equals(page.getHasMore()) || page.getData().isEmpty()) {
          break;
        }
        after = page.getData().get(page.getData().size() - 1).getId();
      }
    } catch (StripeException e) {
      throw Failures.asException("Listing the refunds of " + paymentIntent, e);
    }
    List<ProcessorRefund> refunds = new ArrayList<>();
    for (int i = all.size() - 1; i >= 0; i--) { // Stripe lists newest first
      Refund r = all.get(i);
      Map<String, String> metadata = r.getMetadata();
      refunds.add(
          new ProcessorRefund(
              r.getId(),
              money(r.getAmount(), r.getCurrency()),
              status(r.getStatus()),
              metadata != null && metadata.containsKey("payment_id")));
    }
    return refunds;
  }

  @Nullable ProcessorDispute dispute(String paymentIntent) {
    DisputeListParams params =
        DisputeListParams.builder().setPaymentIntent(paymentIntent).setLimit(1L).build();
    try {
      StripeCollection<Dispute> page =
          calls.call(
              Deadline.after(settings.deadline()),
              null,
              (c, o) -> c.v1().disputes().list(params, o));
      if (page.getData().isEmpty()) {
        return null;
      }
      Dispute d = page.getData().get(0);
      return new ProcessorDispute(
          d.getId(),
          money(d.getAmount(), d.getCurrency()),
          d.getReason() == null ? "general" : d.getReason(),
          disputeStatus(d.getStatus()),
          Instant.ofEpochSecond(d.getCreated() == null ? 0 : d.getCreated()));
    } catch (StripeException e) {
      throw Failures.asException("Listing the disputes of " + paymentIntent, e);
    }
  }

  /**
   * The {@code metadata.payment_id} of a PaymentIntent, or null when it is not one of the SDK's.
   */
  @Nullable String paymentIdOf(String paymentIntent) {
    try {
      PaymentIntent pi =
          calls.call(
              Deadline.after(settings.deadline()),
              null,
              (c, o) -> c.v1().paymentIntents().retrieve(paymentIntent, o));
      return pi.getMetadata() == null ? null : pi.getMetadata().get("payment_id");
    } catch (StripeException e) {
      throw Failures.asException("Reading PaymentIntent " + paymentIntent, e);
    }
  }

  private static Money money(@Nullable Long minor, @Nullable String currency) {
    return Money.ofMinor(
        minor == null ? 0 : minor,
        Currency.getInstance(String.valueOf(currency).toUpperCase(Locale.ROOT)));
  }

  private static PaymentStatus status(@Nullable String status) {
    if ("succeeded".equals(status)) {
      return PaymentStatus.SUCCEEDED;
    }
    return "failed".equals(status) || "canceled".equals(status)
        ? PaymentStatus.FAILED
        : PaymentStatus.PENDING;
  }

  private static DisputeStatus disputeStatus(@Nullable String status) {
    if ("lost".equals(status)) {
      return DisputeStatus.LOST;
    }
    return "won".equals(status) || "warning_closed".equals(status)
        ? DisputeStatus.WON
        : DisputeStatus.OPEN;
  }
}
