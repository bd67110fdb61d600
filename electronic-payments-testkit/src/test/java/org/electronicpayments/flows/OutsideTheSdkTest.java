package org.electronicpayments.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.electronicpayments.AccessDeniedException;
import org.electronicpayments.CardChoice;
import org.electronicpayments.Consent;
import org.electronicpayments.ConsentChannel;
import org.electronicpayments.ConsentGiver;
import org.electronicpayments.DisputeStatus;
import org.electronicpayments.Money;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.PaymentRefund;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.security.Actor;
import org.electronicpayments.security.Permission;
import org.electronicpayments.testkit.ElectronicPaymentsExtension;
import org.electronicpayments.testkit.FakePaymentProcessor.Operation;
import org.electronicpayments.testkit.PaymentsTestbed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What staff or banks do at the processor, outside the SDK, recorded through the facade over the
 * fake: Dashboard refunds, disputes, cards detached or expired there.
 */
@ExtendWith(ElectronicPaymentsExtension.class)
class OutsideTheSdkTest {

  @Test
  void aDashboardRefundIsRecordedOnRefreshOnceWithItsReferenceAndAmount(PaymentsTestbed bed) {
    Payment p = charged(bed);
    String pi = p.currentAttempt().processorReference();
    PaymentRefund own = bed.payments().refund(bed.frontDesk(), p.id(), Money.usd("3.00"));
    String dashboard = bed.processor().dashboardRefund(pi, Money.usd("2.00"));

    Payment refreshed = bed.payments().refresh(bed.reconciler(), p.id()).payment();
    assertThat(refreshed.refunds())
        .extracting(PaymentRefund::processorReference)
        .containsExactly(own.processorReference(), dashboard);
    PaymentRefund outside = refreshed.refunds().get(1);
    assertThat(outside.madeOutsideSdk()).isTrue();
    assertThat(outside.amount()).isEqualTo(Money.usd("2.00"));
    assertThat(outside.number()).isEqualTo(2);
    assertThat(refreshed.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
    assertThat(bed.payments().refresh(bed.frontDesk(), p.id()).payment())
        .isEqualTo(bed.payments().payment(bed.frontDesk(), p.id()));
    assertThat(bed.payments().payment(bed.frontDesk(), p.id()).refunds()).hasSize(2);

    // The SDK refunds only what is left, under the next number's key.
    assertThatThrownBy(() -> bed.payments().refund(bed.frontDesk(), p.id(), Money.usd("5.01")))
        .hasMessageContaining("5.00");
    PaymentRefund rest = bed.payments().refund(bed.frontDesk(), p.id(), Money.usd("5.00"));
    assertThat(rest.number()).isEqualTo(3);
    assertThat(rest.idempotencyKey()).isEqualTo(PaymentRefund.keyFor(p.id(), 3));
    assertThat(bed.payments().payment(bed.frontDesk(), p.id()).status())
        .isEqualTo(PaymentStatus.REFUNDED);
  }

  @Test
  void aDashboardRefundOfEverythingMakesThePaymentRefunded(PaymentsTestbed bed) {
    Payment p = charged(bed);
    bed.payments().save(bed.frontDesk(), p.id());
    bed.processor().dashboardRefund(p.currentAttempt().processorReference(), null);
    Payment refreshed = bed.payments().refresh(bed.frontDesk(), p.id()).payment();
    assertThat(refreshed.status()).isEqualTo(PaymentStatus.REFUNDED);
    assertThat(refreshed.refunded()).isEqualTo(Money.usd("10.00"));
    assertThat(refreshed.isPosted()).isTrue();
  }

  @Test
  void theSdksOwnRefundInDoubtIsNotRecordedAsADashboardRefund(PaymentsTestbed bed) {
    Payment p = charged(bed);
    bed.processor().script().onNext(Operation.REFUND).timeoutAfterCharging();
    assertThat(bed.payments().refund(bed.frontDesk(), p.id(), Money.usd("4.00")).status())
        .isEqualTo(PaymentStatus.IN_DOUBT);
    assertThat(bed.payments().refresh(bed.frontDesk(), p.id()).payment().refunds())
        .singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo(PaymentStatus.IN_DOUBT));
    PaymentRefund settled = bed.payments().refund(bed.frontDesk(), p.id(), Money.usd("4.00"));
    assertThat(settled.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(bed.payments().refresh(bed.frontDesk(), p.id()).payment().refunds())
        .singleElement()
        .satisfies(r -> assertThat(r.processorReference()).isEqualTo(settled.processorReference()));
    assertThat(bed.processor().refunds()).hasSize(1);
  }

  @Test
  void aDisputeIsRecordedOpenThenWon(PaymentsTestbed bed) {
    Payment p = charged(bed);
    String pi = p.currentAttempt().processorReference();
    String id =
        bed.processor()
            .openDispute(pi, "product_not_received", Money.usd("10.00"), bed.clock().instant());
    Payment open = bed.payments().refresh(bed.frontDesk(), p.id()).payment();
    assertThat(open.isDisputed()).isTrue();
    assertThat(open.dispute().processorReference()).isEqualTo(id);
    assertThat(open.dispute().reason()).isEqualTo("product_not_received");
    assertThat(open.dispute().amount()).isEqualTo(Money.usd("10.00"));
    assertThat(open.dispute().status()).isEqualTo(DisputeStatus.OPEN);
    assertThat(open.status()).isEqualTo(PaymentStatus.SUCCEEDED);

    bed.processor().closeDispute(pi, true);
    Payment won = bed.payments().refresh(bed.frontDesk(), p.id()).payment();
    assertThat(won.dispute().status()).isEqualTo(DisputeStatus.WON);
    assertThat(won.version()).isGreaterThan(open.version());
    assertThat(bed.payments().refresh(bed.frontDesk(), p.id()).payment().version())
        .isEqualTo(won.version());
  }

  @Test
  void aPaymentNeverChargedAsksTheProcessorNothing(PaymentsTestbed bed) {
    PaymentResult declined =
        bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_visa_chargeDeclined"));
    int calls = bed.processor().calls().size();
    assertThat(bed.payments().refresh(bed.frontDesk(), declined.payment().id()).payment().refunds())
        .isEmpty();
    assertThat(bed.processor().calls()).hasSize(calls);
  }

  @Test
  void aProcessorThatFailsToListLeavesThePaymentAsItWasUntilTheNextRefresh(PaymentsTestbed bed) {
    Payment p = charged(bed);
    bed.processor().dashboardRefund(p.currentAttempt().processorReference(), Money.usd("1.00"));
    bed.processor().script().onNext(Operation.LIST_REFUNDS).timeoutBeforeCharging();
    assertThat(bed.payments().refresh(bed.frontDesk(), p.id()).payment().refunds()).isEmpty();
    bed.processor().script().onNext(Operation.FIND_DISPUTE).hang();
    assertThat(bed.payments().refresh(bed.frontDesk(), p.id()).payment().refunds()).isEmpty();
    assertThat(bed.payments().refresh(bed.frontDesk(), p.id()).payment().refunds()).hasSize(1);
  }

  @Test
  void cardsDetachedOrExpiredAtTheProcessorLeaveTheList(PaymentsTestbed bed) {
    for (String card : new String[] {"pm_card_visa", "pm_card_mastercard", "pm_card_amex"}) {
      assertThat(
              bed.payments()
                  .process(
                      bed.frontDesk(),
                      Requests.card(
                              CardChoice.saveNew(
                                  card,
                                  card,
                                  Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK)))
                          .build()))
          .isInstanceOf(PaymentResult.Succeeded.class);
    }
    var cards = bed.payments().savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT);
    assertThat(cards).hasSize(3);
    Actor webhooks = Actor.system("stripe-webhooks");

