package io.sessionflow.source.ispring;

import io.sessionflow.source.ispring.soap.Credentials;
import io.sessionflow.source.ispring.soap.ListSessionsByTrainingRequest;

/** The iSpring Learn SOAP requests, each carrying the API token in {@code credentials}. */
final class IspringRequests {
    static final String LIST_SESSIONS = "ListSessionsByTraining";
    private final String token;

    IspringRequests(String token) {
        this.token = token;
    }

    ListSessionsByTrainingRequest listSessions(String trainingId) {
        Credentials credentials = new Credentials();
        credentials.setToken(token);
        ListSessionsByTrainingRequest request = new ListSessionsByTrainingRequest();
        request.setCredentials(credentials);
        request.setTrainingId(trainingId);
        return request;
    }

    /** How a call is named in logs, raw headers and dead letters; never with the token. */
    static String describe(String trainingId) {
        return LIST_SESSIONS + " trainingId=" + trainingId;
    }
}
