#include "baseline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define EXIT_USAGE 2
#define EXIT_DEVICE 3

static void usage (const char *program, const char *default_request, const char *requests_help)
{
    fprintf (stderr,
             "usage: %s --device PATH [--request NAME] [--count N] [--warmup N] [--samples FILE]\n"
             "          [--indications N] [--hold SECONDS] [--timeout SECONDS] [--proxy]\n"
             "  --request  %s (default %s)\n",
             program, requests_help, default_request);
    exit (EXIT_USAGE);
}

static guint parse_count (const char *program, const char *name, const char *value,
                          const char *default_request, const char *requests_help)
{
    char *end = NULL;
    unsigned long parsed;

    if (!value)
        usage (program, default_request, requests_help);
    parsed = strtoul (value, &end, 10);
    if (*value == '\0' || *end != '\0' || parsed > G_MAXUINT) {
        fprintf (stderr, "%s: %s: '%s' is not a non-negative integer\n", program, name, value);
        exit (EXIT_USAGE);
    }
    return (guint) parsed;
}

void baseline_parse_options (int argc, char **argv, const char *default_request, const char *requests_help,
                             BaselineOptions *options)
{
    memset (options, 0, sizeof *options);
    options->request = default_request;
    options->count = 1000;
    options->warmup = 100;
    options->timeout = 10;

    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;
#define COUNT_OPTION(flag, field) \
        if (strcmp (arg, flag) == 0) { options->field = parse_count (argv[0], flag, value, default_request, requests_help); i++; continue; }
        COUNT_OPTION ("--count", count)
        COUNT_OPTION ("--warmup", warmup)
        COUNT_OPTION ("--indications", indications)
        COUNT_OPTION ("--hold", hold_seconds)
        COUNT_OPTION ("--timeout", timeout)
#undef COUNT_OPTION
        if (strcmp (arg, "--device") == 0 && value) { options->device = value; i++; continue; }
        if (strcmp (arg, "--request") == 0 && value) { options->request = value; i++; continue; }
        if (strcmp (arg, "--samples") == 0 && value) { options->samples_file = value; i++; continue; }
        if (strcmp (arg, "--proxy") == 0) { options->proxy = TRUE; continue; }
        fprintf (stderr, "%s: unknown or incomplete option '%s'\n", argv[0], arg);
        usage (argv[0], default_request, requests_help);
    }
    if (!options->device) {
        fprintf (stderr, "%s: --device is required\n", argv[0]);
        usage (argv[0], default_request, requests_help);
    }
    if (options->timeout == 0) {
        fprintf (stderr, "%s: --timeout must be at least 1 second\n", argv[0]);
        exit (EXIT_USAGE);
    }
}

int64_t baseline_now_ns (void)
{
    struct timespec now;
    clock_gettime (CLOCK_MONOTONIC, &now);
    return (int64_t) now.tv_sec * 1000000000 + now.tv_nsec;
}

static int compare_int64 (const void *a, const void *b)
{
    int64_t x = *(const int64_t *) a, y = *(const int64_t *) b;
    return (x > y) - (x < y);
}

/* Nearest-rank percentile of sorted samples, in microseconds. */
static double percentile_us (const int64_t *sorted, guint n, double p)
{
    guint rank;

    if (n == 0)
        return 0;
    rank = (guint) (p / 100.0 * n + 0.999999);
    if (rank < 1)
        rank = 1;
    if (rank > n)
        rank = n;
    return sorted[rank - 1] / 1000.0;
}

