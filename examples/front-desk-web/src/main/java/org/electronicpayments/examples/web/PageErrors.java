package org.electronicpayments.examples.web;

import org.electronicpayments.AccessDeniedException;
import org.electronicpayments.PaymentNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What the pages show when the facade refuses: a plain "not allowed" page (403) that names no
 * client data, and "not found" (404). The starter's JSON API answers with its own problem details.
 */
@ControllerAdvice(assignableTypes = {StaffPages.class, PortalPages.class, ChampionPages.class})
public class PageErrors {

  /** Creates the handler. */
  public PageErrors() {}

  /**
   * The actor may not do this.
   *
   * @param e the refusal
   * @param model the page's model
   * @return the page
   */
  @ExceptionHandler(AccessDeniedException.class)
  @ResponseStatus(HttpStatus.FORBIDDEN)
  String denied(AccessDeniedException e, Model model) {
    model.addAttribute("title", "Not allowed");
    model.addAttribute(
        "message", "You are not allowed to see or change this. Ask the agency if you need access.");
    return "problem";
  }

  /**
   * No such payment.
   *
   * @param e the error
   * @param model the page's model
   * @return the page
   */
  @ExceptionHandler(PaymentNotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound(PaymentNotFoundException e, Model model) {
    model.addAttribute("title", "Not found");
    model.addAttribute("message", "There is no such payment.");
    return "problem";
  }
}
