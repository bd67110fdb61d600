package org.electronicpayments.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.electronicpayments.AgencyId;
import org.electronicpayments.CardDetails;
import org.electronicpayments.CardSetupId;
import org.electronicpayments.ClientId;
import org.electronicpayments.DisputeStatus;
import org.electronicpayments.Money;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.ProcessorException;
import org.electronicpayments.spi.CardUse;
import org.electronicpayments.spi.ChargeOutcome;
import org.electronicpayments.spi.ChargeRequest;
import org.electronicpayments.spi.CustomerRequest;
import org.electronicpayments.spi.PaymentProcessor;
import org.electronicpayments.spi.ProcessorCard;
import org.electronicpayments.spi.ProcessorDispute;
import org.electronicpayments.spi.ProcessorRefund;
import org.electronicpayments.spi.RefundOutcome;
import org.electronicpayments.spi.RefundRequest;
import org.electronicpayments.spi.SetupOutcome;
import org.electronicpayments.spi.SetupRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract every {@link PaymentProcessor} must pass, written against the SPI alone and against
 * Stripe's test payment methods ({@link StripeTestCards}). Extend it and supply the processor;
 * every test uses fresh payment ids, clients and idempotency keys, so one processor (and one Stripe
 * emulator behind it) may serve them all.
 *
 * <pre>{@code
 * class StripePaymentProcessorCompatibilityTest extends PaymentProcessorCompatibilityKit {
 *   @Override
 *   protected PaymentProcessor processor() {
 *     return processor;
 *   }
 * }
 * }</pre>
 */
public abstract class PaymentProcessorCompatibilityKit {

  private static final AgencyId AGENCY = AgencyId.of("agency-compatibility-kit");
  private static final Money TEN = Money.usd("10.00");

  /**
   * The processor under test; may return the same instance for every test.
   *
   * @return the processor
   */
  protected abstract PaymentProcessor processor();

  /**
   * Completes the client's 3-D Secure step for a charge waiting for it ({@link
   * ChargeOutcome.ActionRequired}), as the client would in the browser; afterwards {@code resolve}
   * reports where the charge is. A fake finishes it directly, an emulator through its own controls.
   * Where it cannot be done (Stripe's test mode from a test, say), abort the test with a JUnit
   * assumption, giving the reason.
   *
   * <pre>{@code
   * @Override
   * protected void completeAuthentication(String processorReference) {
   *   fake.completeAuthentication(processorReference, true);
   * }
   * }</pre>
   *
   * @param processorReference the charge waiting for authentication
   */
  protected abstract void completeAuthentication(String processorReference);

  /**
   * Completes the client's 3-D Secure step for a card setup waiting for it ({@link
   * SetupOutcome.ActionRequired}), as the client would with Stripe.js's {@code confirmCardSetup};
   * afterwards {@code resolveSetup} reports the card saved. Where it cannot be done, abort the test
   * with a JUnit assumption, giving the reason.
   *
   * @param processorReference the setup waiting for authentication
   */
  protected abstract void completeSetupAuthentication(String processorReference);

  /** Saving a card without a payment. */
  @Nested
  @DisplayName("Saving a card without a payment")
  class SettingUpACard {

    @Test
    @DisplayName(
        "is prepared, then confirmed: the card is attached to the customer, listed, and charged off-session later")
    void isPreparedThenConfirmedAndTheCardChargedOffSessionLater() {
      String customer = customer();
      SetupRequest request = setup(StripeTestCards.VISA, customer);
      String reference =
          expect(SetupOutcome.Prepared.class, processor().prepareSetup(request))
              .processorReference();
      SetupOutcome.Saved saved =
          expect(SetupOutcome.Saved.class, processor().confirmSetup(request, reference));
      assertThat(saved.processorReference()).isEqualTo(reference);
      assertThat(saved.card().value()).isNotEqualTo(StripeTestCards.VISA);
      assertThat(saved.details().last4()).isEqualTo("4242");
      assertThat(saved.details().fingerprint()).isNotBlank();
      assertThat(processor().listCards(customer))
          .extracting(ProcessorCard::id)
          .containsExactly(saved.card());
      ChargeOutcome.Charged charged =
          expect(
              ChargeOutcome.Charged.class,
              charge(request(saved.card().value(), CardUse.SAVED_OFF_SESSION, customer, TEN)));
      assertThat(
              Objects.requireNonNull(charged.card(), "a charged card payment names its card")
                  .last4())
          .isEqualTo("4242");
    }

    @Test
    @DisplayName("replays prepare and confirm under their keys: one setup, one card")
    void replaysPrepareAndConfirm() {
      String customer = customer();
      SetupRequest request = setup(StripeTestCards.MASTERCARD, customer);
      String reference =
          expect(SetupOutcome.Prepared.class, processor().prepareSetup(request))
              .processorReference();
      assertThat(processor().prepareSetup(request).processorReference()).isEqualTo(reference);
      PaymentMethodId first =
          expect(SetupOutcome.Saved.class, processor().confirmSetup(request, reference)).card();
      assertThat(
              expect(SetupOutcome.Saved.class, processor().confirmSetup(request, reference)).card())
          .isEqualTo(first);
      assertThat(expect(SetupOutcome.Saved.class, processor().resolveSetup(request, null)).card())
          .isEqualTo(first);
      assertThat(processor().listCards(customer))
          .extracting(ProcessorCard::id)
          .containsExactly(first);
    }

