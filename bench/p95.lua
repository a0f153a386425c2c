-- Prints the latency percentiles and the request rate in one line that bench/run.sh parses.
done = function(summary, latency, requests)
  io.write(string.format("RESULT rps=%.1f p50=%.2f p95=%.2f p99=%.2f errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout))
end
