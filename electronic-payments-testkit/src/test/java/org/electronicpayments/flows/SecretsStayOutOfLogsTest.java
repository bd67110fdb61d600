package org.electronicpayments.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.electronicpayments.CardChoice;
import org.electronicpayments.Consent;
import org.electronicpayments.ConsentChannel;
import org.electronicpayments.ConsentGiver;
import org.electronicpayments.Money;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.testkit.ElectronicPaymentsExtension;
import org.electronicpayments.testkit.FakePaymentProcessor.Operation;
import org.electronicpayments.testkit.PaymentsTestbed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** G5 and G7 over every flow: logs (at debug), toString and exception messages stay clean. */
@ExtendWith(ElectronicPaymentsExtension.class)
class SecretsStayOutOfLogsTest {

  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private PrintStream original;

  @BeforeEach
  void capture() {
    original = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(original);
  }

  @Test
  void noLogLineToStringOrMessageHoldsAClientSecretCardNumberOrNote(PaymentsTestbed bed) {
    StringBuilder seen = new StringBuilder();
    PaymentResult action =
        bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_authenticationRequired"));
    String clientSecret = ((PaymentResult.RequiresAction) action).clientSecret();
    seen.append(action).append(action.payment()).append(action.payment().request());
    seen.append(
        bed.payments()
            .process(
                bed.frontDesk(),
                Requests.card(
                        CardChoice.saveNew(
                            "pm_card_visa",
                            "Visa 1000",
                            Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK)))
                    .build()));
    seen.append(
        bed.payments()
            .process(bed.frontDesk(), Requests.oneTime("pm_card_visa_chargeDeclinedStolenCard")));
    bed.processor().script().onNext(Operation.CONFIRM).timeoutAfterCharging();
    PaymentResult doubt = bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_visa"));
    seen.append(doubt).append(bed.payments().reconcile(bed.reconciler()));
    seen.append(bed.payments().refund(bed.frontDesk(), doubt.payment().id(), Money.usd("1.00")));
    seen.append(bed.payments().receipt(bed.frontDesk(), doubt.payment().id()));
    assertThatThrownBy(
            () ->
                bed.payments()
                    .process(
                        bed.frontDesk(),
                        Requests.card(CardChoice.oneTime("pm_card_visa"))
                            .note("card 4000 0566 5566 5556")
                            .build()))
        .satisfies(e -> seen.append(e.getMessage()));
    assertThatThrownBy(
            () ->
                bed.payments()
                    .process(
                        bed.frontDesk(),
                        Requests.card(CardChoice.oneTime("4000056655665556")).build()))
        .satisfies(e -> seen.append(e.getMessage()));
    System.err.flush();
    String logs = captured.toString(StandardCharsets.UTF_8);

    assertThat(logs).contains("Payment pay_").contains("charged USD 10.00");
    for (String text : new String[] {logs, seen.toString()}) {
      assertThat(text)
          .doesNotContain(clientSecret)
          .doesNotContain("_secret_")
          .doesNotContain("4000056655665556")
          .doesNotContain("4000 0566 5566 5556")
          .doesNotContain(Requests.NOTE)
          .doesNotContain("90837")
          .doesNotContain("pat@example.org");
    }
  }
}