    @TestFactory
    @DisplayName("with a declining card is declined with Stripe's codes and attaches nothing")
    Stream<DynamicTest> withADecliningCardIsDeclinedAndAttachesNothing() {
      return declining()
          .map(
              c ->
                  DynamicTest.dynamicTest(
                      c.paymentMethod(),
                      () -> {
                        String customer = customer();
                        SetupRequest request = setup(c.paymentMethod(), customer);
                        SetupOutcome prepared = processor().prepareSetup(request);
                        SetupOutcome outcome =
                            prepared instanceof SetupOutcome.Prepared p
                                ? processor().confirmSetup(request, p.processorReference())
                                : prepared;
                        c.check(expect(SetupOutcome.Declined.class, outcome).failure());
                        assertThat(processor().listCards(customer)).isEmpty();
                      }));
    }

    @Test
    @DisplayName(
        "with pm_card_authenticationRequiredOnSetup needs the client's action, then saves the card for off-session charges")
    void onSetupNeedsActionThenSavesTheCard() {
      String customer = customer();
      SetupRequest request = setup(StripeTestCards.AUTHENTICATION_REQUIRED_ON_SETUP, customer);
      String reference =
          expect(SetupOutcome.Prepared.class, processor().prepareSetup(request))
              .processorReference();
      SetupOutcome.ActionRequired action =
          expect(SetupOutcome.ActionRequired.class, processor().confirmSetup(request, reference));
      assertThat(action.clientSecret()).isNotBlank();
      assertThat(
              expect(
                      SetupOutcome.ActionRequired.class,
                      processor().resolveSetup(request, reference))
                  .processorReference())
          .isEqualTo(reference);
      assertThat(processor().listCards(customer)).isEmpty();
      completeSetupAuthentication(reference);
      SetupOutcome.Saved saved =
          expect(SetupOutcome.Saved.class, processor().resolveSetup(request, reference));
      assertThat(processor().listCards(customer))
          .extracting(ProcessorCard::id)
          .containsExactly(saved.card());
      expect(
          ChargeOutcome.Charged.class,
          charge(request(saved.card().value(), CardUse.SAVED_OFF_SESSION, customer, TEN)));
    }

    @Test
    @DisplayName(
        "resolved before it was confirmed is cancelled and saves nothing, even when confirmed later")
    void resolvedBeforeConfirmationIsCancelled() {
      String customer = customer();
      SetupRequest request = setup(StripeTestCards.VISA, customer);
      String reference =
          expect(SetupOutcome.Prepared.class, processor().prepareSetup(request))
              .processorReference();
      assertThat(
              expect(SetupOutcome.Declined.class, processor().resolveSetup(request, reference))
                  .failure()
                  .kind())
          .isEqualTo(PaymentFailure.Kind.CANCELLED);
      assertThat(processor().confirmSetup(request, reference))
          .isNotInstanceOf(SetupOutcome.Saved.class);
      assertThat(processor().listCards(customer)).isEmpty();
    }

    @Test
    @DisplayName("resolved without a reference finds the prepared setup by its key")
    void resolvedWithoutAReferenceFindsThePreparedSetup() {
      String customer = customer();
      SetupRequest request = setup(StripeTestCards.VISA, customer);
      String reference =
          expect(SetupOutcome.Prepared.class, processor().prepareSetup(request))
              .processorReference();
      SetupOutcome.Declined cancelled =
          expect(SetupOutcome.Declined.class, processor().resolveSetup(request, null));
      assertThat(cancelled.processorReference()).isEqualTo(reference);
      assertThat(processor().listCards(customer)).isEmpty();
    }
  }

  /**
   * Refunds a charge outside the SDK, as staff would in the processor's own dashboard (with no
   * idempotency key or metadata of the SDK). The default aborts the tests that need it with a JUnit
   * assumption: override it where the backend can (a fake directly, an emulator through its test
   * hooks).
   *
   * @param processorReference the charge
   * @param amount how much
   */
  protected void dashboardRefund(String processorReference, Money amount) {
    Assumptions.abort("this backend cannot refund outside the SDK from a test");
  }

  /**
   * Opens a dispute (chargeback) of a charge, as the card holder's bank would. The default aborts
   * the tests that need it, like {@link #dashboardRefund}.
   *
   * @param processorReference the charge
   * @param reason the bank's reason, such as {@code fraudulent}
   * @param amount how much is disputed
   */
  protected void openDispute(String processorReference, String reason, Money amount) {
    Assumptions.abort("this backend cannot open a dispute from a test");
  }

  /**
   * Closes the open dispute of a charge, as the bank decides it. The default aborts the tests that
   * need it, like {@link #dashboardRefund}.
   *
   * @param processorReference the charge
   * @param won whether the agency won
   */
  protected void closeDispute(String processorReference, boolean won) {
    Assumptions.abort("this backend cannot close a dispute from a test");
  }

  /**
   * Detaches a saved card from its customer outside the SDK, as staff would in the processor's
   * dashboard. The default aborts the tests that need it, like {@link #dashboardRefund}.
   *
   * @param id the card
   */
  protected void dashboardDetach(PaymentMethodId id) {
    Assumptions.abort("this backend cannot detach a card outside the SDK from a test");
  }

