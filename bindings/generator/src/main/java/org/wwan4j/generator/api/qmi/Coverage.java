package org.wwan4j.generator.api.qmi;

/** What the generator emitted and skipped for one client class; printed at generation time. */
final class Coverage {

    final String client;
    int requests;
    int requestsSkipped;
    int indications;
    int indicationsSkipped;
    int getters;
    int gettersSkipped;
    int setters;
    int settersSkipped;

    Coverage(String client) {
        this.client = client;
    }

    void add(Coverage other) {
        requests += other.requests;
        requestsSkipped += other.requestsSkipped;
        indications += other.indications;
        indicationsSkipped += other.indicationsSkipped;
        getters += other.getters;
        gettersSkipped += other.gettersSkipped;
        setters += other.setters;
        settersSkipped += other.settersSkipped;
    }

    @Override
    public String toString() {
        return "%s: requests %d (skipped %d), indications %d (skipped %d), getters %d (skipped %d), setters %d (skipped %d)"
                .formatted(client, requests, requestsSkipped, indications, indicationsSkipped, getters, gettersSkipped,
                        setters, settersSkipped);
    }
}
