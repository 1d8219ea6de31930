package org.wwan4j.agent.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.wwan4j.agent.modem.KernelDataFormat;
import org.wwan4j.agent.status.DataFormat;

/**
 * qmi_wwan's framing switch, {@code <sysfs>/class/net/IFACE/qmi/raw_ip}: "Y" raw-IP, "N" 802.3. Written with one
 * write of "Y" or "N", as the kernel parses it; the kernel refuses a change while the interface is up. The sysfs
 * root is configurable (the agent's {@code --sysfs-root}), so tests point it at a temp tree.
 */
public final class SysfsRawIp implements KernelDataFormat {

    private final String interfaceName;
    private final Path rawIp;

    public SysfsRawIp(Path sysfsRoot, String interfaceName) {
        this.interfaceName = interfaceName;
        this.rawIp = sysfsRoot.resolve("class/net").resolve(interfaceName).resolve("qmi/raw_ip");
    }

    @Override
    public String interfaceName() {
        return interfaceName;
    }

    @Override
    public boolean supportsRawIp() {
        return Files.isRegularFile(rawIp);
    }

    @Override
    public DataFormat current() throws IOException {
        if (!supportsRawIp()) {
            return DataFormat.ETHERNET;
        }
        String value = Files.readString(rawIp, StandardCharsets.US_ASCII).trim();
        return value.equalsIgnoreCase("Y") || value.equals("1") ? DataFormat.RAW_IP : DataFormat.ETHERNET;
    }

    @Override
    public void set(DataFormat format) throws IOException {
        if (!supportsRawIp()) {
            if (format == DataFormat.ETHERNET) {
                return;
            }
            throw new IOException(interfaceName + ": the driver has no raw_ip switch (" + rawIp + ")");
        }
        try {
            // No truncate-and-rename: a sysfs attribute is written in place, in one write.
            Files.writeString(rawIp, format == DataFormat.RAW_IP ? "Y" : "N", StandardCharsets.US_ASCII,
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new IOException(interfaceName + ": cannot set " + rawIp + " to " + format.jsonName()
                    + " (the kernel refuses while the interface is up): " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return rawIp.toString();
    }
}
