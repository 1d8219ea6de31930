/* Shared pieces of the native baseline clients: options, timing, percentiles, JSON lines.
 *
 * The baselines are what the Java API is measured against (benchmarks/), so they do the same work per request as the
 * Java side: build the request with the library, wait for the response, parse the fields out of it. */
#ifndef WWAN4J_BASELINE_H
#define WWAN4J_BASELINE_H

#include <glib.h>
#include <stdint.h>

typedef struct {
    const char *device;
    const char *request;      /* which round trip to time */
    const char *samples_file; /* raw per-request microseconds, one per line, if set */
    gboolean    proxy;        /* open through qmi-proxy / mbim-proxy */
    guint       count;        /* timed requests */
    guint       warmup;       /* untimed requests before them */
    guint       indications;  /* indications to wait for after the requests */
    guint       hold_seconds; /* stay idle with the device open afterwards (memory measurements) */
    guint       timeout;      /* per request, seconds */
} BaselineOptions;

/* Parses argv into options; on bad usage prints why and exits 2 (the project's usage exit code). */
void baseline_parse_options (int argc, char **argv, const char *default_request, const char *requests_help,
                             BaselineOptions *options);

/* CLOCK_MONOTONIC in nanoseconds: the same clock as Java's System.nanoTime() on Linux, so a harness can compare
 * timestamps taken in different processes. */
int64_t baseline_now_ns (void);

/* Prints {"client":"c",...,"p50_us":...} for the samples (nanoseconds) and writes them to the samples file if asked. */
void baseline_report (const BaselineOptions *options, const char *protocol, const int64_t *samples_ns, guint n);

/* Prints one JSON line announcing an event the harness waits for ("ready", "holding"). */
void baseline_announce (const char *event);

/* Prints {"indication_ns": T} with T taken when the callback ran. */
void baseline_indication_seen (void);

/* Prints {"error": "..."} on stdout (so harnesses see it) and to stderr, then exits with the device-error code 3. */
G_GNUC_NORETURN void baseline_fail (const char *what, const GError *error);

#endif
