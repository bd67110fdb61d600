package org.electronicpayments.jdbc;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.electronicpayments.AgencyDetails;
import org.electronicpayments.AgencyId;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.PaymentQuery;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.testkit.FakePaymentProcessor;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Benchmark, not a test: what reconcile's refund pass costs with 1,000,000 settled payments (each
 * with a settled refund) of which 100 have a refund in doubt, on H2 (in memory) and PostgreSQL
 * (when {@code EP_POSTGRES_URL} is set, as {@code .ci/postgres.sh} writes it). Prints the read that
 * finds the unsettled refunds (median and worst of 21), the plan PostgreSQL chooses, the read the
 * pass made before it had a refund filter (the first pages of every charged payment), and a whole
 * {@code reconcile} with the fake processor.
 *
 * <pre>{@code
 * java -cp <test class path> org.electronicpayments.jdbc.RefundReconcileBench
 * }</pre>
 *
 * <p>Options: {@code -Dbench.rows=1000000}.
 */
public final class RefundReconcileBench {

  private static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);
  private static final int IN_DOUBT = 100;
  private static final String SCHEMA = "ep_refund_bench";
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  private static final long BASE_NS = Rows.nanos(Instant.parse("2025-01-01T00:00:00Z"));
  private static final AgencyId AGENCY = AgencyId.of("bench-agency");
  private static final PaymentQuery CHARGED =
      PaymentQuery.all()
          .statuses(
              EnumSet.of(
                  PaymentStatus.SUCCEEDED,
                  PaymentStatus.POSTED,
                  PaymentStatus.PARTIALLY_REFUNDED,
                  PaymentStatus.REFUNDED));

  private RefundReconcileBench() {}

  public static void main(String[] args) throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:refundbench;DB_CLOSE_DELAY=-1");
    measure("H2 in memory", new SimplePool(h2), false);
    String url = System.getenv("EP_POSTGRES_URL");
    if (url == null) {
      System.out.println("PostgreSQL not measured: EP_POSTGRES_URL not set");
      return;
    }
    PGSimpleDataSource pg = new PGSimpleDataSource();
    pg.setURL(url);
    pg.setUser(System.getenv("EP_POSTGRES_USER"));
    pg.setPassword(System.getenv("EP_POSTGRES_PASSWORD"));
    DataSource pool = new SimplePool(pg);
    try {
      measure("PostgreSQL", pool, true);
    } finally {
      sql(pool, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }
  }

  private static void measure(String name, DataSource ds, boolean postgres) throws Exception {
    sql(ds, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    JdbcPaymentStore store =
        JdbcPaymentStore.builder().dataSource(ds).schema(SCHEMA).migrate(true).build();
    String schema = postgres ? SCHEMA : "\"" + SCHEMA + "\"";
    long t = System.nanoTime();
    load(ds, postgres, schema + ".payments", paymentColumns(), payments());
    load(ds, postgres, schema + ".payment_attempts", ATTEMPT_COLUMNS, attempts());
    load(ds, postgres, schema + ".payment_refunds", REFUND_COLUMNS, refunds());
    if (postgres) {
      sql(ds, "ANALYZE " + schema + ".payments");
      sql(ds, "ANALYZE " + schema + ".payment_attempts");
      sql(ds, "ANALYZE " + schema + ".payment_refunds");
    }
    System.out.printf(
        Locale.ROOT,
        "%s: loaded %,d settled payments, each with a refund, %d of them in doubt, in %.1f s%n",
        name,
        ROWS,
        IN_DOUBT,
        (System.nanoTime() - t) / 1e9);

    PaymentQuery unsettled = CHARGED.unsettledRefunds().page(0, 500);
    double[] reads = new double[21];
    for (int i = 0; i < reads.length; i++) {
      t = System.nanoTime();
      int found = store.query(AGENCY, unsettled).size();
      reads[i] = (System.nanoTime() - t) / 1e6;
      if (found != IN_DOUBT) {
        throw new IllegalStateException("found " + found + " payments with an unsettled refund");
      }
    }
    Arrays.sort(reads);
    System.out.printf(
        Locale.ROOT,
        "%s: the refund pass's read (finds %d among %,d): median %.2f ms, worst %.2f ms%n",
        name,
        IN_DOUBT,
        ROWS,
        reads[reads.length / 2],
        reads[reads.length - 1]);
    if (postgres) {
      plan(ds, schema);
    }

    int pages = 5;
    t = System.nanoTime();
    for (int p = 0; p < pages; p++) {
      store.query(AGENCY, CHARGED.page(p * 500, 500));
    }
    double perPage = (System.nanoTime() - t) / 1e6 / pages;
    System.out.printf(
        Locale.ROOT,
        "%s: the read before the refund filter: %.1f ms a page of 500, %,d pages for every charged"
            + " payment (at least %.0f s a pass)%n",
        name,
        perPage,
        ROWS / 500,
        perPage * (ROWS / 500) / 1e3);

    try (ElectronicPayments payments =
        ElectronicPayments.builder()
            .store(store)
            .processor(FakePaymentProcessor.create())
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .agency(new AgencyDetails(AGENCY, "Bench", List.of("1 Main St"), null, ZoneOffset.UTC))
            .build()) {
      t = System.nanoTime();
      payments.reconcile(Node.RECONCILER);
      double ms = (System.nanoTime() - t) / 1e6;
      int left = store.query(AGENCY, unsettled).size();
      System.out.printf(
          Locale.ROOT,
          "%s: a whole reconcile (fake processor) with %d refunds in doubt among %,d: %.1f ms;"
              + " refunds still unsettled after it: %d%n",
          name,
          IN_DOUBT,
          ROWS,
          ms,
          left);
    }
  }

  private static boolean doubtful(int i) {
    return i % (ROWS / IN_DOUBT) == 7;
  }

  private static String paymentColumns() {
    return "id, " + String.join(", ", PaymentWriter.COLUMNS) + ", version";
  }

  private static final String ATTEMPT_COLUMNS =
      "payment_id, attempt_no, idempotency_key, card_kind, card_token, card_nickname,"
          + " card_method_id, processor_reference, status, started_at_ns, ended_at_ns";

  private static final String REFUND_COLUMNS =
      "payment_id, refund_no, amount_minor, currency, idempotency_key, processor_reference,"
          + " status, requested_by, requested_at_ns";

  private static IntFunction<String> payments() {
    return i -> {
      long at = BASE_NS + i * 1_000_000_000L;
      java.util.Map<String, String> v = new java.util.HashMap<>();
      v.put("agency_id", AGENCY.value());
      v.put("reference", "R-" + i);
      v.put("client_id", "c" + (i % 5000));
      v.put("appointment_id", "appt-" + i);
      v.put("origin", "APPOINTMENTS");
      v.put("date_posted", LocalDate.of(2025, 1, 1).plusDays(i % 365).toString());
      v.put("payment_type", "CREDIT_CARD");
      v.put("payer", "CO_PAY");
      v.put("amount_minor", "1000");
      v.put("currency", "USD");
      v.put("electronic", "true");
      v.put("client_present", "true");
      v.put("card_kind", "ONE_TIME");
      v.put("card_token", "pm_card_visa");
      v.put("status", "POSTED");
      v.put("confirmation_number", "ch_" + i);
      v.put("charged_brand", "visa");
      v.put("charged_last4", "4242");
      v.put("charged_exp_year", "2030");
      v.put("charged_exp_month", "12");
      v.put("charged_fingerprint", "fp_" + i);
      v.put("created_by", "staff:s-1");
      v.put("created_at_ns", Long.toString(at));
      v.put("updated_at_ns", Long.toString(at + 2));
      v.put("posted_by", "staff:s-1");
      v.put("posted_at_ns", Long.toString(at + 1));
      StringBuilder row = new StringBuilder("pay_rb_").append(i);
      for (String column : PaymentWriter.COLUMNS) {
        row.append(',').append(v.getOrDefault(column, ""));
      }
      return row.append(",2").toString();
    };
  }

  private static IntFunction<String> attempts() {
    return i -> {
      long at = BASE_NS + i * 1_000_000_000L;
      return "pay_rb_"
          + i
          + ",1,pay_rb_"
          + i
          + "-a1,ONE_TIME,pm_card_visa,,,pi_rb_"
          + i
          + ",SUCCEEDED,"
          + at
          + ","
          + (at + 1);
    };
  }

  private static IntFunction<String> refunds() {
    return i -> {
      long at = BASE_NS + i * 1_000_000_000L;
      boolean doubt = doubtful(i);
      return "pay_rb_"
          + i
          + ",1,200,USD,pay_rb_"
          + i
          + "-r1,"
          + (doubt ? "" : "re_rb_" + i)
          + ","
          + (doubt ? "IN_DOUBT" : "SUCCEEDED")
          + ",staff:s-1,"
          + (at + 2);
    };
  }

  /** COPY on PostgreSQL; on H2 a CSV file read with CSVREAD (empty fields are NULL). */
  private static void load(
      DataSource ds, boolean postgres, String table, String columns, IntFunction<String> line)
      throws SQLException, IOException {
    try (Connection c = ds.getConnection()) {
      if (postgres) {
        c.unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn("COPY " + table + " (" + columns + ") FROM STDIN (FORMAT csv)", lines(line));
        return;
      }
      Path file = Files.createTempFile("ep-refund-bench", ".csv");
      try {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
          for (int i = 0; i < ROWS; i++) {
            w.write(line.apply(i));
            w.write('\n');
          }
        }
        String names = columns.replace(" ", "").toUpperCase(Locale.ROOT);
        try (Statement s = c.createStatement()) {
          s.execute(
              "INSERT INTO "
                  + table
                  + " ("
                  + columns
                  + ") SELECT * FROM CSVREAD('"
                  + file
                  + "', '"
                  + names
                  + "', 'charset=UTF-8 nullString=')");
        }
      } finally {
        Files.deleteIfExists(file);
      }
    }
  }

  private static void plan(DataSource ds, String schema) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "EXPLAIN ANALYZE SELECT * FROM "
                    + schema
                    + ".payments WHERE agency_id = '"
                    + AGENCY
                    + "' AND id IN (SELECT payment_id FROM "
                    + schema
                    + ".payment_refunds WHERE status IN ('IN_DOUBT', 'PENDING')) AND status IN"
                    + " ('PARTIALLY_REFUNDED', 'POSTED', 'REFUNDED', 'SUCCEEDED')"
                    + " ORDER BY created_at_ns, id OFFSET 0 ROWS FETCH NEXT 500 ROWS ONLY")) {
      System.out.println("PostgreSQL plan of the refund pass's read:");
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

  /** Streams CSV rows without holding them all in memory. */
  private static Reader lines(IntFunction<String> line) {
    return new Reader() {
      private int next;
      private StringReader chunk = new StringReader("");

      @Override
      public int read(char[] buf, int off, int len) throws IOException {
        int n = chunk.read(buf, off, len);
        while (n <= 0 && next < ROWS) {
          StringBuilder sb = new StringBuilder();
          for (int k = 0; k < 10_000 && next < ROWS; k++) {
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
