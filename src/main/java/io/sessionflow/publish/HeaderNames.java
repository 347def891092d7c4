package io.sessionflow.publish;

/** Kafka record header names, defined once. */
public final class HeaderNames {
    public static final String CONTENT_TYPE = "content-type";
    public static final String CLOUDEVENTS_JSON = "application/cloudevents+json";
    public static final String SYSTEM = "sessionflow-system";
    /** The account of a record of any account but {@code default}; absent for {@code default}. */
    public static final String ACCOUNT = "sessionflow-account";
    public static final String ENDPOINT = "sessionflow-endpoint";
    public static final String FETCHED_AT = "sessionflow-fetched-at";
    public static final String REASON = "sessionflow-reason";
    /** On a raw record of a vendor's error answer: its HTTP status (absent on every answer that was read). */
    public static final String STATUS = "sessionflow-status";

    private HeaderNames() {
    }
}
