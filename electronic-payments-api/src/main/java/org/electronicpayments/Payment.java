package org.electronicpayments;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A payment as stored: the request (with its date posted filled in), where it is in its lifecycle,
 * every attempt, and who did what when. Immutable; each change makes a new version.
 *
 * @param id the payment's id
 * @param agencyId the agency it belongs to
 * @param request what was asked, with {@code datePosted} always set
 * @param status where it is in its lifecycle
 * @param attempts the card attempts, oldest first; empty for cash and check
 * @param confirmationNumber the processor's charge id, or the payment id for cash and check, once
 *     succeeded
 * @param failure why it failed, when it did
 * @param card brand and last four of the card charged, once known
 * @param savedCard the card saved by this payment, if it saved one
 * @param refunds the refunds, oldest first
 * @param createdBy who opened it (an actor's audit name)
 * @param createdAt when it was journaled
 * @param updatedAt when it last changed
 * @param postedBy who saved it, once posted
 * @param postedAt when it was posted
 * @param version the optimistic-locking version, 0 when first stored
 * @param dispute the dispute (chargeback) the card holder's bank raised, if any
 */
public record Payment(
    PaymentId id,
    AgencyId agencyId,
    PaymentRequest request,
    PaymentStatus status,
    List<PaymentAttempt> attempts,
    @Nullable String confirmationNumber,
    @Nullable PaymentFailure failure,
    @Nullable CardDetails card,
    @Nullable PaymentMethodId savedCard,
    List<PaymentRefund> refunds,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    @Nullable String postedBy,
    @Nullable Instant postedAt,
    long version,
    @Nullable PaymentDispute dispute) {

  /** Checks the parts and copies the attempts. */
  public Payment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(agencyId, "agencyId");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(request.datePosted(), "request.datePosted");
    Objects.requireNonNull(status, "status");
    attempts = List.copyOf(attempts);
    refunds = List.copyOf(refunds);
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /**
   * A payment without a dispute.
   *
   * @param id the payment's id
   * @param agencyId the agency it belongs to
   * @param request what was asked, with {@code datePosted} always set
   * @param status where it is in its lifecycle
   * @param attempts the card attempts, oldest first
   * @param confirmationNumber the confirmation number, once succeeded
   * @param failure why it failed, when it did
   * @param card the card charged, once known
   * @param savedCard the card saved by this payment, if any
   * @param refunds the refunds, oldest first
   * @param createdBy who opened it
   * @param createdAt when it was journaled
   * @param updatedAt when it last changed
   * @param postedBy who saved it, once posted
   * @param postedAt when it was posted
   * @param version the optimistic-locking version
   */
  public Payment(
      PaymentId id,
      AgencyId agencyId,
      PaymentRequest request,
      PaymentStatus status,
      List<PaymentAttempt> attempts,
      @Nullable String confirmationNumber,
      @Nullable PaymentFailure failure,
      @Nullable CardDetails card,
      @Nullable PaymentMethodId savedCard,
      List<PaymentRefund> refunds,
      String createdBy,
      Instant createdAt,
      Instant updatedAt,
      @Nullable String postedBy,
      @Nullable Instant postedAt,
      long version) {
    this(
        id,
        agencyId,
        request,
        status,
        attempts,
        confirmationNumber,
        failure,
        card,
        savedCard,
        refunds,
        createdBy,
        createdAt,
        updatedAt,
        postedBy,
        postedAt,
        version,
        null);
  }

  /**
   * Whether the card holder's bank disputes the payment (open, won or lost).
   *
   * @return true when a dispute was raised
   */
  public boolean isDisputed() {
    return dispute != null;
  }

  /**
   * The client paying.
   *
   * @return the client
   */
  public ClientId clientId() {
    return request.clientId();
  }

  /**
   * The amount received.
   *
   * @return the amount
   */
  public Money amount() {
    return request.amountReceived();
  }

  /**
   * How much has been refunded (succeeded refunds only).
   *
   * @return the total refunded
   */
  public Money refunded() {
    Money total = Money.ofMinor(0, amount().currency());
    for (PaymentRefund r : refunds) {
      if (r.status() == PaymentStatus.SUCCEEDED) {
        total = total.plus(r.amount());
      }
    }
    return total;
  }

  /**
   * The latest attempt, if the payment charges a card.
   *
   * @return the latest attempt, or {@code null} for cash and check
   */
  public @Nullable PaymentAttempt currentAttempt() {
    return attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
  }

  /**
   * Whether staff saved (posted) the payment.
   *
   * @return true once posted
   */
  public boolean isPosted() {
    return postedAt != null;
  }

  /**
   * This payment at another version; for stores, which move the version on when they write.
   *
   * @param newVersion the version
   * @return the copy
   */
  public Payment withVersion(long newVersion) {
    return new Payment(
        id,
        agencyId,
        request,
        status,
        attempts,
        confirmationNumber,
        failure,
        card,
        savedCard,
        refunds,
        createdBy,
        createdAt,
        updatedAt,
        postedBy,
        postedAt,
        newVersion,
        dispute);
  }

  /**
   * Starts a modified copy.
   *
   * @return a builder holding this payment's values
   */
  public PaymentChange change() {
    return new PaymentChange(this);
  }
}