  /** What staff or the card holder's bank did at the processor, outside the SDK. */
  @Nested
  @DisplayName("Outside the SDK")
  class OutsideTheSdk {

    @Test
    @DisplayName(
        "a charge's refunds are listed, the SDK's own told apart from those made in the dashboard")
    void refundsAreListedTheSdksOwnToldApart() {
      Paid charged = charged();
      assertThat(processor().listRefunds(charged.charged().processorReference())).isEmpty();
      String own =
          expect(RefundOutcome.Refunded.class, refund(charged, "4.00", unique())).refundReference();
      dashboardRefund(charged.charged().processorReference(), Money.usd("2.50"));
      List<ProcessorRefund> listed =
          processor().listRefunds(charged.charged().processorReference());
      assertThat(listed).hasSize(2);
      assertThat(listed).allMatch(r -> r.status() == PaymentStatus.SUCCEEDED);
      ProcessorRefund sdk =
          listed.stream().filter(ProcessorRefund::madeThroughSdk).findFirst().orElseThrow();
      ProcessorRefund outside =
          listed.stream().filter(r -> !r.madeThroughSdk()).findFirst().orElseThrow();
      assertThat(sdk.reference()).isEqualTo(own);
      assertThat(sdk.amount()).isEqualTo(Money.usd("4.00"));
      assertThat(outside.reference()).isNotEqualTo(own).isNotBlank();
      assertThat(outside.amount()).isEqualTo(Money.usd("2.50"));
      expect(RefundOutcome.Rejected.class, refund(charged, "3.51", unique()));
      expect(RefundOutcome.Refunded.class, refund(charged, "3.50", unique()));
    }

    @Test
    @DisplayName("another charge's refunds are not listed")
    void anotherChargesRefundsAreNotListed() {
      Paid one = charged();
      Paid other = charged();
      dashboardRefund(other.charged().processorReference(), Money.usd("1.00"));
      assertThat(processor().listRefunds(one.charged().processorReference())).isEmpty();
      assertThat(processor().listRefunds(other.charged().processorReference())).hasSize(1);
    }

    @Test
    @DisplayName("a dispute is found with its reason and amount, open, then lost or won")
    void aDisputeIsFoundOpenThenClosed() {
      Paid lost = charged();
      Paid won = charged();
      assertThat(processor().findDispute(lost.charged().processorReference())).isNull();
      openDispute(lost.charged().processorReference(), "fraudulent", TEN);
      openDispute(won.charged().processorReference(), "product_not_received", Money.usd("6.00"));
      ProcessorDispute open =
          Objects.requireNonNull(
              processor().findDispute(lost.charged().processorReference()), "the open dispute");
      assertThat(open.status()).isEqualTo(DisputeStatus.OPEN);
      assertThat(open.reason()).isEqualTo("fraudulent");
      assertThat(open.amount()).isEqualTo(TEN);
      closeDispute(lost.charged().processorReference(), false);
      closeDispute(won.charged().processorReference(), true);
      ProcessorDispute closed =
          Objects.requireNonNull(
              processor().findDispute(lost.charged().processorReference()), "the lost dispute");
      assertThat(closed.status()).isEqualTo(DisputeStatus.LOST);
      assertThat(closed.reference()).isEqualTo(open.reference());
      ProcessorDispute decided =
          Objects.requireNonNull(
              processor().findDispute(won.charged().processorReference()), "the won dispute");
      assertThat(decided.status()).isEqualTo(DisputeStatus.WON);
      assertThat(decided.reason()).isEqualTo("product_not_received");
      assertThat(decided.amount()).isEqualTo(Money.usd("6.00"));
    }

    @Test
    @DisplayName("a card detached in the dashboard is no longer listed for its customer")
    void aCardDetachedInTheDashboardIsNoLongerListed() {
      String customer = customer();
      PaymentMethodId kept = save(customer, StripeTestCards.VISA);
      PaymentMethodId detached = save(customer, StripeTestCards.MASTERCARD);
      dashboardDetach(detached);
      assertThat(processor().listCards(customer))
          .extracting(ProcessorCard::id)
          .containsExactly(kept);
    }
  }

  /** Charging a card once, without saving it. */
  @Nested
  @DisplayName("A one-time charge")
  class OneTimeCharge {

    @Test
    @DisplayName(
        "is prepared, then confirmed with a charge reference and the card's brand and last four")
    void isPreparedThenConfirmedWithAChargeReferenceAndTheCard() {
      ChargeRequest request = request(StripeTestCards.VISA, CardUse.ONE_TIME, null, TEN);
      String reference =
          expect(ChargeOutcome.Prepared.class, processor().prepare(request)).processorReference();
      ChargeOutcome.Charged charged =
          expect(ChargeOutcome.Charged.class, processor().confirm(request, reference));
      assertThat(charged.processorReference()).isEqualTo(reference);
      assertThat(charged.chargeReference()).isNotBlank().isNotEqualTo(reference);
      assertThat(charged.card()).isNotNull();
      assertThat(charged.card().brand()).isEqualTo("visa");
      assertThat(charged.card().last4()).isEqualTo("4242");
      assertThat(charged.savedCard()).isNull();
    }