void baseline_report (const BaselineOptions *options, const char *protocol, const int64_t *samples_ns, guint n)
{
    int64_t *sorted = g_memdup2 (samples_ns, sizeof (int64_t) * n);
    double total = 0;

    if (options->samples_file) {
        FILE *out = fopen (options->samples_file, "w");
        if (!out) {
            fprintf (stderr, "cannot write samples file '%s'\n", options->samples_file);
            exit (EXIT_USAGE);
        }
        for (guint i = 0; i < n; i++)
            fprintf (out, "%.3f\n", samples_ns[i] / 1000.0);
        fclose (out);
    }
    qsort (sorted, n, sizeof (int64_t), compare_int64);
    for (guint i = 0; i < n; i++)
        total += sorted[i];
    printf ("{\"client\":\"c\",\"protocol\":\"%s\",\"request\":\"%s\",\"count\":%u,"
            "\"p50_us\":%.3f,\"p90_us\":%.3f,\"p99_us\":%.3f,\"mean_us\":%.3f}\n",
            protocol, options->request, n,
            percentile_us (sorted, n, 50), percentile_us (sorted, n, 90), percentile_us (sorted, n, 99),
            n ? total / n / 1000.0 : 0.0);
    fflush (stdout);
    g_free (sorted);
}

void baseline_announce (const char *event)
{
    printf ("{\"%s\":true}\n", event);
    fflush (stdout);
}

void baseline_indication_seen (void)
{
    printf ("{\"indication_ns\":%" G_GINT64_FORMAT "}\n", (gint64) baseline_now_ns ());
    fflush (stdout);
}

/* Escapes a UTF-8 string for a JSON string literal (quotes, backslashes and control characters; UTF-8 passes). */
static void print_json_string (const char *text)
{
    putchar ('"');
    for (const unsigned char *c = (const unsigned char *) text; *c; c++) {
        if (*c == '"' || *c == '\\')
            printf ("\\%c", *c);
        else if (*c < 0x20)
            printf ("\\u%04x", *c);
        else
            putchar (*c);
    }
    putchar ('"');
}

void baseline_fail (const char *what, const GError *error)
{
    const char *message = error ? error->message : "unknown error";
    char *line = g_strdup_printf ("%s: %s", what, message);

    printf ("{\"error\":");
    print_json_string (line);
    printf ("}\n");
    fflush (stdout);
    fprintf (stderr, "%s\n", line);
    g_free (line);
    exit (EXIT_DEVICE);
}

void baseline_run_init (BaselineRun *run, const BaselineProtocol *protocol, gpointer client)
{
    run->protocol = protocol;
    run->client = client;
    run->samples_ns = g_new0 (int64_t, run->options.count ? run->options.count : 1);
    run->loop = g_main_loop_new (NULL, FALSE);
}

void baseline_run_loop (BaselineRun *run)
{
    g_main_loop_run (run->loop);
    g_main_loop_unref (run->loop);
    g_free (run->samples_ns);
}

void baseline_run_quit (BaselineRun *run)
{
    g_main_loop_quit (run->loop);
}

static gboolean hold_over (gpointer user_data)
{
    BaselineRun *run = user_data;
    run->protocol->finish (run);
    return G_SOURCE_REMOVE;
}

static void after_indications (BaselineRun *run)
{
    if (run->options.hold_seconds > 0) {
        baseline_announce ("holding");
        g_timeout_add_seconds (run->options.hold_seconds, hold_over, run);
    } else {
        run->protocol->finish (run);
    }
}

static void requests_finished (BaselineRun *run)
{
    baseline_report (&run->options, run->protocol->name, run->samples_ns, run->options.count);
    if (run->options.indications == 0) {
        after_indications (run);
        return;
    }
    run->indications_left = run->options.indications;
    run->protocol->subscribe_indications (run);
}

static void send_next (BaselineRun *run)
{
    run->issued++;
    run->started_ns = baseline_now_ns ();
    run->protocol->send_request (run);
}

void baseline_run_requests (BaselineRun *run)
{
    if (run->options.warmup + run->options.count == 0)
        requests_finished (run);
    else
        send_next (run);
}

void baseline_request_done (BaselineRun *run)
{
    int64_t elapsed = baseline_now_ns () - run->started_ns;
    guint index = run->issued - 1;

    if (index >= run->options.warmup)
        run->samples_ns[index - run->options.warmup] = elapsed;
    if (run->issued < run->options.warmup + run->options.count)
        send_next (run);
    else
        requests_finished (run);
}

void baseline_indication (BaselineRun *run)
{
    if (run->indications_left == 0)
        return;
    baseline_indication_seen ();
    if (--run->indications_left == 0)
        after_indications (run);
}
