package org.wwan4j.bench.soak;

import java.time.Duration;

/**
 * One reading of the agent's PSS during a soak.
 *
 * @param sinceFirstStatus time from the agent's first complete status to the reading
 * @param pssKb            the agent's PSS counted as the only JVM on the machine ({@code SoleJvm}), in kB
 */
record PssSample(Duration sinceFirstStatus, long pssKb) {
}