    @TestFactory
    @DisplayName("succeeds with each succeeding test card, showing its brand and last four")
    Stream<DynamicTest> succeedsWithEachSucceedingTestCard() {
      return Stream.of(
              new String[] {StripeTestCards.VISA, "visa", "4242"},
              new String[] {StripeTestCards.MASTERCARD, "mastercard", "4444"},
              new String[] {StripeTestCards.AMEX, "amex", "8431"})
          .map(
              c ->
                  DynamicTest.dynamicTest(
                      c[0],
                      () -> {
                        ChargeOutcome.Charged charged =
                            expect(
                                ChargeOutcome.Charged.class,
                                charge(request(c[0], CardUse.ONE_TIME, null, TEN)));
                        assertThat(cardOf(charged).brand()).isEqualTo(c[1]);
                        assertThat(cardOf(charged).last4()).isEqualTo(c[2]);
                      }));
    }

    @TestFactory
    @DisplayName(
        "with a declining test card is declined with Stripe's codes and nothing is charged")
    Stream<DynamicTest> withADecliningCardIsDeclinedWithStripesCodesAndNothingIsCharged() {
      return declining()
          .map(
              c ->
                  DynamicTest.dynamicTest(
                      c.paymentMethod(),
                      () -> {
                        ChargeRequest request =
                            request(c.paymentMethod(), CardUse.ONE_TIME, null, TEN);
                        ChargeOutcome.Declined declined =
                            expect(ChargeOutcome.Declined.class, charge(request));
                        c.check(declined.failure());
                        assertNotCharged(request, declined.processorReference());
                      }));
    }
  }

  /** Stripe's idempotency, as the SPI promises it. */
  @Nested
  @DisplayName("The same idempotency key")
  class SameKey {

    @Test
    @DisplayName("prepares one charge however often prepare is called, whatever the deadline")
    void preparesOneChargeHoweverOftenPrepareIsCalled() {
      ChargeRequest request = request(StripeTestCards.VISA, CardUse.ONE_TIME, null, TEN);
      String first =
          expect(ChargeOutcome.Prepared.class, processor().prepare(request)).processorReference();
      ChargeRequest later = withDeadline(request, request.deadline().plusSeconds(60));
      assertThat(
              expect(ChargeOutcome.Prepared.class, processor().prepare(later)).processorReference())
          .isEqualTo(first);
    }

    @Test
    @DisplayName("charges once when confirm is called twice, with the same charge reference")
    void chargesOnceWhenConfirmIsCalledTwice() {
      ChargeRequest request = request(StripeTestCards.VISA, CardUse.ONE_TIME, null, TEN);
      String reference =
          expect(ChargeOutcome.Prepared.class, processor().prepare(request)).processorReference();
      ChargeOutcome.Charged first =
          expect(ChargeOutcome.Charged.class, processor().confirm(request, reference));
      ChargeOutcome.Charged again =
          expect(ChargeOutcome.Charged.class, processor().confirm(request, reference));
      assertThat(again.chargeReference()).isEqualTo(first.chargeReference());
      ChargeOutcome.Charged resolved =
          expect(ChargeOutcome.Charged.class, processor().resolve(request, reference));
      assertThat(resolved.chargeReference()).isEqualTo(first.chargeReference());
    }

    @Test
    @DisplayName("replays a decline")
    void replaysADecline() {
      ChargeRequest request =
          request(StripeTestCards.INSUFFICIENT_FUNDS, CardUse.ONE_TIME, null, TEN);
      assertThat(expect(ChargeOutcome.Declined.class, charge(request)).failure().declineCode())
          .isEqualTo("insufficient_funds");
      assertThat(expect(ChargeOutcome.Declined.class, charge(request)).failure().declineCode())
          .isEqualTo("insufficient_funds");
    }

    @Test
    @DisplayName("used again with different parameters is refused as a processor error")
    void usedAgainWithDifferentParametersIsRefused() {
      ChargeRequest request = request(StripeTestCards.VISA, CardUse.ONE_TIME, null, TEN);
      expect(ChargeOutcome.Prepared.class, processor().prepare(request));
      ChargeRequest other =
          new ChargeRequest(
              request.paymentId(),
              request.agencyId(),
              request.clientId(),
              request.attempt(),
              request.idempotencyKey(),
              Money.usd("11.00"),
              request.paymentMethod(),
              request.use(),
              null,
              null,
              request.deadline());
      assertThatThrownBy(() -> processor().prepare(other)).isInstanceOf(ProcessorException.class);
    }

    @Test
    @DisplayName("finds the same customer again, while another key makes another customer")
    void findsTheSameCustomerAgain() {
      ClientId client = ClientId.of("client-" + unique());
      CustomerRequest ask = new CustomerRequest(AGENCY, client, "customer-" + unique());
      String customer = processor().ensureCustomer(ask);
      assertThat(processor().ensureCustomer(ask)).isEqualTo(customer);
      String other =
          processor()
              .ensureCustomer(
                  new CustomerRequest(
                      AGENCY, ClientId.of("client-" + unique()), "customer-" + unique()));
      assertThat(other).isNotBlank().isNotEqualTo(customer);
      assertThat(processor().listCards(other)).isEmpty();
    }
  }

