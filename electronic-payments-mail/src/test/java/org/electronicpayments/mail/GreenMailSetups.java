package org.electronicpayments.mail;

import com.icegreen.greenmail.util.ServerSetup;

/** GreenMail on 127.0.0.1 at a free port, with room to start on a busy machine. */
final class GreenMailSetups {

  private static final long STARTUP_TIMEOUT_MILLIS = 30_000;

  private GreenMailSetups() {}

  static ServerSetup smtp() {
    return on(ServerSetup.PROTOCOL_SMTP);
  }

  /**
   * SMTPS, serving the test certificate (the build points GreenMail at {@code tls/localhost.p12}).
   */
  static ServerSetup smtps() {
    return on(ServerSetup.PROTOCOL_SMTPS);
  }

  private static ServerSetup on(String protocol) {
    ServerSetup setup = new ServerSetup(0, "127.0.0.1", protocol).dynamicPort();
    setup.setServerStartupTimeout(STARTUP_TIMEOUT_MILLIS);
    return setup;
  }
}
