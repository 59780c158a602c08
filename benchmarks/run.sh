#!/usr/bin/env bash
# Builds the benchmarks and runs the whole suite (about 5 minutes on 2 cores): wire efficiency,
# latency against the 1200-baud limit, codec cost (JMH), scale (100, 1,000 and 5,000 meters) and
# kmp-tool's start-to-answer time.
# Writes benchmarks/target/results.md and prints it. Options go to the suite, e.g. --quick or
# --only latency,codec (see org.camelkmp.benchmarks.Suite).
set -euo pipefail
cd "$(dirname "$0")/.."
# 5,000 simulated meters need about 10,000 sockets in the meter process: use the hard limit.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
mvn -B -q -pl benchmarks -am package -DskipTests
exec java -jar benchmarks/target/benchmarks.jar "$@"
