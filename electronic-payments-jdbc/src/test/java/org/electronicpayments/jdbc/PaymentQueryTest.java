package org.electronicpayments.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.electronicpayments.AgencyId;
import org.electronicpayments.ClientId;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentQuery;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.testkit.InMemoryPaymentStore;
import org.electronicpayments.testkit.SamplePayments;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The SQL a query becomes selects what {@link PaymentQuery#matches} does, in the reference store's
 * order.
 */
class PaymentQueryTest {

  private static final Instant T0 = Instant.parse("2026-01-01T15:00:00Z");
  private static final PaymentStatus[] CYCLE = {
    PaymentStatus.IN_DOUBT,
    PaymentStatus.SUCCEEDED,
    PaymentStatus.PENDING,
    PaymentStatus.REQUIRES_ACTION,
    PaymentStatus.POSTED,
    PaymentStatus.PROCESSING
  };

  private final String n = UUID.randomUUID().toString().substring(0, 8);
  private final AgencyId agency = AgencyId.of("agency-" + n);
  private final ClientId client = ClientId.of("client-" + n);
  private final ClientId other = ClientId.of("other-" + n);

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @DisplayName(
      "statuses, unsaved, client, dates and last change combine and page exactly as matches() says")
  void filtersCombineAsMatchesSays(TestDatabase db) {
    JdbcPaymentStore store = db.store();
    InMemoryPaymentStore reference = InMemoryPaymentStore.create();
    for (int i = 0; i < 24; i++) {
      Instant at = T0.plusSeconds(i);
      Payment p =
          i % 4 == 3
              ? SamplePayments.cashPayment(
                  agency, other, "CASH-" + i, LocalDate.of(2026, 1, 1 + i), at)
              : SamplePayments.cardPayment(agency, client, "CARD-" + i, at);
      Payment s =
          p.change().status(CYCLE[i % CYCLE.length]).at(at.plusSeconds(i % 3 == 0 ? 100 : 0));
      if (i % 5 == 0 && s.status() == PaymentStatus.SUCCEEDED) {
        s = s.change().posted("staff:s-1", at).at(s.updatedAt());
      }
      store.insert(s);
      reference.insert(s);
    }
    PaymentQuery all = PaymentQuery.all();
    List<PaymentQuery> queries =
        new ArrayList<>(
            List.of(
                all,
                all.unsaved(),
                all.client(client),
                all.client(other),
                all.statuses(EnumSet.of(PaymentStatus.IN_DOUBT, PaymentStatus.REQUIRES_ACTION)),
                all.statuses(EnumSet.of(PaymentStatus.PENDING, PaymentStatus.PROCESSING))
                    .updatedBefore(T0.plusSeconds(30)),
                all.statuses(EnumSet.of(PaymentStatus.SUCCEEDED, PaymentStatus.FAILED)).unsaved(),
                all.statuses(EnumSet.of(PaymentStatus.FAILED)).unsaved(),
                all.statuses(Set.of(PaymentStatus.SUCCEEDED))
                    .client(other)
                    .datePostedBetween(LocalDate.of(2026, 1, 5), null),
                all.datePostedBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 10))
                    .updatedBefore(T0.plusSeconds(12)),
                all.reference("CARD-5"),
                all.reference("CARD-"),
                all.referenceStartingWith("CARD-1"),
                all.referenceStartingWith("CASH-")
                    .statuses(EnumSet.of(PaymentStatus.SUCCEEDED, PaymentStatus.POSTED)),
                all.referenceStartingWith("CARD-2").client(client).unsaved()));
    for (PaymentQuery q : List.copyOf(queries)) {
      queries.add(q.page(1, 2));
      queries.add(q.page(3, 5));
    }
    for (PaymentQuery q : queries) {
      assertThat(store.query(agency, q)).as(q.toString()).isEqualTo(reference.query(agency, q));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @DisplayName(
      "a reference prefix matches letter for letter, also past the last letter of a code page and once prepared")
  void referencePrefixMatchesLetterForLetter(TestDatabase db) {
    JdbcPaymentStore store = db.store();
    List<String> refs =
        List.of(
            "Ref-\uFFFF",
            "Ref-\uFFFFx",
            "Ref-\uD800\uDC00",
            "Ref-\u00e9t\u00e9",
            "Ref-e",
            "Ref-\u00e9",
            "Ref-f",
            "Ref-\u007f",
            "Ref-~~");
    for (int i = 0; i < refs.size(); i++) {
      store.insert(SamplePayments.cardPayment(agency, client, refs.get(i), T0.plusSeconds(i)));
    }
    for (int round = 0; round < 8; round++) {
      assertThat(store.query(agency, PaymentQuery.all().referenceStartingWith("Ref-\uFFFF")))
          .extracting(p -> p.request().reference())
          .containsExactly("Ref-\uFFFF", "Ref-\uFFFFx");
      assertThat(store.query(agency, PaymentQuery.all().referenceStartingWith("Ref-\u00e9")))
          .extracting(p -> p.request().reference())
          .containsExactly("Ref-\u00e9t\u00e9", "Ref-\u00e9");
      assertThat(store.query(agency, PaymentQuery.all().referenceStartingWith("Ref-e")))
          .extracting(p -> p.request().reference())
          .containsExactly("Ref-e");
      assertThat(store.query(agency, PaymentQuery.all().referenceStartingWith("Ref-~")))
          .extracting(p -> p.request().reference())
          .containsExactly("Ref-~~");
      assertThat(store.query(agency, PaymentQuery.all().referenceStartingWith("Ref-")))
          .extracting(p -> p.request().reference())
          .containsExactlyElementsOf(refs);
    }
  }
}
