package org.electronicpayments.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import org.electronicpayments.AgencyDetails;
import org.electronicpayments.AgencyId;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.Money;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentNotFoundException;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.security.Actor;
import org.electronicpayments.testkit.ElectronicPaymentsExtension;
import org.electronicpayments.testkit.PaymentsTestbed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two agencies share one store (a shared database, a platform serving many clinics). A payment of
 * agency A is unknown to agency B's facade by its id: B can neither read it nor act on it, and A's
 * payment is left exactly as it was.
 */
@ExtendWith(ElectronicPaymentsExtension.class)
class PaymentsAcrossAgenciesTest {

  private static final AgencyDetails AGENCY_B =
      new AgencyDetails(
          AgencyId.of("agency-b"),
          "Lakeside Therapy",
          List.of("40 Lake Rd", "Springfield, IL 62702"),
          "(555) 010-3000",
          ZoneId.of("America/Chicago"));

  private PaymentsTestbed bed;
  private ElectronicPayments agencyB;
  private PaymentId paymentOfA;

  @BeforeEach
  void twoAgenciesOneStore(PaymentsTestbed bed) {
    this.bed = bed;
    agencyB =
        ElectronicPayments.builder()
            .processor(bed.processor())
            .store(bed.store())
            .agency(AGENCY_B)
            .clock(bed.clock())
            .deadline(PaymentsTestbed.DEADLINE)
            .build();
    PaymentResult paid = bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_visa"));
    assertThat(paid).isInstanceOf(PaymentResult.Succeeded.class);
    paymentOfA = paid.payment().id();
  }

  @AfterEach
  void closeAgencyB() {
    agencyB.close();
  }

  @Test
  void anotherAgencyCannotReadThePaymentByItsId() {
    assertUnknown(() -> agencyB.payment(bed.frontDesk(), paymentOfA));
    assertUnknown(() -> agencyB.status(bed.frontDesk(), paymentOfA));
    assertUnknown(() -> agencyB.receipt(bed.frontDesk(), paymentOfA));
    assertUnknown(() -> agencyB.printableReceipt(bed.frontDesk(), paymentOfA));
  }

  @Test
  void anotherAgencyCannotActOnThePayment() {
    Payment before = bed.store().find(paymentOfA).orElseThrow();
    int calls = bed.processor().calls().size();

    assertUnknown(() -> agencyB.save(bed.frontDesk(), paymentOfA));
    assertUnknown(() -> agencyB.refresh(Actor.system("webhooks"), paymentOfA));
    assertUnknown(() -> agencyB.retry(bed.frontDesk(), paymentOfA, null));
    assertUnknown(() -> agencyB.refund(bed.frontDesk(), paymentOfA, Money.usd("1.00")));

    assertThat(bed.store().find(paymentOfA)).contains(before);
    assertThat(bed.processor().calls()).hasSize(calls);
    assertThat(bed.payments().payment(bed.frontDesk(), paymentOfA)).isEqualTo(before);
  }

  private void assertUnknown(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(PaymentNotFoundException.class);
  }
}