    // A notice about a card still attached removes nothing.
    assertThat(bed.payments().syncSavedCard(webhooks, cards.get(0).id())).hasSize(3);
    bed.processor().dashboardDetach(cards.get(0).id());
    assertThat(bed.payments().syncSavedCard(webhooks, cards.get(0).id()))
        .extracting(PaymentMethod::id)
        .containsExactly(cards.get(1).id(), cards.get(2).id());
    assertThat(bed.payments().syncSavedCard(webhooks, PaymentMethodId.of("pm_unknown"))).isEmpty();

    bed.processor().expireCard(cards.get(1).id(), YearMonth.of(2025, 12));
    assertThat(bed.payments().syncSavedCards(bed.frontDesk(), PaymentsTestbed.CLIENT))
        .extracting(PaymentMethod::id)
        .containsExactly(cards.get(2).id());

    assertThatThrownBy(
            () ->
                bed.payments()
                    .syncSavedCard(bed.staffWith(Permission.VIEW_PAYMENTS), cards.get(2).id()))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(bed.payments().savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT)).hasSize(1);
  }

  private static Payment charged(PaymentsTestbed bed) {
    PaymentResult result =
        bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_visa"));
    assertThat(result).isInstanceOf(PaymentResult.Succeeded.class);
    return result.payment();
  }
}
