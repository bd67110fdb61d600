package org.electronicpayments.reliability;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.electronicpayments.CardChoice;
import org.electronicpayments.CardDetails;
import org.electronicpayments.ClientId;
import org.electronicpayments.Consent;
import org.electronicpayments.ConsentChannel;
import org.electronicpayments.ConsentGiver;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.Origin;
import org.electronicpayments.Payer;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.PaymentRequest;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentType;
import org.electronicpayments.StaffId;
import org.electronicpayments.security.Actor;
import org.electronicpayments.security.Role;
import org.electronicpayments.spi.PaymentProcessor;
import org.electronicpayments.stripe.StripePaymentProcessor;
import org.electronicpayments.stripe.StripeWebhooks;
import org.electronicpayments.testkit.FakePaymentProcessor;
import org.electronicpayments.testkit.InMemoryPaymentStore;
import org.electronicpayments.testkit.PaymentsTestbed;
import org.electronicpayments.testkit.stripe.StripeEmulator;

/**
 * A host with a few payments and cards already in place, for the hostile-input corpus: one
 * succeeded card payment that saved a card, one cash payment, one expired saved card. It can say
 * how many requests its processor has received and snapshot what its store holds.
 */
final class HostileWorld implements AutoCloseable {

  static final String WEBHOOK_SECRET = "whsec_corpus_secret";
  static final ClientId OWNER = PaymentsTestbed.CLIENT;
  static final ClientId OTHER = ClientId.of("2000");

  final String name;
  final InMemoryPaymentStore store = InMemoryPaymentStore.create();
  final ElectronicPayments payments;
  final StripeWebhooks webhooks;
  final Actor desk = Actor.staff(StaffId.of("desk-1"), Set.of(Role.allPermissions("Champion")));
  final PaymentRequest valid;
  final Payment paid;
  final Payment cash;
  final PaymentMethodId card;
  final PaymentMethodId expiredCard = PaymentMethodId.of("pm_expired_corpus");
  private final FakePaymentProcessor fake;
  private final StripeEmulator emulator;

  private HostileWorld(
      String name, PaymentProcessor processor, FakePaymentProcessor fake, StripeEmulator emulator) {
    this.name = name;
    this.fake = fake;
    this.emulator = emulator;
    this.payments =
        ElectronicPayments.builder()
            .processor(processor)
            .store(store)
            .agency(PaymentsTestbed.AGENCY)
            .deadline(Duration.ofSeconds(10))
            .build();
    this.webhooks = StripeWebhooks.builder().secret(WEBHOOK_SECRET).payments(payments).build();
    this.valid =
        PaymentRequest.builder()
            .client(OWNER)
            .origin(Origin.APPOINTMENTS)
            .reference("CORPUS-VALID")
            .type(PaymentType.CREDIT_CARD)
            .payer(Payer.CO_PAY)
            .amountReceived("10.00")
            .note("DOS 90837")
            .electronic(true)
            .card(CardChoice.oneTime("pm_card_visa"))
            .build();
    PaymentResult saved =
        payments.process(
            desk,
            PaymentRequest.builder()
                .client(OWNER)
                .reference("CORPUS-SAVED")
                .payer(Payer.CO_PAY)
                .amountReceived("20.00")
                .electronic(true)
                .card(
                    CardChoice.saveNew(
                        "pm_card_visa",
                        "Visa 1000",
                        Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK)))
                .build());
    this.paid = saved.payment();
    this.card = payments.savedCards(desk, OWNER).get(0).id();
    this.cash =
        payments
            .process(
                desk,
                PaymentRequest.builder()
                    .client(OWNER)
                    .reference("CORPUS-CASH")
                    .type(PaymentType.CASH)
                    .payer(Payer.DEDUCTIBLE)
                    .amountReceived("25.00")
                    .build())
            .payment();
    store.saveCard(
        new PaymentMethod(
            expiredCard,
            PaymentsTestbed.AGENCY.id(),
            OWNER,
            "Old Visa",
            new CardDetails("visa", "4242", YearMonth.of(2020, 1), "fp_old"),
            "staff:desk-1",
            Instant.EPOCH));
    if (!(saved instanceof PaymentResult.Succeeded)) {
      throw new IllegalStateException(
          "the corpus world could not take its first payment: " + saved);
    }
  }

  static HostileWorld overFake() {
    FakePaymentProcessor fake = FakePaymentProcessor.create();
    return new HostileWorld("fake", fake, fake, null);
  }

  static HostileWorld overEmulator() {
    StripeEmulator emulator = StripeEmulator.start();
    StripePaymentProcessor stripe =
        StripePaymentProcessor.builder()
            .secretKey("sk_test_corpus")
            .apiBase(emulator.baseUrl())
            .build();
    return new HostileWorld("stripe-module-on-emulator", stripe, null, emulator);
  }

  /** How many requests the processor has received so far. */
  int processorRequests() {
    return fake != null ? fake.calls().size() : emulator.requests().size();
  }

  /** Everything the store holds, for before/after comparison. */
  List<Object> snapshot() {
    return List.of(
        store.payments(),
        store.cards(PaymentsTestbed.AGENCY.id(), OWNER),
        store.cards(PaymentsTestbed.AGENCY.id(), OTHER));
  }

  PaymentId paidId() {
    return paid.id();
  }

  @Override
  public void close() {
    payments.close();
    if (emulator != null) {
      emulator.close();
    }
  }
}
