package org.electronicpayments.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.electronicpayments.AgencyId;
import org.electronicpayments.CardRemoval;
import org.electronicpayments.CardSetup;
import org.electronicpayments.CardSetupId;
import org.electronicpayments.CardSetupStatus;
import org.electronicpayments.ClientId;
import org.electronicpayments.ConcurrentUpdateException;
import org.electronicpayments.DisputeStatus;
import org.electronicpayments.Money;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentDispute;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.PaymentNotFoundException;
import org.electronicpayments.PaymentQuery;
import org.electronicpayments.PaymentRefund;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.ReceiptEmail;
import org.electronicpayments.spi.PaymentStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link PaymentStore} must pass. Extend it, return a store, and run it:
 *
 * <pre>{@code
 * class MyStoreCompatibilityTest extends PaymentStoreCompatibilityKit {
 *   protected PaymentStore store() { return myStore; }
 * }
 * }</pre>
 *
 * <p>Each test uses a fresh agency id, so a store shared between tests (a database) works.
 */
public abstract class PaymentStoreCompatibilityKit {

  /** When the sample payments were made. */
  protected static final Instant T0 = Instant.parse("2026-01-01T15:00:00Z");

  /** This test's agency, unique per test. */
  protected AgencyId agency;

  /** This test's client, unique per test. */
  protected ClientId client;

  /**
   * The store under test.
   *
   * @return the store; may be the same instance for every test
   */
  protected abstract PaymentStore store();

  @BeforeEach
  void freshIds() {
    String n = UUID.randomUUID().toString().substring(0, 8);
    agency = AgencyId.of("agency-" + n);
    client = ClientId.of("client-" + n);
  }

  /** The payment with one more refund of 1.00, in the given status. */
  private static Payment withRefund(Payment p, PaymentStatus status) {
    int n = p.refunds().size() + 1;
    return p.change()
        .addRefund(
            new PaymentRefund(
                n,
                Money.usd("1.00"),
                PaymentRefund.keyFor(p.id(), n),
                null,
                status,
                "staff:s-3",
                p.updatedAt()))
        .at(p.updatedAt());
  }

  private Payment insert(String reference, Instant at) {
    Payment p = SamplePayments.cardPayment(agency, client, reference, at);
    assertThat(store().insert(p)).isEmpty();
    return p;
  }

  @Nested
  @DisplayName("Inserting")
  class Inserting {

    @Test
    @DisplayName("a stored payment reads back equal, field for field")
    void storedPaymentReadsBackEqual() {
      Payment p = insert("REF-1", T0);
      assertThat(store().find(p.id())).contains(p);
      assertThat(store().findByReference(agency, "REF-1")).contains(p);
    }

    @Test
    @DisplayName("a second payment with the same reference is not stored; the first is returned")
    void sameReferenceReturnsTheFirst() {
      Payment first = insert("REF-1", T0);
      Payment second = SamplePayments.cardPayment(agency, client, "REF-1", T0.plusSeconds(1));
      assertThat(store().insert(second)).contains(first);
      assertThat(store().find(second.id())).isEmpty();
    }

    @Test
    @DisplayName("the same reference in another agency is another payment")
    void referencesAreUniquePerAgency() {
      insert("REF-1", T0);
      Payment other =
          SamplePayments.cardPayment(AgencyId.of(agency.value() + "-b"), client, "REF-1", T0);
      assertThat(store().insert(other)).isEmpty();
      assertThat(store().find(other.id())).contains(other);
    }

