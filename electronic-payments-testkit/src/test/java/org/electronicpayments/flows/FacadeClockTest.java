package org.electronicpayments.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import org.electronicpayments.CardChoice;
import org.electronicpayments.Consent;
import org.electronicpayments.ConsentChannel;
import org.electronicpayments.ConsentGiver;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.PaymentValidationException;
import org.electronicpayments.testkit.ElectronicPaymentsExtension;
import org.electronicpayments.testkit.PaymentsTestbed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Date rules follow the facade's clock, never the machine's. */
@ExtendWith(ElectronicPaymentsExtension.class)
class FacadeClockTest {

  @Test
  void updateCardExpiryJudgesThePastByTheFacadesClock(PaymentsTestbed bed) {
    bed.payments()
        .process(
            bed.frontDesk(),
            Requests.card(
                    CardChoice.saveNew(
                        "pm_card_visa",
                        "Visa 1000",
                        Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK)))
                .build());
    PaymentMethod card = bed.payments().savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT).get(0);
    bed.clock().set(Instant.parse("2060-06-15T15:00:00Z"));

    assertThatThrownBy(
            () ->
                bed.payments().updateCardExpiry(bed.frontDesk(), card.id(), YearMonth.of(2060, 5)))
        .isInstanceOf(PaymentValidationException.class)
        .hasMessageContaining("expiry must be this month or later");
    assertThat(
            bed.payments()
                .updateCardExpiry(bed.frontDesk(), card.id(), YearMonth.of(2079, 1))
                .card()
                .expiry())
        .isEqualTo(YearMonth.of(2079, 1));
  }
}
