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

typedef struct BaselineRun BaselineRun;

/* What differs between the QMI and the MBIM client; the run itself (warm-up, timed requests, indications, hold,
 * report) is the same for both and lives in baseline.c. */
typedef struct {
    const char *name;                                 /* "qmi" or "mbim", in the report */
    void (*send_request) (BaselineRun *run);          /* send one request; its callback calls baseline_request_done */
    void (*subscribe_indications) (BaselineRun *run); /* subscribe, then call baseline_announce ("ready") */
    void (*finish) (BaselineRun *run);                /* release/close, then call baseline_run_quit */
} BaselineProtocol;

struct BaselineRun {
    BaselineOptions         options;
    const BaselineProtocol *protocol;
    gpointer                client; /* the program's own state */
    GMainLoop              *loop;
    int64_t                *samples_ns;
    guint                   issued;     /* requests sent so far, warm-up included */
    int64_t                 started_ns; /* when the request in flight was sent */
    guint                   indications_left;
};

/* Prepares a run on the default main context. */
void baseline_run_init (BaselineRun *run, const BaselineProtocol *protocol, gpointer client);

/* Runs the main loop until baseline_run_quit; then frees what the run owns. */
void baseline_run_loop (BaselineRun *run);

/* Called once the device is open and a client allocated: runs everything that follows. */
void baseline_run_requests (BaselineRun *run);

/* Called by a request's callback once its response is parsed. */
void baseline_request_done (BaselineRun *run);

/* Called by an indication handler. */
void baseline_indication (BaselineRun *run);

/* Ends the run (called by the protocol's finish once the device is released). */
void baseline_run_quit (BaselineRun *run);

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