    @Test
    @DisplayName("sixteen threads inserting one reference store exactly one payment")
    void concurrentInsertsOfOneReferenceStoreOne() throws Exception {
      List<Payment> candidates = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        candidates.add(SamplePayments.cardPayment(agency, client, "REF-RACE", T0));
      }
      List<Optional<Payment>> answers =
          race(
              candidates.stream()
                  .<Callable<Optional<Payment>>>map(p -> () -> store().insert(p))
                  .toList());
      assertThat(answers.stream().filter(Optional::isEmpty)).hasSize(1);
      Payment winner = store().findByReference(agency, "REF-RACE").orElseThrow();
      assertThat(answers.stream().filter(Optional::isPresent).map(Optional::get))
          .allMatch(winner::equals);
      assertThat(store().query(agency, PaymentQuery.all())).containsExactly(winner);
    }
  }

  @Nested
  @DisplayName("Updating")
  class Updating {

    @Test
    @DisplayName("an update moves the version on by one and keeps every nested field")
    void updateMovesVersionAndKeepsFields() {
      Payment p = insert("REF-1", T0);
      Payment changed = SamplePayments.settledWithHistory(p, T0.plusSeconds(5));
      Payment stored = store().update(changed);
      assertThat(stored).isEqualTo(changed.withVersion(1));
      assertThat(store().find(p.id())).contains(stored);
    }

    @Test
    @DisplayName(
        "a dispute and a refund made outside the SDK read back as written, and the dispute's close too")
    void disputeAndOutsideRefundRoundTrip() {
      Payment p = insert("REF-1", T0);
      Payment settled = store().update(SamplePayments.settledWithHistory(p, T0.plusSeconds(5)));
      PaymentRefund outside =
          new PaymentRefund(
              2,
              Money.usd("1.50"),
              PaymentRefund.keyFor(p.id(), 2),
              "re_dash",
              PaymentStatus.SUCCEEDED,
              PaymentRefund.OUTSIDE_SDK,
              T0.plusSeconds(6));
      PaymentDispute open =
          new PaymentDispute(
              "du_1",
              Money.usd("5.50"),
              "fraudulent",
              DisputeStatus.OPEN,
              T0.plusSeconds(7),
              T0.plusSeconds(8));
      Payment disputed =
          store().update(settled.change().addRefund(outside).dispute(open).at(T0.plusSeconds(8)));
      Payment read = store().find(p.id()).orElseThrow();
      assertThat(read).isEqualTo(disputed);
      assertThat(read.dispute()).isEqualTo(open);
      assertThat(read.refunds().get(1).madeOutsideSdk()).isTrue();
      assertThat(read.refunds().get(0).madeOutsideSdk()).isFalse();
      PaymentDispute lost =
          new PaymentDispute(
              "du_1",
              Money.usd("5.50"),
              "fraudulent",
              DisputeStatus.LOST,
              T0.plusSeconds(7),
              T0.plusSeconds(9));
      Payment closed = store().update(read.change().dispute(lost).at(T0.plusSeconds(9)));
      assertThat(store().find(p.id())).contains(closed);
      assertThat(store().find(p.id()).map(Payment::dispute).map(PaymentDispute::status))
          .contains(DisputeStatus.LOST);
      assertThat(store().query(agency, PaymentQuery.all())).containsExactly(closed);
    }

    @Test
    @DisplayName("an update from a stale version is refused and changes nothing")
    void staleUpdateIsRefused() {
      Payment p = insert("REF-1", T0);
      Payment v1 =
          store().update(p.change().status(PaymentStatus.PROCESSING).at(T0.plusSeconds(1)));
      assertThatThrownBy(
              () -> store().update(p.change().status(PaymentStatus.FAILED).at(T0.plusSeconds(2))))
          .isInstanceOf(ConcurrentUpdateException.class);
      assertThat(store().find(p.id())).contains(v1);
    }

    @Test
    @DisplayName("updating a payment that was never stored is an error")
    void updatingUnknownPaymentFails() {
      Payment p = SamplePayments.cardPayment(agency, client, "REF-X", T0);
      assertThatThrownBy(() -> store().update(p)).isInstanceOf(PaymentNotFoundException.class);
    }

    @Test
    @DisplayName("of eight threads updating the same version, exactly one wins")
    void oneOfConcurrentUpdatesWins() throws Exception {
      Payment p = insert("REF-1", T0);
      List<Callable<Boolean>> tasks = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Instant at = T0.plusSeconds(i + 1);
        tasks.add(
            () -> {
              try {
                store().update(p.change().status(PaymentStatus.PROCESSING).at(at));
                return true;
              } catch (ConcurrentUpdateException e) {
                return false;
              }
            });
      }
      assertThat(race(tasks).stream().filter(Boolean::booleanValue)).hasSize(1);
      assertThat(store().find(p.id()).orElseThrow().version()).isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("Querying")
  class Querying {

    @Test
    @DisplayName(
        "filters by client, appointment, status, date posted and last change, oldest first, in pages")
    void filtersAndPages() {
      Payment a = insert("REF-A", T0);
      Payment b = insert("REF-B", T0.plusSeconds(10));
      Payment cash =
          SamplePayments.cashPayment(
              agency,
              ClientId.of(client.value() + "-2"),
              "REF-C",
              LocalDate.of(2026, 2, 1),
              T0.plusSeconds(20));
      store().insert(cash);
      PaymentQuery all = PaymentQuery.all();
      assertThat(store().query(agency, all)).containsExactly(a, b, cash);
      assertThat(store().query(agency, all.client(client))).containsExactly(a, b);
      assertThat(store().query(agency, all.appointment(a.request().appointmentId())))
          .containsExactly(a);
      assertThat(store().query(agency, all.statuses(EnumSet.of(PaymentStatus.SUCCEEDED))))
          .containsExactly(cash);
      assertThat(store().query(agency, all.datePostedBetween(LocalDate.of(2026, 1, 15), null)))
          .containsExactly(cash);
      assertThat(store().query(agency, all.datePostedBetween(null, LocalDate.of(2026, 1, 1))))
          .containsExactly(a, b);
      assertThat(store().query(agency, all.updatedBefore(T0.plusSeconds(10)))).containsExactly(a);
      assertThat(store().query(agency, all.page(1, 1))).containsExactly(b);
      assertThat(store().query(agency, all.page(3, 10))).isEmpty();
    }

    @Test
    @DisplayName(
        "finds a payment by its exact reference and payments by the start of theirs, letter for letter")
    void findsByReferenceExactAndPrefix() {
      Payment a = insert("1.1.2026 1000 CC", T0);
      Payment b = insert("1.1.2026 1000 CA", T0.plusSeconds(1));
      Payment other = insert("1.1.2026 10001 CC", T0.plusSeconds(2));
      Payment wild = insert("1.1.2026 10%_! CC", T0.plusSeconds(3));
      PaymentQuery all = PaymentQuery.all();
      assertThat(store().query(agency, all.reference("1.1.2026 1000 CC"))).containsExactly(a);
      assertThat(store().query(agency, all.reference("1.1.2026 1000"))).isEmpty();
      assertThat(store().query(agency, all.reference("1.1.2026 1000 cc"))).isEmpty();
      assertThat(store().query(agency, all.referenceStartingWith("1.1.2026 1000 ")))
          .containsExactly(a, b);
      assertThat(store().query(agency, all.referenceStartingWith("1.1.2026 1000")))
          .containsExactly(a, b, other);
      assertThat(store().query(agency, all.referenceStartingWith("1.1.2026 10%")))
          .containsExactly(wild);
      assertThat(store().query(agency, all.referenceStartingWith("1.1.2026 10_"))).isEmpty();
      assertThat(store().query(agency, all.referenceStartingWith("1.1.2026 10%_!")))
          .containsExactly(wild);
      assertThat(store().query(agency, all.referenceStartingWith("1.1.2026 1000 ").page(1, 1)))
          .containsExactly(b);
      assertThat(
              store()
                  .query(
                      agency, all.referenceStartingWith("1.1.2026").client(ClientId.of("nobody"))))
          .isEmpty();
      assertThat(
              store()
                  .query(AgencyId.of(agency.value() + "-other"), all.reference("1.1.2026 1000 CC")))
          .isEmpty();
    }

    @Test
    @DisplayName("unsaved lists succeeded payments nobody saved to the ledger")
    void unsavedListsSucceededNotSaved() {
      Payment cash =
          SamplePayments.cashPayment(agency, client, "REF-C", LocalDate.of(2026, 1, 1), T0);
      store().insert(cash);
      Payment posted =
          SamplePayments.cashPayment(
              agency, client, "REF-D", LocalDate.of(2026, 1, 1), T0.plusSeconds(1));
      store().insert(posted);
      store()
          .update(
              posted
                  .change()
                  .status(PaymentStatus.POSTED)
                  .posted("staff:s-1", T0)
                  .at(T0.plusSeconds(2)));
      insert("REF-PENDING", T0.plusSeconds(3));
      assertThat(store().query(agency, PaymentQuery.all().unsaved())).containsExactly(cash);
    }

    @Test
    @DisplayName(
        "unsettledRefunds lists the payments with a refund pending or in doubt, and drops one once"
            + " it is settled")
    void unsettledRefundsListsPendingAndInDoubt() {
      Payment settledOnly =
          store().update(SamplePayments.settledWithHistory(insert("REF-1", T0), T0.plusSeconds(1)));
      Payment inDoubt =
          store()
              .update(
                  withRefund(
                      SamplePayments.settledWithHistory(insert("REF-2", T0), T0.plusSeconds(1)),
                      PaymentStatus.IN_DOUBT));
      Payment pending =
          store()
              .update(
                  withRefund(
                      store()
                          .update(
                              SamplePayments.settledWithHistory(
                                  insert("REF-3", T0.plusSeconds(2)), T0.plusSeconds(3))),
                      PaymentStatus.PENDING));
      Payment elsewhere =
          SamplePayments.cardPayment(
              AgencyId.of(agency.value() + "-other"), client, "REF-4", T0.plusSeconds(1));
      store().insert(elsewhere);
      store()
          .update(
              withRefund(
                  SamplePayments.settledWithHistory(elsewhere, T0.plusSeconds(1)),
                  PaymentStatus.IN_DOUBT));
      PaymentQuery unsettled = PaymentQuery.all().unsettledRefunds();

      assertThat(store().query(agency, unsettled)).containsExactly(inDoubt, pending);
      assertThat(store().query(agency, unsettled.page(1, 1))).containsExactly(pending);
      assertThat(
              store()
                  .query(
                      agency,
                      unsettled.statuses(
                          EnumSet.of(PaymentStatus.SUCCEEDED, PaymentStatus.POSTED))))
          .as("the status filter still applies (both are PARTIALLY_REFUNDED)")
          .isEmpty();
      assertThat(
              store()
                  .query(
                      agency,
                      unsettled.statuses(
                          EnumSet.of(PaymentStatus.SUCCEEDED, PaymentStatus.PARTIALLY_REFUNDED))))
          .containsExactly(inDoubt, pending);
      assertThat(store().query(agency, unsettled.client(ClientId.of("someone-else")))).isEmpty();

      PaymentRefund last = pending.refunds().get(pending.refunds().size() - 1);
      Payment settled =
          store()
              .update(
                  pending
                      .change()
                      .replaceRefund(last.settled(PaymentStatus.SUCCEEDED, "re_2"))
                      .at(T0.plusSeconds(9)));
      assertThat(store().query(agency, unsettled)).containsExactly(inDoubt);
      assertThat(store().query(agency, PaymentQuery.all()))
          .containsExactlyInAnyOrder(settledOnly, inDoubt, settled);
    }
  }

  @Nested
  @DisplayName("Receipt emails")
  class ReceiptEmails {

    @Test
    @DisplayName(
        "records of receipts emailed or failed read back per payment, oldest first, field for field")
    void receiptEmailsAreKeptPerPayment() {
      Payment a = insert("REF-A", T0);
      Payment b = insert("REF-B", T0);
      ReceiptEmail failed =
          new ReceiptEmail(
              a.id(),
              "pat@example.org",
              T0.plusSeconds(5),
              "staff:s-1",
              "the SMTP server refused the recipient (reply 550)");
      ReceiptEmail sent =
          new ReceiptEmail(a.id(), "guardian@example.org", T0.plusSeconds(9), "client:c-1", null);
      ReceiptEmail sameInstant =
          new ReceiptEmail(a.id(), "guardian@example.org", T0.plusSeconds(9), "staff:s-2", null);
      store().recordReceiptEmail(failed);
      store().recordReceiptEmail(sent);
      store().recordReceiptEmail(sameInstant);
      store()
          .recordReceiptEmail(
              new ReceiptEmail(b.id(), "b@example.org", T0.plusNanos(1), "staff:s-1", null));
      assertThat(store().receiptEmails(a.id())).containsExactly(failed, sent, sameInstant);
      assertThat(store().receiptEmails(b.id()))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.sent()).isTrue();
                assertThat(e.at()).isEqualTo(T0.plusNanos(1));
              });
      assertThat(store().receiptEmails(PaymentId.generate())).isEmpty();
    }
  }

  @Nested
  @DisplayName("Customers and saved cards")
  class CustomersAndCards {

    @Test
    @DisplayName("the first customer stored for a client stays; later ones get it back")
    void firstCustomerWins() {
      assertThat(store().customerReference(agency, client)).isEmpty();
      assertThat(store().putCustomerReference(agency, client, "cus_1")).isEqualTo("cus_1");
      assertThat(store().putCustomerReference(agency, client, "cus_2")).isEqualTo("cus_1");
      assertThat(store().customerReference(agency, client)).contains("cus_1");
      assertThat(store().customerReference(AgencyId.of(agency.value() + "-b"), client)).isEmpty();
    }

    @Test
    @DisplayName("saved cards are listed per client, oldest first, replaced by id and removed")
    void savedCardsLifecycle() {
      String n = agency.value();
      var first = SamplePayments.visa("pm_" + n + "_1", agency, client, T0);
      var second =
          SamplePayments.visa("pm_" + n + "_2", agency, client, T0.plus(Duration.ofDays(1)));
      var foreign =
          SamplePayments.visa("pm_" + n + "_3", agency, ClientId.of(client.value() + "-2"), T0);
      store().saveCard(second);
      store().saveCard(first);
      store().saveCard(foreign);
      assertThat(store().cards(agency, client)).containsExactly(first, second);
      var renamed = first.withNickname("Office card");
      store().saveCard(renamed);
      assertThat(store().findCard(first.id())).contains(renamed);
      assertThat(store().removeCard(first.id())).isTrue();
      assertThat(store().removeCard(first.id())).isFalse();
      assertThat(store().cards(agency, client)).containsExactly(second);
      assertThat(store().findCard(PaymentMethodId.of("pm_" + n + "_none"))).isEmpty();
    }

    @Test
    @DisplayName(
        "saved cards are listed per agency: the same client id in another agency sees only its own")
    void savedCardsPerAgency() {
      String n = agency.value();
      AgencyId other = AgencyId.of(n + "-b");
      var ours = SamplePayments.visa("pm_" + n + "_a", agency, client, T0);
      var theirs =
          SamplePayments.visa("pm_" + n + "_b", other, client, T0.plus(Duration.ofDays(1)));
      store().saveCard(ours);
      store().saveCard(theirs);
      assertThat(store().cards(agency, client)).containsExactly(ours);
      assertThat(store().cards(other, client)).containsExactly(theirs);
      assertThat(store().findCard(ours.id())).contains(ours);
      assertThat(store().findCard(theirs.id())).contains(theirs);
      var renamed = theirs.withNickname("Their card");
      store().saveCard(renamed);
      assertThat(store().cards(agency, client)).containsExactly(ours);
      assertThat(store().cards(other, client)).containsExactly(renamed);
      assertThat(store().removeCard(theirs.id())).isTrue();
      assertThat(store().cards(other, client)).isEmpty();
      assertThat(store().cards(agency, client)).containsExactly(ours);
    }
  }

  @Nested
  @DisplayName("Card setups and removed cards")
  class CardSetupsAndRemovals {

    @Test
    @DisplayName("a stored setup reads back equal, consent included; the same id twice is refused")
    void storedSetupReadsBackEqual() {
      CardSetup setup = SamplePayments.cardSetup(agency, client, T0);
      store().insertSetup(setup);
      assertThat(store().findSetup(setup.id())).contains(setup);
      assertThatThrownBy(() -> store().insertSetup(setup))
          .isInstanceOf(IllegalStateException.class);
      assertThat(store().findSetup(CardSetupId.of(setup.id().value() + "x"))).isEmpty();
    }

    @Test
    @DisplayName("an update moves the version on and keeps every field; a stale one writes nothing")
    void updateIsACompareAndSet() {
      CardSetup setup = SamplePayments.cardSetup(agency, client, T0);
      store().insertSetup(setup);
      PaymentFailure failure =
          new PaymentFailure(
              PaymentFailure.Kind.DECLINED,
              "card_declined",
              "lost_card",
              "The card was reported lost.",
              "Your card was declined.");
      CardSetup moved =
          setup.moved(CardSetupStatus.FAILED, "seti_1", null, failure, T0.plusSeconds(5));
      CardSetup stored = store().updateSetup(moved).orElseThrow();
      assertThat(stored.version()).isEqualTo(1);
      assertThat(store().findSetup(setup.id())).contains(stored);
      assertThat(stored.failure()).isEqualTo(failure);
      assertThat(stored.processorReference()).isEqualTo("seti_1");
      assertThat(
              store()
                  .updateSetup(
                      setup.moved(
                          CardSetupStatus.SUCCEEDED,
                          "seti_1",
                          PaymentMethodId.of("pm_x"),
                          null,
                          T0)))
          .isEmpty();
      assertThat(store().findSetup(setup.id())).contains(stored);
      CardSetup saved =
          store()
              .updateSetup(
                  stored.moved(
                      CardSetupStatus.SUCCEEDED,
                      null,
                      PaymentMethodId.of("pm_x"),
                      null,
                      T0.plusSeconds(6)))
              .orElseThrow();
      assertThat(store().findSetup(setup.id()).orElseThrow().savedCard())
          .isEqualTo(PaymentMethodId.of("pm_x"));
      assertThat(saved.version()).isEqualTo(2);
    }

    @Test
    @DisplayName("of two concurrent updates from one version, exactly one is written")
    void oneOfConcurrentUpdatesWins() throws Exception {
      CardSetup setup = SamplePayments.cardSetup(agency, client, T0);
      store().insertSetup(setup);
      List<Optional<CardSetup>> answers =
          race(
              List.of(
                  () ->
                      store()
                          .updateSetup(
                              setup.moved(
                                  CardSetupStatus.PROCESSING, null, null, null, T0.plusSeconds(1))),
                  () ->
                      store()
                          .updateSetup(
                              setup.moved(
                                  CardSetupStatus.IN_DOUBT, null, null, null, T0.plusSeconds(2)))));
      assertThat(answers).filteredOn(Optional::isPresent).hasSize(1);
      assertThat(store().findSetup(setup.id()).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    @DisplayName("setups are found by agency, status and last change, oldest first, at most max")
    void setupsByStatusAndTime() {
      CardSetup a = SamplePayments.cardSetup(agency, client, T0);
      CardSetup b = SamplePayments.cardSetup(agency, client, T0.plusSeconds(10));
      CardSetup c = SamplePayments.cardSetup(agency, client, T0.plusSeconds(20));
      CardSetup foreign = SamplePayments.cardSetup(AgencyId.of(agency.value() + "-b"), client, T0);
      for (CardSetup s : List.of(c, a, b, foreign)) {
        store().insertSetup(s);
      }
      CardSetup doubtful =
          store()
              .updateSetup(b.moved(CardSetupStatus.IN_DOUBT, null, null, null, T0.plusSeconds(30)))
              .orElseThrow();
      var pending = EnumSet.of(CardSetupStatus.PENDING);
      assertThat(store().setups(agency, pending, T0.plusSeconds(60), 10)).containsExactly(a, c);
      assertThat(store().setups(agency, pending, T0.plusSeconds(20), 10)).containsExactly(a);
      assertThat(store().setups(agency, pending, T0.plusSeconds(60), 1)).containsExactly(a);
      assertThat(
              store().setups(agency, EnumSet.of(CardSetupStatus.IN_DOUBT), T0.plusSeconds(31), 10))
          .containsExactly(doubtful);
      assertThat(
              store().setups(agency, EnumSet.of(CardSetupStatus.IN_DOUBT), T0.plusSeconds(30), 10))
          .isEmpty();
    }

    @Test
    @DisplayName("card removals are kept per agency and client, oldest first")
    void removalsPerClient() {
      PaymentMethodId card = PaymentMethodId.of("pm_" + agency.value() + "_r");
      CardRemoval later =
          new CardRemoval(card, agency, client, "Visa •••• 4242", "client:c-1", T0.plusSeconds(9));
      CardRemoval earlier =
          new CardRemoval(
              PaymentMethodId.of("pm_" + agency.value() + "_s"),
              agency,
              client,
              "Mastercard •••• 4444",
              "staff:s-1",
              T0);
      store().recordCardRemoval(later);
      store().recordCardRemoval(earlier);
      store()
          .recordCardRemoval(
              new CardRemoval(
                  card,
                  AgencyId.of(agency.value() + "-b"),
                  client,
                  "Visa •••• 4242",
                  "staff:s-2",
                  T0));
      assertThat(store().cardRemovals(agency, client)).containsExactly(earlier, later);
      assertThat(store().cardRemovals(agency, ClientId.of(client.value() + "-2"))).isEmpty();
    }
  }

  /** Runs tasks at the same moment on their own threads and returns their answers in order. */
  protected static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return task.call();
                }));
      }
      start.countDown();
      List<T> answers = new ArrayList<>();
      for (Future<T> f : futures) {
        answers.add(f.get());
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Makes a payment id no stored payment has, for stores' own tests.
   *
   * @return a fresh payment id
   */
  protected static PaymentId newId() {
    return PaymentId.generate();
  }
}
