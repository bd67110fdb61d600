package org.electronicpayments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A modified copy of a {@link Payment} in the making. The version is left as it was: the store
 * checks it and moves it on when it writes.
 */
public final class PaymentChange {

  private final Payment base;
  private PaymentStatus status;
  private final List<PaymentAttempt> attempts;
  private @Nullable String confirmationNumber;
  private @Nullable PaymentFailure failure;
  private @Nullable CardDetails card;
  private @Nullable PaymentMethodId savedCard;
  private final List<PaymentRefund> refunds;
  private @Nullable String postedBy;
  private @Nullable Instant postedAt;
  private @Nullable PaymentDispute dispute;

  PaymentChange(Payment base) {
    this.base = base;
    this.status = base.status();
    this.attempts = new ArrayList<>(base.attempts());
    this.confirmationNumber = base.confirmationNumber();
    this.failure = base.failure();
    this.card = base.card();
    this.savedCard = base.savedCard();
    this.refunds = new ArrayList<>(base.refunds());
    this.postedBy = base.postedBy();
    this.postedAt = base.postedAt();
    this.dispute = base.dispute();
  }

  /**
   * Sets the payment's status.
   *
   * @param s the new status
   * @return this change
   */
  public PaymentChange status(PaymentStatus s) {
    this.status = s;
    return this;
  }

  /**
   * Adds an attempt, which becomes the current one.
   *
   * @param attempt the attempt to add
   * @return this change
   */
  public PaymentChange addAttempt(PaymentAttempt attempt) {
    attempts.add(attempt);
    return this;
  }

  /**
   * Replaces the current (latest) attempt.
   *
   * @param attempt the new value of the latest attempt
   * @return this change
   */
  public PaymentChange replaceCurrentAttempt(PaymentAttempt attempt) {
    attempts.set(attempts.size() - 1, attempt);
    return this;
  }

  /**
   * Sets the confirmation number.
   *
   * @param number the confirmation number
   * @return this change
   */
  public PaymentChange confirmationNumber(@Nullable String number) {
    this.confirmationNumber = number;
    return this;
  }

  /**
   * Sets or clears why the payment failed.
   *
   * @param f the failure, or {@code null} to clear it
   * @return this change
   */
  public PaymentChange failure(@Nullable PaymentFailure f) {
    this.failure = f;
    return this;
  }

  /**
   * Sets the card that was charged.
   *
   * @param c the card charged
   * @return this change
   */
  public PaymentChange card(@Nullable CardDetails c) {
    this.card = c;
    return this;
  }

  /**
   * Sets the card that this payment saved.
   *
   * @param id the saved card
   * @return this change
   */
  public PaymentChange savedCard(@Nullable PaymentMethodId id) {
    this.savedCard = id;
    return this;
  }

  /**
   * Adds a refund.
   *
   * @param refund the refund to add
   * @return this change
   */
  public PaymentChange addRefund(PaymentRefund refund) {
    refunds.add(refund);
    return this;
  }

  /**
   * Replaces the refund with the same number.
   *
   * @param refund the new value of the refund
   * @return this change
   */
  public PaymentChange replaceRefund(PaymentRefund refund) {
    refunds.set(refund.number() - 1, refund);
    return this;
  }

  /**
   * Sets the dispute (chargeback) the processor reports for the payment.
   *
   * @param d the dispute, or {@code null} for none
   * @return this
   */
  public PaymentChange dispute(@Nullable PaymentDispute d) {
    this.dispute = d;
    return this;
  }

  /**
   * Marks the payment posted.
   *
   * @param by who saved it
   * @param at when
   * @return this
   */
  public PaymentChange posted(String by, Instant at) {
    this.postedBy = by;
    this.postedAt = at;
    return this;
  }

  /**
   * Builds the changed payment.
   *
   * @param now when the change happened
   * @return the payment, with the base's version
   */
  public Payment at(Instant now) {
    return new Payment(
        base.id(),
        base.agencyId(),
        base.request(),
        status,
        attempts,
        confirmationNumber,
        failure,
        card,
        savedCard,
        refunds,
        base.createdBy(),
        base.createdAt(),
        now,
        postedBy,
        postedAt,
        base.version(),
        dispute);
  }
}
