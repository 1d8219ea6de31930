/* mbim-baseline: the C libmbim client the Java API is benchmarked against.
 *
 * Opens the device once (one MBIM session), then times N sequential round trips of one query, parsing the response
 * as the Java API does (the run itself is in baseline.c). Runs on the default main context, as a plain libmbim
 * program would. */
#include <libmbim-glib.h>
#include <stdlib.h>
#include <string.h>

#include "baseline.h"

typedef enum { REQUEST_DEVICE_CAPS, REQUEST_SIGNAL_STATE } Request;

typedef struct {
    BaselineRun run;
    MbimDevice *device;
    Request     request;
} MbimBaseline;

static void close_ready (GObject *device, GAsyncResult *result, gpointer user_data)
{
    MbimBaseline *self = user_data;
    GError *error = NULL;

    if (!mbim_device_close_finish (MBIM_DEVICE (device), result, &error))
        baseline_fail ("close device", error);
    baseline_run_quit (&self->run);
}

static void finish (BaselineRun *run)
{
    MbimBaseline *self = run->client;

    mbim_device_close (self->device, run->options.timeout, NULL, close_ready, self);
}

static void indicate_status (MbimDevice *device, MbimMessage *notification, gpointer user_data)
{
    baseline_indication (user_data);
}

static void subscribe_indications (BaselineRun *run)
{
    MbimBaseline *self = run->client;

    g_signal_connect (self->device, MBIM_DEVICE_SIGNAL_INDICATE_STATUS, G_CALLBACK (indicate_status), run);
    baseline_announce ("ready");
}

static void parse_response (MbimBaseline *self, MbimMessage *response)
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
    MbimBaseline *self = user_data;
    GError *error = NULL;
    MbimMessage *response;

    response = mbim_device_command_finish (MBIM_DEVICE (device), result, &error);
    if (!response)
        baseline_fail ("command", error);
    parse_response (self, response);
    mbim_message_unref (response);
    baseline_request_done (&self->run);
}

static void send_request (BaselineRun *run)
{
    MbimBaseline *self = run->client;
    MbimMessage *request;

    request = self->request == REQUEST_DEVICE_CAPS ? mbim_message_device_caps_query_new (NULL)
                                                   : mbim_message_signal_state_query_new (NULL);
    mbim_device_command (self->device, request, run->options.timeout, NULL, command_ready, self);
    mbim_message_unref (request);
}

static void open_ready (GObject *device, GAsyncResult *result, gpointer user_data)
{
    MbimBaseline *self = user_data;
    GError *error = NULL;

    if (!mbim_device_open_full_finish (MBIM_DEVICE (device), result, &error))
        baseline_fail ("open device", error);
    baseline_run_requests (&self->run);
}

static void device_new_ready (GObject *unused, GAsyncResult *result, gpointer user_data)
{
    MbimBaseline *self = user_data;
    GError *error = NULL;

    self->device = mbim_device_new_finish (result, &error);
    if (!self->device)
        baseline_fail ("create device", error);
    mbim_device_open_full (self->device,
                           self->run.options.proxy ? MBIM_DEVICE_OPEN_FLAGS_PROXY : MBIM_DEVICE_OPEN_FLAGS_NONE,
                           self->run.options.timeout, NULL, open_ready, self);
}

static const BaselineProtocol MBIM_PROTOCOL = { "mbim", send_request, subscribe_indications, finish };

/* The whole client as a function, so that a JVM can run it on one of its threads through a single downcall
 * (libwwan4j-mbim-baseline.so; the bench's c_in_jvm contender): the same code as the program, in a JVM process. */
int wwan4j_mbim_baseline_main (int argc, char **argv)
{
    MbimBaseline self = { 0 };
    GFile *file;

    baseline_parse_options (argc, argv, "device-caps", "device-caps | signal-state", &self.run.options);
    if (strcmp (self.run.options.request, "device-caps") == 0)
        self.request = REQUEST_DEVICE_CAPS;
    else if (strcmp (self.run.options.request, "signal-state") == 0)
        self.request = REQUEST_SIGNAL_STATE;
    else {
        g_printerr ("%s: unknown request '%s' (device-caps | signal-state)\n", argv[0], self.run.options.request);
        return 2;
    }
    baseline_run_init (&self.run, &MBIM_PROTOCOL, &self);
    file = g_file_new_for_path (self.run.options.device);
    mbim_device_new (file, NULL, device_new_ready, &self);
    baseline_run_loop (&self.run);

    g_object_unref (self.device);
    g_object_unref (file);
    return 0;
}

#ifndef WWAN4J_BASELINE_LIBRARY
int main (int argc, char **argv)
{
    return wwan4j_mbim_baseline_main (argc, argv);
}
#endif
