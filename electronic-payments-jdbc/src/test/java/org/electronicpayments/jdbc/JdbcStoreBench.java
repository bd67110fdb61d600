package org.electronicpayments.jdbc;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.electronicpayments.AgencyDetails;
import org.electronicpayments.AgencyId;
import org.electronicpayments.ClientId;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentQuery;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.ReconcileReport;
import org.electronicpayments.testkit.FakePaymentProcessor;
import org.electronicpayments.testkit.SamplePayments;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Benchmark, not a test: payments stored per second on H2 and PostgreSQL, and what reconcile costs
 * with 100 in-doubt payments among 1,000,000 on PostgreSQL. Run it (PostgreSQL from {@code
 * .ci/postgres.sh}; without {@code EP_POSTGRES_URL} only H2 is measured):
 *
 * <pre>{@code
 * bash .ci/postgres.sh start && . /tmp/ep-postgres/env.sh
 * mvn -B -q -pl electronic-payments-jdbc -am test-compile exec:java \
 *     -Dexec.mainClass=org.electronicpayments.jdbc.JdbcStoreBench
 * }</pre>
 *
 * <p>Options: {@code -Dbench.seconds=5} (each measurement), {@code -Dbench.rows=1000000}, {@code
 * -Dbench.h2only=true}. Connections come from a small pool, as a host's would.
 */
public final class JdbcStoreBench {

