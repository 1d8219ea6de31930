package org.wwan4j.bench.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How ModemManager is made to manage an emulated modem without udev, root-owned device nodes or real hardware:
 * it runs in a private mount and network namespace ({@code unshare}) where a fake sysfs ({@link FakeUsbModemSysfs})
 * is mounted over /sys and a small tmpfs over /dev holds only /dev/null and /dev/cdc-wdm0 (the emulator's pty,
 * bind-mounted). qmi-proxy runs in the same namespaces, so it opens the same /dev/cdc-wdm0 and its abstract socket
 * is private. Nothing outside the namespaces changes; closing the process group ends all of it.
 */
final class ModemManagerSandbox {

    private ModemManagerSandbox() {}

    /** Prepares the sandbox directory and returns the command that runs ModemManager inside it. */
    static List<String> prepare(Path directory, Path pty, List<String> modemManagerCommand) throws IOException {
        Path sysfs = directory.resolve("sys");
        Path dev = Files.createDirectories(directory.resolve("dev"));
        FakeUsbModemSysfs.build(sysfs);
        Path events = Files.writeString(directory.resolve("kernel-events"),
                "action=add,subsystem=usbmisc,name=" + FakeUsbModemSysfs.PORT_NAME + "\n"
                + "action=add,subsystem=net,name=" + FakeUsbModemSysfs.NET_NAME + "\n");
        Path script = Files.writeString(directory.resolve("enter.sh"), script(sysfs, dev, pty));
        List<String> command = new java.util.ArrayList<>(List.of("unshare", "--mount", "--net",
                "--propagation", "private", "sh", script.toString()));
        command.addAll(modemManagerCommand);
        command.add("--initial-kernel-events=" + events);
        return command;
    }

    /** Runs inside the new namespaces; "$@" is the ModemManager command line. */
    static String script(Path sysfs, Path dev, Path pty) {
        return """
                #!/bin/sh
                # Inside private mount + network namespaces (unshare): these mounts are invisible outside.
                set -eu
                mount -t tmpfs wwan4j-bench-dev '%2$s'
                touch '%2$s/null' '%2$s/%4$s'
                mount --bind /dev/null '%2$s/null'
                mount --bind '%3$s' '%2$s/%4$s'
                mount --bind '%1$s' /sys
                mount --rbind '%2$s' /dev
                # A stand-in for the modem's net interface, inside the private network namespace only.
                ip link add '%5$s' type veth peer name '%5$sp' || true
                /usr/libexec/qmi-proxy --no-exit &
                sleep 0.3
                exec "$@"
                """.formatted(sysfs, dev, pty, FakeUsbModemSysfs.PORT_NAME, FakeUsbModemSysfs.NET_NAME);
    }
}
