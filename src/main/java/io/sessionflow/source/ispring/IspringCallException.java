package io.sessionflow.source.ispring;

/** A ListSessionsByTraining call that failed: a SOAP Fault, a refused answer, or a transport error. */
public class IspringCallException extends RuntimeException {
    private final String trainingId;

    public IspringCallException(String trainingId, String what, Throwable cause) {
        super("iSpring " + IspringRequests.describe(trainingId) + " failed: " + what, cause);
        this.trainingId = trainingId;
    }

    public String trainingId() {
        return trainingId;
    }
}
