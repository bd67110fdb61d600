package org.electronicpayments.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Schema version 5 ("records"): the audit trail's table for every database, and on PostgreSQL an
 * index with pattern operators so that finding payments by the start of their reference reads an
 * index under any collation. Plain SQL cannot say "PostgreSQL only", so this version runs two SQL
 * files from the jar ({@code org/electronicpayments/jdbc/V5__records.sql}, then {@code
 * V5__records_postgresql.sql} on PostgreSQL); a host applying the schema itself runs the same.
 */
final class RecordsMigration implements JavaMigration {

  static final String COMMON = "V5__records.sql";
  static final String POSTGRESQL = "V5__records_postgresql.sql";

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("5");
  }

  @Override
  public String getDescription() {
    return "records";
  }

  /** The checksum of both files, so that Flyway's validation notices an edited migration. */
  @Override
  public Integer getChecksum() {
    CRC32 crc = new CRC32();
    crc.update(read(COMMON).getBytes(StandardCharsets.UTF_8));
    crc.update(read(POSTGRESQL).getBytes(StandardCharsets.UTF_8));
    return (int) crc.getValue();
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    run(c, read(COMMON));
    if (Dialect.of(c) == Dialect.POSTGRESQL) {
      run(c, read(POSTGRESQL));
    }
  }

  private static void run(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String statement : statements(sql)) {
        s.execute(statement);
      }
    }
  }

  /** The file's statements: comment lines dropped, split at semicolons that end a line. */
  static List<String> statements(String sql) {
    StringBuilder text = new StringBuilder();
    for (String line : sql.split("\n", -1)) {
      if (!line.strip().startsWith("--")) {
        text.append(line).append('\n');
      }
    }
    List<String> out = new ArrayList<>();
    for (String part : text.toString().split(";\\s*\n", -1)) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }

  static String read(String name) {
    try (InputStream in = RecordsMigration.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
