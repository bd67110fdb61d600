#!/usr/bin/env bash
# Runs the README's first command and checks that it prints the example and nothing else: its first
# line is the example's first ("Ledger: ..."), its last the example's last ("(the ledger holds ..."),
# and no log line or benchmark line comes in between.
# Run after the build, so the command only packages and runs the example.
set -euo pipefail
cd "$(dirname "$0")/.."

out=$(./mvnw -B -q -pl examples/console -am -DskipTests package exec:java 2>&1)
first=${out%%$'\n'*}
last=${out##*$'\n'}
# Log lines (java.util.logging's "INFO:", SLF4J's "[main] INFO") and the JDBC store benchmark are not the example.
noise=$(grep -cE '^(INFO|WARNING|SEVERE): |\[main\] (INFO|WARN|ERROR) |inserts/s' <<<"$out" || true)
if [[ "$first" != "Ledger: H2 database "* || "$last" != *"(the ledger holds "*" payments from every run so far)" \
    || "$noise" != 0 ]]; then
  echo "first-command.sh: the README's first command printed more than the example:" >&2
  printf '%s\n' "$out" | head -n 40 >&2 || true
  exit 1
fi
echo "first-command.sh: the README's first command printed the example ($(wc -l <<<"$out") lines) and nothing else"
