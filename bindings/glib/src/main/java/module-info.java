/**
 * The GLib runtime shared by the QMI and MBIM bindings: the main-loop thread, upcalls, GError, GObject ownership,
 * enums and flags. The generated GLib/GObject/Gio downcalls ({@code org.wwan4j.glib.ffi}) are for the two bindings
 * only: applications use the idiomatic API.
 */
module org.wwan4j.glib {
    requires org.slf4j;

    exports org.wwan4j.glib;
    exports org.wwan4j.glib.ffi to org.wwan4j.qmi, org.wwan4j.mbim;
}