  /** New cards saved for the client. */
  @Nested
  @DisplayName("Saving a card for future use")
  class SavingACard {

    @Test
    @DisplayName("charges it and attaches a reusable card to the customer, which is listed")
    void chargesItAndAttachesAReusableCard() {
      String customer = customer();
      ChargeOutcome.Charged charged =
          expect(
              ChargeOutcome.Charged.class,
              charge(request(StripeTestCards.VISA, CardUse.SAVE_FOR_FUTURE, customer, TEN)));
      assertThat(charged.savedCard()).isNotNull();
      assertThat(charged.savedCard().value()).isNotEqualTo(StripeTestCards.VISA);
      List<ProcessorCard> cards = processor().listCards(customer);
      assertThat(cards).extracting(ProcessorCard::id).containsExactly(charged.savedCard());
      assertThat(cards.get(0).card().brand()).isEqualTo("visa");
      assertThat(cards.get(0).card().last4()).isEqualTo("4242");
      assertThat(cards.get(0).card().fingerprint()).isNotBlank();
    }

    @Test
    @DisplayName("saves the same card twice as one saved card, and another card separately")
    void savesTheSameCardOnce() {
      String customer = customer();
      PaymentMethodId first = save(customer, StripeTestCards.VISA);
      assertThat(save(customer, StripeTestCards.VISA)).isEqualTo(first);
      PaymentMethodId other = save(customer, StripeTestCards.MASTERCARD);
      assertThat(processor().listCards(customer))
          .extracting(ProcessorCard::id)
          .containsExactlyInAnyOrder(first, other);
    }

    @TestFactory
    @DisplayName("with a declining card is declined at prepare and saves nothing")
    Stream<DynamicTest> withADecliningCardIsDeclinedAtPrepareAndSavesNothing() {
      return declining()
          .map(
              c ->
                  DynamicTest.dynamicTest(
                      c.paymentMethod(),
                      () -> {
                        String customer = customer();
                        ChargeRequest request =
                            request(c.paymentMethod(), CardUse.SAVE_FOR_FUTURE, customer, TEN);
                        c.check(
                            expect(ChargeOutcome.Declined.class, processor().prepare(request))
                                .failure());
                        assertThat(processor().listCards(customer)).isEmpty();
                        assertNotCharged(request, null);
                      }));
    }

    @Test
    @DisplayName(
        "with pm_card_chargeCustomerFail attaches it, declines the charge and leaves no saved card")
    void withChargeCustomerFailDeclinesAndLeavesNoSavedCard() {
      String customer = customer();
      ChargeRequest request =
          request(StripeTestCards.CUSTOMER_FAIL, CardUse.SAVE_FOR_FUTURE, customer, TEN);
      String reference =
          expect(ChargeOutcome.Prepared.class, processor().prepare(request)).processorReference();
      PaymentFailure failure =
          expect(ChargeOutcome.Declined.class, processor().confirm(request, reference)).failure();
      assertThat(failure.kind()).isEqualTo(PaymentFailure.Kind.DECLINED);
      assertThat(failure.code()).isEqualTo("card_declined");
      assertThat(processor().listCards(customer)).isEmpty();
      assertNotCharged(request, reference);
    }

    @Test
    @DisplayName("lets the saved card be charged on-session and off-session")
    void letsTheSavedCardBeChargedOnAndOffSession() {
      String customer = customer();
      PaymentMethodId saved = save(customer, StripeTestCards.MASTERCARD);
      for (CardUse use : new CardUse[] {CardUse.SAVED_ON_SESSION, CardUse.SAVED_OFF_SESSION}) {
        ChargeOutcome.Charged charged =
            expect(ChargeOutcome.Charged.class, charge(request(saved.value(), use, customer, TEN)));
        assertThat(cardOf(charged).last4()).isEqualTo("4444");
      }
    }

    @Test
    @DisplayName("does not let another customer charge the saved card")
    void doesNotLetAnotherCustomerChargeTheSavedCard() {
      PaymentMethodId saved = save(customer(), StripeTestCards.VISA);
      ChargeRequest request = request(saved.value(), CardUse.SAVED_OFF_SESSION, customer(), TEN);
      ChargeOutcome.Declined declined = expect(ChargeOutcome.Declined.class, charge(request));
      assertThat(declined.failure().kind()).isEqualTo(PaymentFailure.Kind.REJECTED);
      assertNotCharged(request, declined.processorReference());
    }
  }

  /** Cards that ask for 3-D Secure. */
  @Nested
  @DisplayName("A card that needs 3-D Secure")
  class ThreeDSecure {

    @Test
    @DisplayName("needs the client's action on-session, and stays waiting for it when resolved")
    void needsTheClientsActionOnSession() {
      ChargeRequest request =
          request(StripeTestCards.AUTHENTICATION_REQUIRED, CardUse.ONE_TIME, null, TEN);
      ChargeOutcome.ActionRequired action =
          expect(ChargeOutcome.ActionRequired.class, charge(request));
      assertThat(action.clientSecret()).isNotBlank();
      assertThat(
              expect(
                      ChargeOutcome.ActionRequired.class,
                      processor().resolve(request, action.processorReference()))
                  .processorReference())
          .isEqualTo(action.processorReference());
    }

