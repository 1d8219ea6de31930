/* mbim-baseline: the C libmbim client the Java API is benchmarked against.
 *
 * Opens the device once (one MBIM session), then times N sequential round trips of one query, parsing the response
 * as the Java API does. Optionally waits for indications (printing when each callback ran, on CLOCK_MONOTONIC) and
 * holds the session open idle for memory measurements. Runs on the default main context, as a plain libmbim
 * program would. */
#include <libmbim-glib.h>
#include <string.h>

#include "baseline.h"

typedef enum { REQUEST_DEVICE_CAPS, REQUEST_SIGNAL_STATE } Request;

typedef struct {
    BaselineOptions options;
    GMainLoop      *loop;
    MbimDevice     *device;
    Request         request;
    int64_t        *samples_ns;
    guint           issued;
    int64_t         started_ns;
    guint           indications_left;
} Baseline;

static void run_next_request (Baseline *self);

static void close_ready (GObject *device, GAsyncResult *result, gpointer user_data)
{
    Baseline *self = user_data;
    GError *error = NULL;

    if (!mbim_device_close_finish (MBIM_DEVICE (device), result, &error))
        baseline_fail ("close device", error);
    g_main_loop_quit (self->loop);
}

static void finish (Baseline *self)
{
    mbim_device_close (self->device, self->options.timeout, NULL, close_ready, self);
}

static gboolean hold_over (gpointer user_data)
{
    finish (user_data);
    return G_SOURCE_REMOVE;
}

static void after_indications (Baseline *self)
{
    if (self->options.hold_seconds > 0) {
        baseline_announce ("holding");
        g_timeout_add_seconds (self->options.hold_seconds, hold_over, self);
    } else {
        finish (self);
    }
}

static void indicate_status (MbimDevice *device, MbimMessage *notification, gpointer user_data)
{
    Baseline *self = user_data;

    if (self->indications_left == 0)
        return;
    baseline_indication_seen ();
    if (--self->indications_left == 0)
        after_indications (self);
}

static void requests_finished (Baseline *self)
{
    baseline_report (&self->options, "mbim", self->samples_ns, self->options.count);
    if (self->options.indications == 0) {
        after_indications (self);
        return;
    }
    self->indications_left = self->options.indications;
    g_signal_connect (self->device, MBIM_DEVICE_SIGNAL_INDICATE_STATUS, G_CALLBACK (indicate_status), self);
    baseline_announce ("ready");
}

static void parse_response (Baseline *self, MbimMessage *response)
{
    GError *error = NULL;

    if (!mbim_message_response_get_result (response, MBIM_MESSAGE_TYPE_COMMAND_DONE, &error))
        baseline_fail ("command result", error);
    if (self->request == REQUEST_DEVICE_CAPS) {
        gchar *custom = NULL, *device_id = NULL, *firmware = NULL, *hardware = NULL;
        if (!mbim_message_device_caps_response_parse (response, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                                                      &custom, &device_id, &firmware, &hardware, &error))
            baseline_fail ("parse device caps", error);
        g_free (custom);
        g_free (device_id);
        g_free (firmware);
        g_free (hardware);
    } else {
        guint32 rssi, error_rate;
        if (!mbim_message_signal_state_response_parse (response, &rssi, &error_rate, NULL, NULL, NULL, &error))
            baseline_fail ("parse signal state", error);
    }
}

static void command_ready (GObject *device, GAsyncResult *result, gpointer user_data)
{
    Baseline *self = user_data;
    GError *error = NULL;
    MbimMessage *response;
    int64_t elapsed;
    guint index = self->issued - 1;

    response = mbim_device_command_finish (MBIM_DEVICE (device), result, &error);
    if (!response)
        baseline_fail ("command", error);
    parse_response (self, response);
    mbim_message_unref (response);
    elapsed = baseline_now_ns () - self->started_ns;
    if (index >= self->options.warmup)
        self->samples_ns[index - self->options.warmup] = elapsed;
    if (self->issued < self->options.warmup + self->options.count)
        run_next_request (self);
    else
        requests_finished (self);
}

static void run_next_request (Baseline *self)
{
    MbimMessage *request;

    self->issued++;
    self->started_ns = baseline_now_ns ();
    request = self->request == REQUEST_DEVICE_CAPS ? mbim_message_device_caps_query_new (NULL)
                                                   : mbim_message_signal_state_query_new (NULL);
    mbim_device_command (self->device, request, self->options.timeout, NULL, command_ready, self);
    mbim_message_unref (request);
}

static void open_ready (GObject *device, GAsyncResult *result, gpointer user_data)
{
    Baseline *self = user_data;
    GError *error = NULL;

    if (!mbim_device_open_full_finish (MBIM_DEVICE (device), result, &error))
        baseline_fail ("open device", error);
    if (self->options.warmup + self->options.count == 0)
        requests_finished (self);
    else
        run_next_request (self);
}

static void device_new_ready (GObject *unused, GAsyncResult *result, gpointer user_data)
{
    Baseline *self = user_data;
    GError *error = NULL;

    self->device = mbim_device_new_finish (result, &error);
    if (!self->device)
        baseline_fail ("create device", error);
    mbim_device_open_full (self->device, self->options.proxy ? MBIM_DEVICE_OPEN_FLAGS_PROXY : MBIM_DEVICE_OPEN_FLAGS_NONE,
                           self->options.timeout, NULL, open_ready, self);
}

int main (int argc, char **argv)
{
    Baseline self = { 0 };
    GFile *file;

    baseline_parse_options (argc, argv, "device-caps", "device-caps | signal-state", &self.options);
    if (strcmp (self.options.request, "device-caps") == 0)
        self.request = REQUEST_DEVICE_CAPS;
    else if (strcmp (self.options.request, "signal-state") == 0)
        self.request = REQUEST_SIGNAL_STATE;
    else {
        g_printerr ("%s: unknown request '%s' (device-caps | signal-state)\n", argv[0], self.options.request);
        return 2;
    }
    self.samples_ns = g_new0 (int64_t, self.options.count ? self.options.count : 1);
    self.loop = g_main_loop_new (NULL, FALSE);
    file = g_file_new_for_path (self.options.device);
    mbim_device_new (file, NULL, device_new_ready, &self);
    g_main_loop_run (self.loop);

    g_object_unref (self.device);
    g_object_unref (file);
    g_main_loop_unref (self.loop);
    g_free (self.samples_ns);
    return 0;
}
