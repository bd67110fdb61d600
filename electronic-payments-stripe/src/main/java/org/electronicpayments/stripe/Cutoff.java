package org.electronicpayments.stripe;

import java.net.HttpURLConnection;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ends one try's {@link HttpURLConnection} at the try's deadline unless the try finished first.
 * One daemon timer thread per JVM runs the cut-offs; a try only schedules and cancels its task,
 * it is never handed to another thread.
 *
 * <p>Until the response headers are in, the cut-off {@link HttpURLConnection#disconnect()}s the
 * connection: the blocked connect, write or read fails at once, and the JDK does not re-send the
 * request. It does so again every {@value #RECUT_MILLIS} ms until the try ends, in case the
 * connection was opened anew in between. Once the body is being read the cut-off only marks the
 * try {@linkplain #late() late}: a disconnect would wait for the stream's lock, held by a blocked
 * read, and so hold the timer thread; the reader checks between reads instead, and a read that
 * receives nothing at all ends by the connection's read timeout.
 */
final class Cutoff implements Runnable {

  static final long RECUT_MILLIS = 50;

  private static final int SENDING = 0;
  private static final int READING = 1;
  private static final int CUT = 2;
  private static final int LATE = 3;
  private static final int DONE = 4;

  private final AtomicInteger state = new AtomicInteger(SENDING);
  private final HttpURLConnection connection;
  private volatile ScheduledFuture<?> task;

  private Cutoff(HttpURLConnection connection, long millis) {
    this.connection = connection;
    this.task = Timer.INSTANCE.schedule(this, millis, TimeUnit.MILLISECONDS);
  }

  /** Schedules the cut-off of {@code connection} in {@code millis}. */
  static Cutoff arm(HttpURLConnection connection, long millis) {
    return new Cutoff(connection, millis);
  }

  /** Whether the connection was cut before the response headers were read. */
  boolean cut() {
    return state.get() == CUT;
  }

  /** Marks the start of reading the body; false when the connection was already cut. */
  boolean reading() {
    return state.compareAndSet(SENDING, READING);
  }

  /** Whether the deadline passed while the body was being read. */
  boolean late() {
    return state.get() == LATE;
  }

  /** Ends the cut-off; returns whether the try was cut or late. */
  boolean disarm() {
    int was = state.getAndSet(DONE);
    task.cancel(false);
    return was == CUT || was == LATE;
  }

  @Override
  public void run() {
    int now = state.get();
    if ((now == SENDING && state.compareAndSet(SENDING, CUT)) || now == CUT) {
      connection.disconnect();
      if (state.get() == CUT) {
        task = Timer.INSTANCE.schedule(this, RECUT_MILLIS, TimeUnit.MILLISECONDS);
      }
    } else if (now == READING) {
      state.compareAndSet(READING, LATE);
    }
  }

  /** The one timer thread, started on first use. */
  private static final class Timer {
    static final ScheduledThreadPoolExecutor INSTANCE = start();

    private static ScheduledThreadPoolExecutor start() {
      ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "electronic-payments-stripe-cutoff");
        thread.setDaemon(true);
        return thread;
      });
      timer.setRemoveOnCancelPolicy(true); // a cancelled cut-off does not wait in the queue for its time
      return timer;
    }
  }
}