    @Test
    @DisplayName(
        "once saved, is declined off-session with authentication_required and needs action on-session")
    void onceSavedIsDeclinedOffSessionAndNeedsActionOnSession() {
      String customer = customer();
      expect(
          ChargeOutcome.ActionRequired.class,
          charge(
              request(
                  StripeTestCards.AUTHENTICATION_REQUIRED,
                  CardUse.SAVE_FOR_FUTURE,
                  customer,
                  TEN)));
      List<ProcessorCard> cards = processor().listCards(customer);
      assertThat(cards).hasSize(1);
      ChargeRequest offSession =
          request(cards.get(0).id().value(), CardUse.SAVED_OFF_SESSION, customer, TEN);
      ChargeOutcome.Declined declined = expect(ChargeOutcome.Declined.class, charge(offSession));
      assertThat(declined.failure().kind()).isEqualTo(PaymentFailure.Kind.DECLINED);
      assertThat(declined.failure().code()).isEqualTo("authentication_required");
      assertNotCharged(offSession, declined.processorReference());
      expect(
          ChargeOutcome.ActionRequired.class,
          charge(request(cards.get(0).id().value(), CardUse.SAVED_ON_SESSION, customer, TEN)));
    }

    @Test
    @DisplayName("on setup only, needs the client's action for a one-time charge")
    void onSetupOnlyNeedsActionForAOneTimeCharge() {
      ChargeRequest request =
          request(StripeTestCards.AUTHENTICATION_REQUIRED_ON_SETUP, CardUse.ONE_TIME, null, TEN);
      ChargeOutcome.ActionRequired action =
          expect(ChargeOutcome.ActionRequired.class, charge(request));
      assertThat(action.clientSecret()).isNotBlank();
    }

    @Test
    @DisplayName(
        "on setup only, needs action to be saved; once authenticated, it is saved and charged off-session")
    void onSetupOnlyNeedsActionToBeSavedThenIsChargedOffSession() {
      String customer = customer();
      ChargeRequest request =
          request(
              StripeTestCards.AUTHENTICATION_REQUIRED_ON_SETUP,
              CardUse.SAVE_FOR_FUTURE,
              customer,
              TEN);
      ChargeOutcome.ActionRequired action =
          expect(ChargeOutcome.ActionRequired.class, charge(request));
      completeAuthentication(action.processorReference());
      ChargeOutcome.Charged charged =
          expect(
              ChargeOutcome.Charged.class,
              processor().resolve(request, action.processorReference()));
      assertThat(charged.processorReference()).isEqualTo(action.processorReference());
      assertThat(charged.savedCard()).as("saved card").isNotNull();
      assertThat(cardOf(charged).last4()).isEqualTo("3155");
      assertThat(processor().listCards(customer))
          .extracting(ProcessorCard::id)
          .containsExactly(charged.savedCard());
      ChargeOutcome.Charged offSession =
          expect(
              ChargeOutcome.Charged.class,
              charge(
                  request(charged.savedCard().value(), CardUse.SAVED_OFF_SESSION, customer, TEN)));
      assertThat(cardOf(offSession).last4()).isEqualTo("3155");
    }

    @Test
    @DisplayName("on setup only, saved without completing authentication, is declined off-session")
    void onSetupOnlySavedWithoutAuthenticationIsDeclinedOffSession() {
      String customer = customer();
      expect(
          ChargeOutcome.ActionRequired.class,
          charge(
              request(
                  StripeTestCards.AUTHENTICATION_REQUIRED_ON_SETUP,
                  CardUse.SAVE_FOR_FUTURE,
                  customer,
                  TEN)));
      List<ProcessorCard> cards = processor().listCards(customer);
      assertThat(cards).hasSize(1);
      ChargeRequest offSession =
          request(cards.get(0).id().value(), CardUse.SAVED_OFF_SESSION, customer, TEN);
      ChargeOutcome.Declined declined = expect(ChargeOutcome.Declined.class, charge(offSession));
      assertThat(declined.failure().code()).isEqualTo("authentication_required");
      assertNotCharged(offSession, declined.processorReference());
    }
  }

  /** Settling charges whose outcome was lost. */
  @Nested
  @DisplayName("Resolving a charge")
  class Resolving {

    @Test
    @DisplayName("cancels one never confirmed, so that a later confirm does not charge it")
    void cancelsOneNeverConfirmed() {
      ChargeRequest request = request(StripeTestCards.VISA, CardUse.ONE_TIME, null, TEN);
      String reference =
          expect(ChargeOutcome.Prepared.class, processor().prepare(request)).processorReference();
      assertCancelled(processor().resolve(request, reference));
      assertThat(processor().confirm(request, reference))
          .isNotInstanceOf(ChargeOutcome.Charged.class);
      assertNotCharged(request, reference);
    }

    @Test
    @DisplayName("cancels a card-saving one never confirmed, leaving no saved card behind")
    void cancelsACardSavingOneLeavingNoSavedCard() {
      String customer = customer();
      ChargeRequest request = request(StripeTestCards.VISA, CardUse.SAVE_FOR_FUTURE, customer, TEN);
      String reference =
          expect(ChargeOutcome.Prepared.class, processor().prepare(request)).processorReference();
      assertCancelled(processor().resolve(request, reference));
      assertThat(processor().listCards(customer)).isEmpty();
    }

