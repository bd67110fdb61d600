package org.electronicpayments.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.electronicpayments.spi.AuditQuery;
import org.electronicpayments.spi.AuditSink;

/**
 * An audit trail in memory, for assertions.
 *
 * <pre>{@code
 * RecordingAuditSink audit = RecordingAuditSink.create();
 * // … build the facade with .auditSink(audit), act …
 * assertThat(audit.denials()).hasSize(1);
 * }</pre>
 */
public final class RecordingAuditSink implements AuditSink {

  private final CopyOnWriteArrayList<Event> events = new CopyOnWriteArrayList<>();

  private RecordingAuditSink() {}

  /**
   * Creates an empty sink.
   *
   * @return an empty sink
   */
  public static RecordingAuditSink create() {
    return new RecordingAuditSink();
  }

  @Override
  public void record(Event event) {
    events.add(event);
  }

  /**
   * Returns every decision recorded, oldest first, as a snapshot.
   *
   * @return the decisions
   */
  public List<Event> events() {
    return List.copyOf(events);
  }

  /**
   * Searches the decisions as a durable trail does (the JDBC module's {@code JdbcAuditSink}).
   *
   * @param query the filters and page
   * @return the matching decisions, oldest first (as recorded)
   */
  public List<Event> events(AuditQuery query) {
    return events.stream()
        .filter(query::matches)
        .skip(query.offset())
        .limit(query.limit())
        .toList();
  }

  /**
   * Returns the denied decisions, oldest first.
   *
   * @return the denied decisions
   */
  public List<Event> denials() {
    return events.stream().filter(e -> !e.allowed()).toList();
  }

  /** Forgets everything recorded. */
  public void reset() {
    events.clear();
  }
}
