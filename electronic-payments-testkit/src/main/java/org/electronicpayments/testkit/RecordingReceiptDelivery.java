package org.electronicpayments.testkit;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.electronicpayments.Receipt;
import org.electronicpayments.spi.ReceiptDelivery;

/**
 * Keeps emailed receipts instead of sending them.
 *
 * <pre>{@code
 * RecordingReceiptDelivery outbox = RecordingReceiptDelivery.create();
 * payments.emailReceipt(actor, paymentId);
 * assertThat(outbox.sent()).singleElement().extracting(Sent::to).isEqualTo("pat@example.org");
 * }</pre>
 */
public final class RecordingReceiptDelivery implements ReceiptDelivery {

  private final CopyOnWriteArrayList<Sent> sent = new CopyOnWriteArrayList<>();

  private RecordingReceiptDelivery() {}

  /**
   * Creates an empty outbox.
   *
   * @return an empty outbox
   */
  public static RecordingReceiptDelivery create() {
    return new RecordingReceiptDelivery();
  }

  @Override
  public void send(Receipt receipt, String emailAddress) {
    sent.add(new Sent(receipt, emailAddress));
  }

  /**
   * Returns the receipts sent, oldest first, as a snapshot.
   *
   * @return the receipts
   */
  public List<Sent> sent() {
    return List.copyOf(sent);
  }

  /** Forgets everything sent. */
  public void reset() {
    sent.clear();
  }

  /**
   * One receipt sent.
   *
   * @param receipt the receipt
   * @param to the address
   */
  public record Sent(Receipt receipt, String to) {
    /** Requires both parts. */
    public Sent {
      Objects.requireNonNull(receipt, "receipt");
      Objects.requireNonNull(to, "to");
    }
  }
}
