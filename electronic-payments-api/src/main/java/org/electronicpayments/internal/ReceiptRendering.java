package org.electronicpayments.internal;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.Receipt;

/** Renders receipts as plain text and as a printable HTML page. */
public final class ReceiptRendering {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US);

  private ReceiptRendering() {}

  public static String text(Receipt r) {
    StringBuilder s = new StringBuilder();
    s.append(r.agency().name()).append('\n');
    r.agency().addressLines().forEach(line -> s.append(line).append('\n'));
    if (r.agency().phone() != null) {
      s.append(r.agency().phone()).append('\n');
    }
    s.append('\n').append("PAYMENT RECEIPT").append('\n');
    row(s, "Client", r.clientName());
    row(s, "Date posted", DATE.format(r.datePosted()));
    row(s, "Reference", r.reference());
    row(s, "Payer", r.payerLabel());
    row(s, "Paid with", r.methodLabel());
    row(s, "Amount", r.amount().toDisplayString());
    if (!r.refunded().isZero()) {
      row(s, "Refunded", r.refunded().toDisplayString());
    }
    row(s, "Confirmation", r.confirmationNumber());
    row(s, "Status", statusLabel(r.status()));
    s.append('\n').append("Thank you.").append('\n');
    return s.toString();
  }

  public static String html(Receipt r) {
    return html(r, true);
  }

  /** The page for a mail client: the same, without the Print button and its script. */
  public static String emailHtml(Receipt r) {
    return html(r, false);
  }

  private static String html(Receipt r, boolean printable) {
    StringBuilder s = new StringBuilder(2048);
    s.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>Receipt ")
        .append(esc(r.reference()))
        .append("</title>\n<style>\n")
        .append(
            "body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;color:#111}\n")
        .append(
            "h1{font-size:1.25rem;margin:0}h2{font-size:1rem;letter-spacing:.08em;margin-top:1.5rem}\n")
        .append(
            "table{width:100%;border-collapse:collapse}th{text-align:left;font-weight:normal;color:#555}\n")
        .append("td{text-align:right}th,td{padding:.35rem 0;border-bottom:1px solid #ddd}\n")
        .append(".total td{font-weight:bold}.print{margin-top:1.5rem}\n")
        .append(
            "@media print{@page{size:auto;margin:12mm}body{margin:0;max-width:none}.print{display:none}}\n")
        .append("</style>\n</head>\n<body>\n<header>\n<h1>")
        .append(esc(r.agency().name()))
        .append("</h1>\n");
    r.agency()
        .addressLines()
        .forEach(line -> s.append("<div>").append(esc(line)).append("</div>\n"));
    if (r.agency().phone() != null) {
      s.append("<div>").append(esc(r.agency().phone())).append("</div>\n");
    }
    s.append("</header>\n<h2>PAYMENT RECEIPT</h2>\n<table>\n");
    htmlRow(s, "Client", r.clientName(), false);
    htmlRow(s, "Date posted", DATE.format(r.datePosted()), false);
    htmlRow(s, "Reference", r.reference(), false);
    htmlRow(s, "Payer", r.payerLabel(), false);
    htmlRow(s, "Paid with", r.methodLabel(), false);
    htmlRow(s, "Amount", r.amount().toDisplayString(), true);
    if (!r.refunded().isZero()) {
      htmlRow(s, "Refunded", r.refunded().toDisplayString(), false);
    }
    htmlRow(s, "Confirmation", r.confirmationNumber(), false);
    htmlRow(s, "Status", statusLabel(r.status()), false);
    s.append("</table>\n<p>Thank you.</p>\n");
    if (printable) {
      s.append("<button class=\"print\" onclick=\"window.print()\">Print</button>\n");
    }
    s.append("</body>\n</html>\n");
    return s.toString();
  }

  static String statusLabel(PaymentStatus status) {
    return switch (status) {
      case SUCCEEDED, POSTED -> "Paid";
      case REFUNDED -> "Refunded";
      case PARTIALLY_REFUNDED -> "Partly refunded";
      case FAILED -> "Not charged";
      default -> "Pending";
    };
  }

  private static void row(StringBuilder s, String label, String value) {
    s.append(String.format(Locale.US, "%-14s%s", label + ":", value)).append('\n');
  }

  private static void htmlRow(StringBuilder s, String label, String value, boolean total) {
    s.append(total ? "<tr class=\"total\">" : "<tr>")
        .append("<th>")
        .append(esc(label))
        .append("</th><td>")
        .append(esc(value))
        .append("</td></tr>\n");
  }

  static String esc(String v) {
    StringBuilder out = new StringBuilder(v.length() + 16);
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