  private static final Duration RUN = Duration.ofSeconds(Integer.getInteger("bench.seconds", 5));
  private static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);
  private static final int IN_DOUBT = 100;
  private static final String SCHEMA = "ep_bench";

  private JdbcStoreBench() {}

  public static void main(String[] args) throws Exception {
    JdbcDataSource mem = new JdbcDataSource();
    mem.setURL("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1");
    Path dir = Files.createTempDirectory("ep-bench-h2");
    JdbcDataSource file = new JdbcDataSource();
    file.setURL("jdbc:h2:file:" + dir.resolve("payments"));
    if (!Boolean.getBoolean("bench.reconcileOnly")) {
      storeRates("H2 in memory", new SimplePool(mem));
      storeRates("H2 file", new SimplePool(file));
    }
    String url = System.getenv("EP_POSTGRES_URL");
    if (url == null || Boolean.getBoolean("bench.h2only")) {
      System.out.println(
          "PostgreSQL not measured: EP_POSTGRES_URL not set (bash .ci/postgres.sh start) or -Dbench.h2only");
      return;
    }
    PGSimpleDataSource pg = new PGSimpleDataSource();
    pg.setURL(url);
    pg.setUser(System.getenv("EP_POSTGRES_USER"));
    pg.setPassword(System.getenv("EP_POSTGRES_PASSWORD"));
    DataSource pool = new SimplePool(pg);
    sql(pool, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    if (Boolean.getBoolean("bench.reconcileOnly")) {
      JdbcPaymentStore.builder().dataSource(pool).schema(SCHEMA).migrate(true).build();
    } else {
      storeRates("PostgreSQL", pool);
    }
    try {
      reconcileAmongMany(pool);
    } finally {
      if (!Boolean.getBoolean("bench.keep")) {
        sql(pool, "DROP SCHEMA " + SCHEMA + " CASCADE");
      }
    }
  }

  /**
   * Inserts of a new payment (one attempt), and the facade's write cycle: insert, two versioned
   * updates.
   */
  private static void storeRates(String name, DataSource ds) throws Exception {
    JdbcPaymentStore store =
        JdbcPaymentStore.builder().dataSource(ds).schema(SCHEMA).migrate(true).build();
    for (int threads : new int[] {1, 4}) {
      double inserts = rate(threads, i -> store.insert(sample(i)));
      double cycles =
          rate(
              threads,
              i -> {
                Payment p = sample(i);
                store.insert(p);
                Payment v1 =
                    store.update(
                        p.change()
                            .status(PaymentStatus.PROCESSING)
                            .at(p.createdAt().plusMillis(1)));
                store.update(
                    v1.change()
                        .status(PaymentStatus.SUCCEEDED)
                        .confirmationNumber("ch_1")
                        .at(p.createdAt().plusMillis(2)));
              });
      System.out.printf(
          "%-13s %d thread(s): %,9.0f inserts/s   %,9.0f payments/s (insert + 2 updates)%n",
          name, threads, inserts, cycles);
    }
  }

  private interface Op {
    void run(long i) throws Exception;
  }

  private static final AtomicLong SEQUENCE = new AtomicLong();

  private static double rate(int threads, Op op) throws Exception {
    long warmUpUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
    while (System.nanoTime() < warmUpUntil) {
      op.run(SEQUENCE.incrementAndGet());
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicLong done = new AtomicLong();
    long start = System.nanoTime();
    long end = start + RUN.toNanos();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(
          pool.submit(
              () -> {
                while (System.nanoTime() < end) {
                  op.run(SEQUENCE.incrementAndGet());
                  done.incrementAndGet();
                }
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    return done.get() / ((System.nanoTime() - start) / 1e9);
  }

  private static Payment sample(long i) {
    return SamplePayments.cardPayment(
        AgencyId.of("bench-insert"),
        ClientId.of("c" + (i % 5000)),
        "INS-" + i,
        Instant.parse("2026-01-01T00:00:00Z").plusNanos(i * 1_000));
  }

  /**
   * 1,000,000 payments of one agency, 100 of them in doubt: what reconcile's reads and a full
   * reconcile cost.
   */
  private static void reconcileAmongMany(DataSource ds) throws Exception {
    AgencyId agency = AgencyId.of("bench-agency");
    long loadStart = System.nanoTime();
    try (Connection c = ds.getConnection()) {
      BulkRows rows = new BulkRows(ROWS, IN_DOUBT);
      PGConnection pg = c.unwrap(PGConnection.class);
      pg.getCopyAPI()
          .copyIn(
              "COPY "
                  + SCHEMA
                  + ".payments (id, "
                  + String.join(", ", PaymentWriter.COLUMNS)
                  + ", version) FROM STDIN (FORMAT csv)",
              rows.payments(agency));
      pg.getCopyAPI()
          .copyIn(
              "COPY "
                  + SCHEMA
                  + ".payment_attempts (payment_id, attempt_no, idempotency_key,"
                  + " card_kind, card_token, card_nickname, card_method_id, processor_reference, status, started_at_ns,"
                  + " ended_at_ns) FROM STDIN (FORMAT csv)",
              rows.attempts());
    }
    sql(ds, "ANALYZE " + SCHEMA + ".payments");
    sql(ds, "ANALYZE " + SCHEMA + ".payment_attempts");
    System.out.printf(
        "PostgreSQL: loaded %,d payments (%d in doubt) with their attempts in %.1f s%n",
        ROWS, IN_DOUBT, (System.nanoTime() - loadStart) / 1e9);

    Clock clock = Clock.fixed(BulkRows.NOW, ZoneOffset.UTC);
    JdbcPaymentStore store = JdbcPaymentStore.builder().dataSource(ds).schema(SCHEMA).build();
    PaymentQuery unsettled =
        PaymentQuery.all()
            .statuses(EnumSet.of(PaymentStatus.IN_DOUBT, PaymentStatus.REQUIRES_ACTION))
            .limit(500);
    PaymentQuery stale =
        PaymentQuery.all()
            .statuses(EnumSet.of(PaymentStatus.PENDING, PaymentStatus.PROCESSING))
            .updatedBefore(BulkRows.NOW)
            .limit(500);
    double[] reads = new double[21];
    for (int i = 0; i < reads.length; i++) {
      long t = System.nanoTime();
      int found = store.query(agency, unsettled).size() + store.query(agency, stale).size();
      reads[i] = (System.nanoTime() - t) / 1e6;
      if (found != IN_DOUBT) {
        throw new IllegalStateException("found " + found);
      }
    }
    java.util.Arrays.sort(reads);
    System.out.printf(
        "PostgreSQL: reconcile's two reads (100 in doubt of %,d): median %.2f ms, max %.2f ms%n",
        ROWS, reads[reads.length / 2], reads[reads.length - 1]);

    printPlan(ds, agency);
    long t = System.nanoTime();
    int claimed = store.claimUnsettled(agency, BulkRows.NOW, BulkRows.NOW, 1000).size();
    System.out.printf(
        "PostgreSQL: claimUnsettled (SKIP LOCKED) of %d: %.1f ms%n",
        claimed, (System.nanoTime() - t) / 1e6);
    sql(
        ds,
        "UPDATE "
            + SCHEMA
            + ".payments SET status = 'IN_DOUBT', version = version + 1 WHERE agency_id = '"
            + agency
            + "' AND status = 'PROCESSING'");

    FakePaymentProcessor stripe = FakePaymentProcessor.create();
    try (ElectronicPayments payments =
        ElectronicPayments.builder()
            .store(store)
            .processor(stripe)
            .clock(clock)
            .agency(new AgencyDetails(agency, "Bench", List.of("1 Main St"), null, ZoneOffset.UTC))
            .build()) {
      t = System.nanoTime();
      ReconcileReport report = payments.reconcile(Node.RECONCILER);
      System.out.printf(
          "PostgreSQL: full reconcile (fake processor) of %d in doubt among %,d: %.1f ms (%s)%n",
          report.examined(), ROWS, (System.nanoTime() - t) / 1e6, report);
    }
  }

  private static void printPlan(DataSource ds, AgencyId agency) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        var rs =
            s.executeQuery(
                "EXPLAIN SELECT * FROM "
                    + SCHEMA
                    + ".payments WHERE agency_id = '"
                    + agency
                    + "' AND status IN ('IN_DOUBT', 'REQUIRES_ACTION') ORDER BY created_at_ns, id")) {
      System.out.println("PostgreSQL plan of reconcile's read:");
      while (rs.next()) {
        System.out.println("  " + rs.getString(1));
      }
    }
  }

  private static void sql(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** Streams CSV rows for COPY without holding them all in memory. */
  private record BulkRows(int rows, int inDoubt) {
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final long BASE_NS = Rows.nanos(Instant.parse("2025-01-01T00:00:00Z"));

    boolean doubtful(int i) {
      return i % (rows / inDoubt) == 0;
    }

    Reader payments(AgencyId agency) {
      return lines(
          i -> {
            long at = BASE_NS + i * 1_000_000_000L;
            String status = doubtful(i) ? "IN_DOUBT" : "POSTED";
            String charged =
                doubtful(i) ? ",,,,,,,,,,," : "ch_" + i + ",,,,,,visa,4242,2030,12,fp_" + i + ",";
            String posted = doubtful(i) ? "," : "staff:s-1," + (at + 1);
            return "pay_bench_"
                + i
                + ","
                + agency
                + ",R-"
                + i
                + ",c"
                + (i % 5000)
                + ",appt-"
                + i
                + ",APPOINTMENTS,"
                + java.time.LocalDate.of(2025, 1, 1).plusDays(i % 365)
                + ",,CREDIT_CARD,CO_PAY,1000,USD,,t,t,ONE_TIME,"
                + "pm_card_visa,,,"
                + status
                + ","
                + charged
                + ",staff:s-1,"
                + at
                + ","
                + (at + 1)
                + ","
                + posted
                + ",1";
          });
    }

    Reader attempts() {
      return lines(
          i -> {
            long at = BASE_NS + i * 1_000_000_000L;
            String status = doubtful(i) ? "IN_DOUBT" : "SUCCEEDED";
            return "pay_bench_"
                + i
                + ",1,pay_bench_"
                + i
                + "-a1,ONE_TIME,pm_card_visa,,,pi_bench_"
                + i
                + ","
                + status
                + ","
                + at
                + ","
                + (doubtful(i) ? "" : String.valueOf(at + 1));
          });
    }

    private Reader lines(java.util.function.IntFunction<String> line) {
      return new Reader() {
        private int next;
        private StringReader chunk = new StringReader("");

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
          int n = chunk.read(buf, off, len);
          while (n <= 0 && next < rows) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < 10_000 && next < rows; k++) {
              sb.append(line.apply(next++)).append('\n');
            }
            chunk = new StringReader(sb.toString());
            n = chunk.read(buf, off, len);
          }
          return n;
        }

        @Override
        public void close() {}
      };
    }
  }
}