    @Test
    @DisplayName("reports a charged one as charged, with its charge reference")
    void reportsAChargedOneAsCharged() {
      ChargeRequest request = request(StripeTestCards.AMEX, CardUse.ONE_TIME, null, TEN);
      ChargeOutcome.Charged charged = expect(ChargeOutcome.Charged.class, charge(request));
      ChargeOutcome.Charged resolved =
          expect(
              ChargeOutcome.Charged.class,
              processor().resolve(request, charged.processorReference()));
      assertThat(resolved.chargeReference()).isEqualTo(charged.chargeReference());
    }

    @Test
    @DisplayName("without a reference, finds the prepared charge by its key and cancels it")
    void withoutAReferenceFindsThePreparedChargeAndCancelsIt() {
      ChargeRequest request = request(StripeTestCards.VISA, CardUse.ONE_TIME, null, TEN);
      expect(ChargeOutcome.Prepared.class, processor().prepare(request));
      assertCancelled(processor().resolve(request, null));
      assertThat(charge(request)).isNotInstanceOf(ChargeOutcome.Charged.class);
    }

    @Test
    @DisplayName(
        "without a reference, cancels a charge that was never prepared, so it never charges")
    void withoutAReferenceCancelsAChargeNeverPrepared() {
      ChargeRequest request = request(StripeTestCards.VISA, CardUse.ONE_TIME, null, TEN);
      assertCancelled(processor().resolve(request, null));
      assertThat(charge(request)).isNotInstanceOf(ChargeOutcome.Charged.class);
    }
  }

  /** The client's saved cards, managed. */
  @Nested
  @DisplayName("A saved card")
  class ManagingCards {

    @Test
    @DisplayName("gets a new expiry, keeping its brand and last four")
    void getsANewExpiry() {
      String customer = customer();
      PaymentMethodId saved = save(customer, StripeTestCards.VISA);
      YearMonth expiry = YearMonth.now(ZoneOffset.UTC).plusYears(6).withMonth(3);
      assertThat(processor().updateCardExpiry(saved, expiry).expiry()).isEqualTo(expiry);
      ProcessorCard listed = processor().listCards(customer).get(0);
      assertThat(listed.card().expiry()).isEqualTo(expiry);
      assertThat(listed.card().last4()).isEqualTo("4242");
    }

    @Test
    @DisplayName("once removed is no longer listed or chargeable, and removing it again is fine")
    void onceRemovedIsNoLongerListedOrChargeable() {
      String customer = customer();
      PaymentMethodId saved = save(customer, StripeTestCards.VISA);
      processor().removeCard(saved);
      assertThat(processor().listCards(customer)).isEmpty();
      assertThatNoException().isThrownBy(() -> processor().removeCard(saved));
      ChargeRequest request = request(saved.value(), CardUse.SAVED_OFF_SESSION, customer, TEN);
      ChargeOutcome outcome = charge(request);
      assertThat(outcome).isInstanceOf(ChargeOutcome.Declined.class);
      assertNotCharged(request, outcome.processorReference());
    }
  }

  /** Money given back. */
  @Nested
  @DisplayName("A refund")
  class Refunding {

    @Test
    @DisplayName("of the whole amount refunds it, and nothing more can be refunded")
    void ofTheWholeAmountRefundsIt() {
      Paid charged = charged();
      assertThat(
              expect(RefundOutcome.Refunded.class, refund(charged, "10.00", unique()))
                  .refundReference())
          .isNotBlank();
      expect(RefundOutcome.Rejected.class, refund(charged, "0.01", unique()));
    }

    @Test
    @DisplayName("in parts adds up to the charged amount and no further")
    void inPartsAddsUpToTheChargedAmount() {
      Paid charged = charged();
      String first =
          expect(RefundOutcome.Refunded.class, refund(charged, "4.00", unique())).refundReference();
      String second =
          expect(RefundOutcome.Refunded.class, refund(charged, "6.00", unique())).refundReference();
      assertThat(second).isNotEqualTo(first);
      expect(RefundOutcome.Rejected.class, refund(charged, "0.01", unique()));
    }

    @Test
    @DisplayName("of more than was charged is rejected and refunds nothing")
    void ofMoreThanWasChargedIsRejected() {
      Paid charged = charged();
      expect(RefundOutcome.Rejected.class, refund(charged, "10.01", unique()));
      expect(RefundOutcome.Refunded.class, refund(charged, "10.00", unique()));
    }

    @Test
    @DisplayName("asked twice with the same key refunds once")
    void askedTwiceWithTheSameKeyRefundsOnce() {
      Paid charged = charged();
      String key = unique();
      String first =
          expect(RefundOutcome.Refunded.class, refund(charged, "6.00", key)).refundReference();
      assertThat(
              expect(RefundOutcome.Refunded.class, refund(charged, "6.00", key)).refundReference())
          .isEqualTo(first);
      expect(RefundOutcome.Refunded.class, refund(charged, "4.00", unique()));
    }

    @Test
    @DisplayName("of a charge that took no money is rejected")
    void ofAChargeThatTookNoMoneyIsRejected() {
      ChargeRequest request = request(StripeTestCards.VISA, CardUse.ONE_TIME, null, TEN);
      String reference =
          expect(ChargeOutcome.Prepared.class, processor().prepare(request)).processorReference();
      expect(
          RefundOutcome.Rejected.class,
          processor()
              .refund(
                  new RefundRequest(request.paymentId(), reference, TEN, "refund-" + unique())));
    }
  }

