package org.wwan4j.bench.soak;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wwan4j.agent.policy.DnsProber;

/** The soak network's DNS servers answer the agent's own DNS probe. */
class DnsAnswersTest {

    @Test
    void theAgentsDnsProbeGetsItsAnswer() throws Exception {
        try (DnsAnswers answers = DnsAnswers.at(List.of("127.0.0.1"), 0)) {
            DnsProber probe = new DnsProber(answers.addresses().getFirst(), Duration.ofSeconds(10));
            assertEquals(Optional.empty(), probe.probe("lo", InetAddress.ofLiteral("127.0.0.1")));
            assertEquals(1, answers.answered());
        }
    }

    @Test
    void aReplyIsTheQueryMarkedAsAResponse() {
        byte[] query = {0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1};
        byte[] reply = DnsAnswers.reply(query, query.length);
        assertEquals((byte) 0x81, reply[2]);
        reply[2] = query[2];
        assertArrayEquals(query, reply);
        assertNull(DnsAnswers.reply(new byte[] {1, 2, 3}, 3), "too short for a header: no answer");
    }
}
