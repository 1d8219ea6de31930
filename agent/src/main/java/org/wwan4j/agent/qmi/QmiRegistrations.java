package org.wwan4j.agent.qmi;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.wwan4j.agent.modem.RequestSupport;
import org.wwan4j.agent.modem.RequestSupport.Path;
import org.wwan4j.agent.status.Registration;
import org.wwan4j.qmi.ClientNas;

/**
 * Registration over QMI NAS, newest message first: Get System Info, then Get Serving System (which older firmware
 * has alone, and which newer firmware keeps). System Info carries no operator name: the name comes from the Serving
 * System messages, kept per PLMN from the indications and, for a PLMN not seen yet, from one Get Serving System.
 */
final class QmiRegistrations {

    static final String GET_SYSTEM_INFO = "NAS Get System Info";
    static final String GET_SERVING_SYSTEM = "NAS Get Serving System";

    private final ClientNas nas;
    private final RequestSupport support;
    /** Operator name per MCC+MNC ("" when the network sends none), from the Serving System messages. */
    private final Map<String, String> operatorNames = new ConcurrentHashMap<>();

    QmiRegistrations(ClientNas nas, RequestSupport support) {
        this.nas = nas;
        this.support = support;
    }

    /** The current registration; null when the modem knows neither message. */
    CompletableFuture<Registration> read() {
        return support.firstSupported("registration", List.of(
                new Path<>(GET_SYSTEM_INFO, () -> nas.getSystemInfo()
                        .thenApply(QmiSystemInfos::of).thenCompose(this::withOperatorName)),
                new Path<>(GET_SERVING_SYSTEM, this::servingSystem)));
    }

    /** A Serving System indication: status takes it as it is, and its operator name is kept for System Info. */
    Registration indicated(ClientNas.ServingSystemIndication indication) {
        return remember(QmiServingSystems.of(indication));
    }

    private CompletableFuture<Registration> servingSystem() {
        return nas.getServingSystem().thenApply(out -> remember(QmiServingSystems.of(out)));
    }

    private Registration remember(Registration registration) {
        if (registration.mcc() != null && registration.mnc() != null) {
            operatorNames.put(registration.mcc() + registration.mnc(),
                    registration.operator() == null ? "" : registration.operator());
        }
        return registration;
    }

    private CompletableFuture<Registration> withOperatorName(Registration registration) {
        if (registration.mcc() == null || registration.mnc() == null) {
            return CompletableFuture.completedFuture(registration);
        }
        String plmn = registration.mcc() + registration.mnc();
        String known = operatorNames.get(plmn);
        if (known != null) {
            return CompletableFuture.completedFuture(named(registration, known));
        }
        // The name is a nicety: a modem without Serving System, or one that fails it now, leaves it null.
        return support.ask(GET_SERVING_SYSTEM, this::servingSystem)
                .handle((serving, failure) -> named(registration, operatorNames.getOrDefault(plmn, "")));
    }

    private static Registration named(Registration registration, String name) {
        return new Registration(registration.state(), registration.mcc(), registration.mnc(),
                name.isEmpty() ? null : name, registration.rats());
    }
}