  private ChargeOutcome charge(ChargeRequest request) {
    ChargeOutcome prepared = processor().prepare(request);
    return prepared instanceof ChargeOutcome.Prepared p
        ? processor().confirm(request, p.processorReference())
        : prepared;
  }

  private Paid charged() {
    ChargeRequest request = request(StripeTestCards.VISA, CardUse.ONE_TIME, null, TEN);
    return new Paid(request, expect(ChargeOutcome.Charged.class, charge(request)));
  }

  private static CardDetails cardOf(ChargeOutcome.Charged charged) {
    CardDetails card = charged.card();
    assertThat(card).as("card charged").isNotNull();
    return card;
  }

  private PaymentMethodId save(String customer, String paymentMethod) {
    ChargeOutcome.Charged charged =
        expect(
            ChargeOutcome.Charged.class,
            charge(request(paymentMethod, CardUse.SAVE_FOR_FUTURE, customer, TEN)));
    assertThat(charged.savedCard()).as("saved card").isNotNull();
    return charged.savedCard();
  }

  private RefundOutcome refund(Paid paid, String amount, String key) {
    return processor()
        .refund(
            new RefundRequest(
                paid.request().paymentId(),
                paid.charged().processorReference(),
                Money.usd(amount),
                "refund-" + key));
  }

  private static SetupRequest setup(String paymentMethod, String customer) {
    String id = "setup_" + unique();
    return new SetupRequest(
        CardSetupId.of(id),
        AGENCY,
        ClientId.of("client-" + unique()),
        "setup-" + id,
        paymentMethod,
        customer,
        Instant.now().plusSeconds(90));
  }

  private String customer() {
    return processor()
        .ensureCustomer(
            new CustomerRequest(AGENCY, ClientId.of("client-" + unique()), "customer-" + unique()));
  }

  private void assertNotCharged(ChargeRequest request, @Nullable String reference) {
    assertThat(processor().resolve(request, reference))
        .as("resolved after the decline")
        .isInstanceOf(ChargeOutcome.Declined.class);
  }

  private static void assertCancelled(ChargeOutcome outcome) {
    assertThat(expect(ChargeOutcome.Declined.class, outcome).failure().kind())
        .isEqualTo(PaymentFailure.Kind.CANCELLED);
  }

  private static ChargeRequest request(
      String paymentMethod, CardUse use, @Nullable String customer, Money amount) {
    PaymentId payment = PaymentId.generate();
    return new ChargeRequest(
        payment,
        AGENCY,
        ClientId.of("client-" + unique()),
        1,
        payment.value() + "-1",
        amount,
        paymentMethod,
        use,
        customer,
        null,
        Instant.now().plusSeconds(90));
  }

  private static ChargeRequest withDeadline(ChargeRequest r, Instant deadline) {
    return new ChargeRequest(
        r.paymentId(),
        r.agencyId(),
        r.clientId(),
        r.attempt(),
        r.idempotencyKey(),
        r.amount(),
        r.paymentMethod(),
        r.use(),
        r.customerReference(),
        r.receiptEmail(),
        deadline);
  }

  private static <T> T expect(Class<T> type, Object outcome) {
    assertThat(outcome).as("outcome").isInstanceOf(type);
    return type.cast(outcome);
  }

  private static String unique() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 20);
  }

  private static Stream<Declining> declining() {
    return Stream.of(
        new Declining(StripeTestCards.DECLINED, "card_declined", "generic_decline"),
        new Declining("pm_card_chargeDeclined", "card_declined", "generic_decline"),
        new Declining(StripeTestCards.INSUFFICIENT_FUNDS, "card_declined", "insufficient_funds"),
        new Declining(
            "pm_card_chargeDeclinedInsufficientFunds", "card_declined", "insufficient_funds"),
        new Declining(StripeTestCards.LOST_CARD, "card_declined", "lost_card"),
        new Declining(StripeTestCards.STOLEN_CARD, "card_declined", "stolen_card"),
        new Declining(StripeTestCards.EXPIRED_CARD, "expired_card", null),
        new Declining(StripeTestCards.INCORRECT_CVC, "incorrect_cvc", null),
        new Declining(StripeTestCards.PROCESSING_ERROR, "processing_error", null));
  }

  /** A charge that took money, with its request. */
  private record Paid(ChargeRequest request, ChargeOutcome.Charged charged) {}

  /** A declining test card and the codes Stripe declines it with. */
  private record Declining(String paymentMethod, String code, @Nullable String declineCode) {
    void check(PaymentFailure failure) {
      assertThat(failure.kind()).isEqualTo(PaymentFailure.Kind.DECLINED);
      assertThat(failure.code()).isEqualTo(code);
      if (declineCode != null) {
        assertThat(failure.declineCode()).isEqualTo(declineCode);
      } else {
        assertThat(failure.declineCode())
            .as("no decline code, or the code itself")
            .isIn(null, code);
      }
      assertThat(failure.processorResponse()).as("Stripe's message").isNotBlank();
    }
  }
}
