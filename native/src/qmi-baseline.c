/* qmi-baseline: the C libqmi client the Java API is benchmarked against.
 *
 * Opens the device once, allocates one client once, then times N sequential round trips of one request, parsing the
 * response fields as the Java API does (the run itself is in baseline.c). Everything runs on the default main
 * context of the main thread, as a plain libqmi program would. */
#include <libqmi-glib.h>
#include <stdlib.h>
#include <string.h>

#include "baseline.h"

typedef struct {
    BaselineRun run;
    QmiDevice  *device;
    QmiClient  *client;
    QmiService  service;
} QmiBaseline;

static void release_ready (GObject *device, GAsyncResult *result, gpointer user_data)
{
    QmiBaseline *self = user_data;
    GError *error = NULL;

    if (!qmi_device_release_client_finish (QMI_DEVICE (device), result, &error))
        baseline_fail ("release client", error);
    baseline_run_quit (&self->run);
}

static void finish (BaselineRun *run)
{
    QmiBaseline *self = run->client;

    qmi_device_release_client (self->device, self->client, QMI_DEVICE_RELEASE_CLIENT_FLAGS_RELEASE_CID,
                               run->options.timeout, NULL, release_ready, self);
}

static void serving_system_indication (QmiClientNas *client, QmiIndicationNasServingSystemOutput *output,
                                       gpointer user_data)
{
    QmiNasRegistrationState state;

    qmi_indication_nas_serving_system_output_get_serving_system (output, &state, NULL, NULL, NULL, NULL, NULL);
    baseline_indication (user_data);
}

static void signal_info_indication (QmiClientNas *client, QmiIndicationNasSignalInfoOutput *output,
                                    gpointer user_data)
{
    gint8 rssi, rsrq;
    gint16 rsrp, snr;

    qmi_indication_nas_signal_info_output_get_lte_signal_strength (output, &rssi, &rsrq, &rsrp, &snr, NULL);
    baseline_indication (user_data);
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

static void subscribe_indications (BaselineRun *run)
{
    QmiBaseline *self = run->client;
    QmiMessageNasRegisterIndicationsInput *input;

    if (self->service != QMI_SERVICE_NAS) {
        g_printerr ("indications are measured on NAS: use --request nas-get-signal-info\n");
        exit (2);
    }
    g_signal_connect (self->client, "serving-system", G_CALLBACK (serving_system_indication), run);
    g_signal_connect (self->client, "signal-info", G_CALLBACK (signal_info_indication), run);
    input = qmi_message_nas_register_indications_input_new ();
    qmi_message_nas_register_indications_input_set_serving_system_events (input, TRUE, NULL);
    qmi_message_nas_register_indications_input_set_signal_info (input, TRUE, NULL);
    qmi_client_nas_register_indications (QMI_CLIENT_NAS (self->client), input, run->options.timeout, NULL,
                                         register_indications_ready, self);
    qmi_message_nas_register_indications_input_unref (input);
}

static void get_ids_ready (GObject *client, GAsyncResult *result, gpointer user_data)
{
    QmiBaseline *self = user_data;
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
    baseline_request_done (&self->run);
}

static void get_signal_info_ready (GObject *client, GAsyncResult *result, gpointer user_data)
{
    QmiBaseline *self = user_data;
    GError *error = NULL;
    gint8 rssi, rsrq;
    gint16 rsrp, snr;
    QmiMessageNasGetSignalInfoOutput *output;

    output = qmi_client_nas_get_signal_info_finish (QMI_CLIENT_NAS (client), result, &error);
    if (!output || !qmi_message_nas_get_signal_info_output_get_result (output, &error))
        baseline_fail ("nas get signal info", error);
    qmi_message_nas_get_signal_info_output_get_lte_signal_strength (output, &rssi, &rsrq, &rsrp, &snr, NULL);
    qmi_message_nas_get_signal_info_output_unref (output);
    baseline_request_done (&self->run);
}

static void send_request (BaselineRun *run)
{
    QmiBaseline *self = run->client;

    if (self->service == QMI_SERVICE_DMS)
        qmi_client_dms_get_ids (QMI_CLIENT_DMS (self->client), NULL, run->options.timeout, NULL, get_ids_ready, self);
    else
        qmi_client_nas_get_signal_info (QMI_CLIENT_NAS (self->client), NULL, run->options.timeout, NULL,
                                        get_signal_info_ready, self);
}

static void allocate_ready (GObject *device, GAsyncResult *result, gpointer user_data)
{
    QmiBaseline *self = user_data;
    GError *error = NULL;

    self->client = qmi_device_allocate_client_finish (QMI_DEVICE (device), result, &error);
    if (!self->client)
        baseline_fail ("allocate client", error);
    baseline_run_requests (&self->run);
}

static void open_ready (GObject *device, GAsyncResult *result, gpointer user_data)
{
    QmiBaseline *self = user_data;
    GError *error = NULL;

    if (!qmi_device_open_finish (QMI_DEVICE (device), result, &error))
        baseline_fail ("open device", error);
    qmi_device_allocate_client (self->device, self->service, QMI_CID_NONE, self->run.options.timeout, NULL,
                                allocate_ready, self);
}

static void device_new_ready (GObject *unused, GAsyncResult *result, gpointer user_data)
{
    QmiBaseline *self = user_data;
    GError *error = NULL;

    self->device = qmi_device_new_finish (result, &error);
    if (!self->device)
        baseline_fail ("create device", error);
    qmi_device_open (self->device,
                     self->run.options.proxy ? QMI_DEVICE_OPEN_FLAGS_PROXY : QMI_DEVICE_OPEN_FLAGS_NONE,
                     self->run.options.timeout, NULL, open_ready, self);
}

static const BaselineProtocol QMI_PROTOCOL = { "qmi", send_request, subscribe_indications, finish };

int main (int argc, char **argv)
{
    QmiBaseline self = { 0 };
    GFile *file;

    baseline_parse_options (argc, argv, "dms-get-ids", "dms-get-ids | nas-get-signal-info", &self.run.options);
    if (strcmp (self.run.options.request, "dms-get-ids") == 0)
        self.service = QMI_SERVICE_DMS;
    else if (strcmp (self.run.options.request, "nas-get-signal-info") == 0)
        self.service = QMI_SERVICE_NAS;
    else {
        g_printerr ("%s: unknown request '%s' (dms-get-ids | nas-get-signal-info)\n", argv[0],
                    self.run.options.request);
        return 2;
    }
    baseline_run_init (&self.run, &QMI_PROTOCOL, &self);
    file = g_file_new_for_path (self.run.options.device);
    qmi_device_new (file, NULL, device_new_ready, &self);
    baseline_run_loop (&self.run);

    g_object_unref (self.client);
    g_object_unref (self.device);
    g_object_unref (file);
    return 0;
}
