package org.wwan4j.agent.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.agent.config.AccessPoint;
import org.wwan4j.agent.config.Auth;
import org.wwan4j.agent.config.IpType;
import org.wwan4j.agent.config.ModemConfig;
import org.wwan4j.agent.modem.BearerProfile;
import org.wwan4j.agent.testing.Configs;

class ConnectPolicyTest {

    @Test
    void passwordComesFromItsFileAndIsNeverPrinted(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("pw");
        Files.writeString(secret, "s3cret\n");
        ModemConfig config = Configs.withPreferences(Configs.modem("m", null), List.of(), List.of(),
                new AccessPoint("attach", IpType.IPV4V6, Auth.CHAP, "user", secret, null));
        ConnectPolicy policy = new ConnectPolicy(PasswordSource.files());

        BearerProfile attach = policy.attachBearer(config);
        assertEquals("s3cret", attach.password());
        assertEquals(Auth.CHAP, attach.auth());
        assertFalse(attach.toString().contains("s3cret"), attach.toString());
        assertEquals("internet", policy.defaultBearer(config).apn());
        assertNull(policy.defaultBearer(config).password());
    }
}
