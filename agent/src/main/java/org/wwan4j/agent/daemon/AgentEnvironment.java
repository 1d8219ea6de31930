package org.wwan4j.agent.daemon;

import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.wwan4j.agent.modem.ModemFactory;
import org.wwan4j.agent.policy.PasswordSource;
import org.wwan4j.agent.supervisor.IpConfigurator;
import org.wwan4j.agent.supervisor.ProbeRunner;
import org.wwan4j.agent.supervisor.RejectedPins;
import org.wwan4j.agent.supervisor.Scheduler;
import org.wwan4j.agent.supervisor.SupervisorSettings;

/**
 * Everything the {@link Agent} talks to outside itself. {@link AgentDaemon} builds the real one; tests give
 * scripted modems, a manual scheduler and recording IP/probe stand-ins.
 *
 * @param factory    opens modems
 * @param discovery  lists present modems
 * @param ip         applies IP settings
 * @param prober     runs connectivity probes
 * @param passwords  reads bearer passwords
 * @param schedulers makes the scheduler of the agent ("agent") and of each supervisor (its key); a scheduler
 *                   that is also AutoCloseable is closed with its owner
 * @param random     jitter for backoff
 * @param settings   supervisor periods
 * @param rejectedPins the SIM PINs cards rejected, shared by all supervisors
 */
public record AgentEnvironment(ModemFactory factory, ModemDiscovery discovery, IpConfigurator ip, ProbeRunner prober,
        PasswordSource passwords, Function<String, Scheduler> schedulers, RandomGenerator random,
        SupervisorSettings settings, RejectedPins rejectedPins) {

    /** Rejected PINs remembered by this process only, as tests without a state dir want. */
    public AgentEnvironment(ModemFactory factory, ModemDiscovery discovery, IpConfigurator ip, ProbeRunner prober,
            PasswordSource passwords, Function<String, Scheduler> schedulers, RandomGenerator random,
            SupervisorSettings settings) {
        this(factory, discovery, ip, prober, passwords, schedulers, random, settings, RejectedPins.inMemory());
    }
}
