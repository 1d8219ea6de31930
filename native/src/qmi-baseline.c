/* qmi-baseline: the C libqmi client the Java API is benchmarked against.
 *
 * Opens the device once, allocates one client once, then times N sequential round trips of one request, parsing the
 * response fields as the Java API does. Optionally waits for indications (printing when each callback ran, on
 * CLOCK_MONOTONIC) and holds the device open idle for memory measurements. Everything runs on the default main
 * context of the main thread, as a plain libqmi program would. */
#include <libqmi-glib.h>
#include <string.h>

#include "baseline.h"

typedef struct {
    BaselineOptions options;
    GMainLoop      *loop;
    QmiDevice      *device;
    QmiClient      *client;
    QmiService      service;
    int64_t        *samples_ns;
    guint           issued;     /* requests sent so far, warm-up included */
    int64_t         started_ns; /* when the request in flight was sent */
    guint           indications_left;
} Baseline;

static void run_next_request (Baseline *self);

static void release_ready (GObject *device, GAsyncResult *result, gpointer user_data)
{
    Baseline *self = user_data;
    GError *error = NULL;

    if (!qmi_device_release_client_finish (QMI_DEVICE (device), result, &error))
        baseline_fail ("release client", error);
    g_main_loop_quit (self->loop);
}

static void finish (Baseline *self)
{
    qmi_device_release_client (self->device, self->client, QMI_DEVICE_RELEASE_CLIENT_FLAGS_RELEASE_CID,
                               self->options.timeout, NULL, release_ready, self);
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

static void indication_seen (Baseline *self)
{
    if (self->indications_left == 0)
        return;
    baseline_indication_seen ();
    if (--self->indications_left == 0)
        after_indications (self);
}

static void serving_system_indication (QmiClientNas *client, QmiIndicationNasServingSystemOutput *output,
                                       gpointer user_data)
{
    QmiNasRegistrationState state;

    qmi_indication_nas_serving_system_output_get_serving_system (output, &state, NULL, NULL, NULL, NULL, NULL);
    indication_seen (user_data);
}

static void signal_info_indication (QmiClientNas *client, QmiIndicationNasSignalInfoOutput *output,
                                    gpointer user_data)
{
    gint8 rssi, rsrq;
    gint16 rsrp, snr;

    qmi_indication_nas_signal_info_output_get_lte_signal_strength (output, &rssi, &rsrq, &rsrp, &snr, NULL);
    indication_seen (user_data);
}

static void register_indications_ready (GObject *client, GAsyncResult *result, gpointer user_data)
{
    GError *error = NULL;
    QmiMessageNasRegisterIndicationsOutput *output;

    output = qmi_client_nas_register_indications_finish (QMI_CLIENT_NAS (client), result, &error);
    if (!output || !qmi_message_nas_register_indications_output_get_result (output, &error))
        baseline_fail ("register indications", error);
    qmi_message_nas_register_indications_output_unref (output);
    baseline_announce ("ready");
}

static void wait_for_indications (Baseline *self)
{
    QmiMessageNasRegisterIndicationsInput *input;

    if (self->service != QMI_SERVICE_NAS) {
        g_printerr ("indications are measured on NAS: use --request nas-get-signal-info\n");
        exit (2);
    }
    self->indications_left = self->options.indications;
    g_signal_connect (self->client, "serving-system", G_CALLBACK (serving_system_indication), self);
    g_signal_connect (self->client, "signal-info", G_CALLBACK (signal_info_indication), self);
    input = qmi_message_nas_register_indications_input_new ();
    qmi_message_nas_register_indications_input_set_serving_system_events (input, TRUE, NULL);
    qmi_message_nas_register_indications_input_set_signal_info (input, TRUE, NULL);
    qmi_client_nas_register_indications (QMI_CLIENT_NAS (self->client), input, self->options.timeout, NULL,
                                         register_indications_ready, self);
    qmi_message_nas_register_indications_input_unref (input);
}

static void requests_finished (Baseline *self)
{
    baseline_report (&self->options, "qmi", self->samples_ns, self->options.count);
    if (self->options.indications > 0)
        wait_for_indications (self);
    else
        after_indications (self);
}

static void request_done (Baseline *self)
{
    int64_t elapsed = baseline_now_ns () - self->started_ns;
    guint index = self->issued - 1;

    if (index >= self->options.warmup)
        self->samples_ns[index - self->options.warmup] = elapsed;
    if (self->issued < self->options.warmup + self->options.count)
        run_next_request (self);
    else
        requests_finished (self);
}

static void get_ids_ready (GObject *client, GAsyncResult *result, gpointer user_data)
{
    GError *error = NULL;
    const gchar *imei = NULL, *esn = NULL, *meid = NULL;
    QmiMessageDmsGetIdsOutput *output;

    output = qmi_client_dms_get_ids_finish (QMI_CLIENT_DMS (client), result, &error);
    if (!output || !qmi_message_dms_get_ids_output_get_result (output, &error))
        baseline_fail ("dms get ids", error);
    qmi_message_dms_get_ids_output_get_imei (output, &imei, NULL);
    qmi_message_dms_get_ids_output_get_esn (output, &esn, NULL);
    qmi_message_dms_get_ids_output_get_meid (output, &meid, NULL);
    qmi_message_dms_get_ids_output_unref (output);
    request_done (user_data);
}

static void get_signal_info_ready (GObject *client, GAsyncResult *result, gpointer user_data)
{
    GError *error = NULL;
    gint8 rssi, rsrq;
    gint16 rsrp, snr;
    QmiMessageNasGetSignalInfoOutput *output;

    output = qmi_client_nas_get_signal_info_finish (QMI_CLIENT_NAS (client), result, &error);
    if (!output || !qmi_message_nas_get_signal_info_output_get_result (output, &error))
        baseline_fail ("nas get signal info", error);
    qmi_message_nas_get_signal_info_output_get_lte_signal_strength (output, &rssi, &rsrq, &rsrp, &snr, NULL);
    qmi_message_nas_get_signal_info_output_unref (output);
    request_done (user_data);
}

static void run_next_request (Baseline *self)
{
    self->issued++;
    self->started_ns = baseline_now_ns ();
    if (self->service == QMI_SERVICE_DMS)
        qmi_client_dms_get_ids (QMI_CLIENT_DMS (self->client), NULL, self->options.timeout, NULL, get_ids_ready, self);
    else
        qmi_client_nas_get_signal_info (QMI_CLIENT_NAS (self->client), NULL, self->options.timeout, NULL,
                                        get_signal_info_ready, self);
}

static void allocate_ready (GObject *device, GAsyncResult *result, gpointer user_data)
{
    Baseline *self = user_data;
    GError *error = NULL;

    self->client = qmi_device_allocate_client_finish (QMI_DEVICE (device), result, &error);
    if (!self->client)
        baseline_fail ("allocate client", error);
    if (self->options.warmup + self->options.count == 0)
        requests_finished (self);
    else
        run_next_request (self);
}

static void open_ready (GObject *device, GAsyncResult *result, gpointer user_data)
{
    Baseline *self = user_data;
    GError *error = NULL;

    if (!qmi_device_open_finish (QMI_DEVICE (device), result, &error))
        baseline_fail ("open device", error);
    qmi_device_allocate_client (self->device, self->service, QMI_CID_NONE, self->options.timeout, NULL,
                                allocate_ready, self);
}

static void device_new_ready (GObject *unused, GAsyncResult *result, gpointer user_data)
{
    Baseline *self = user_data;
    GError *error = NULL;

    self->device = qmi_device_new_finish (result, &error);
    if (!self->device)
        baseline_fail ("create device", error);
    qmi_device_open (self->device, self->options.proxy ? QMI_DEVICE_OPEN_FLAGS_PROXY : QMI_DEVICE_OPEN_FLAGS_NONE,
                     self->options.timeout, NULL, open_ready, self);
}

int main (int argc, char **argv)
{
    Baseline self = { 0 };
    GFile *file;

    baseline_parse_options (argc, argv, "dms-get-ids", "dms-get-ids | nas-get-signal-info", &self.options);
    if (strcmp (self.options.request, "dms-get-ids") == 0)
        self.service = QMI_SERVICE_DMS;
    else if (strcmp (self.options.request, "nas-get-signal-info") == 0)
        self.service = QMI_SERVICE_NAS;
    else {
        g_printerr ("%s: unknown request '%s' (dms-get-ids | nas-get-signal-info)\n", argv[0], self.options.request);
        return 2;
    }
    self.samples_ns = g_new0 (int64_t, self.options.count ? self.options.count : 1);
    self.loop = g_main_loop_new (NULL, FALSE);
    file = g_file_new_for_path (self.options.device);
    qmi_device_new (file, NULL, device_new_ready, &self);
    g_main_loop_run (self.loop);

    g_object_unref (self.client);
    g_object_unref (self.device);
    g_object_unref (file);
    g_main_loop_unref (self.loop);
    g_free (self.samples_ns);
    return 0;
}
