package org.electronicpayments.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.electronicpayments.AccessDeniedException;
import org.electronicpayments.CardChoice;
import org.electronicpayments.ClientId;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentQuery;
import org.electronicpayments.PaymentType;
import org.electronicpayments.References;
import org.electronicpayments.security.Permission;
import org.electronicpayments.testkit.ElectronicPaymentsExtension;
import org.electronicpayments.testkit.PaymentsTestbed;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ElectronicPaymentsExtension.class)
class FindingByReferenceTest {

  private static final LocalDate DAY = LocalDate.of(2026, 1, 1);

  @Test
  @DisplayName(
      "staff find a payment by its article-style reference, and a client's day by its start")
  void staffFindPaymentsByReference(PaymentsTestbed bed) {
    ClientId client = PaymentsTestbed.CLIENT;
    String cardRef = References.of(DAY, client, PaymentType.CREDIT_CARD);
    Payment card =
        bed.payments()
            .process(
                bed.frontDesk(),
                Requests.card(CardChoice.oneTime("pm_card_visa"))
                    .datePosted(DAY)
                    .reference(cardRef)
                    .build())
            .payment();
    Payment second =
        bed.payments()
            .process(
                bed.frontDesk(),
                Requests.card(CardChoice.oneTime("pm_card_visa"))
                    .datePosted(DAY)
                    .reference(References.of(DAY, client, "CC2"))
                    .build())
            .payment();
    bed.payments()
        .process(
            bed.frontDesk(),
            Requests.card(CardChoice.oneTime("pm_card_visa"))
                .datePosted(DAY)
                .reference(References.of(DAY, ClientId.of("10001"), PaymentType.CREDIT_CARD))
                .build());

    assertThat(
            bed.payments()
                .payments(bed.frontDesk(), PaymentQuery.all().reference("1.1.2026 1000 CC")))
        .containsExactly(card);
    assertThat(
            bed.payments()
                .payments(
                    bed.frontDesk(),
                    PaymentQuery.all().referenceStartingWith(References.prefix(DAY, client))))
        // made at the same instant of the test clock, so listed in id order, not in the order made
        .containsExactlyInAnyOrder(card, second);
    assertThat(
            bed.payments()
                .payments(
                    bed.frontDesk(),
                    PaymentQuery.all().referenceStartingWith(References.prefix(DAY))))
        .hasSize(3);
    assertThat(References.parse(card.request().reference()).orElseThrow().clientId())
        .isEqualTo(client);
  }

  @Test
  @DisplayName("finding by reference needs the permission to view payments, and is audited")
  void findingByReferenceIsAuthorizedAndAudited(PaymentsTestbed bed) {
    assertThatThrownBy(
            () ->
                bed.payments()
                    .payments(
                        bed.staffWith(Permission.SEND_RECEIPTS),
                        PaymentQuery.all().reference("1.1.2026 1000 CC")))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(bed.audit().denials())
        .singleElement()
        .satisfies(e -> assertThat(e.permission()).isEqualTo(Permission.VIEW_PAYMENTS));
  }
}
