package org.wwan4j.agent.status;

/** A network seen by a provider scan; roaming is null when unknown. */
public record Provider(String mcc, String mnc, String name, ProviderStatus status, Boolean roaming) {
}
