package io.sessionflow.source.ispring;

/** A ListSessionsByTraining call that failed: a SOAP Fault, a refused answer, or a transport error. */
public class IspringCallException extends RuntimeException {
    private final boolean transientFault;

    public IspringCallException(String trainingId, String what, Throwable cause) {
        this(trainingId, what, cause, false);
    }

    /** @param transientFault a network or server error worth a retry, not a SOAP Fault or a refused answer */
    public IspringCallException(String trainingId, String what, Throwable cause, boolean transientFault) {
        super("iSpring " + IspringRequests.describe(trainingId) + " failed: " + what, cause);
        this.transientFault = transientFault;
    }

    public boolean isTransient() {
        return transientFault;
    }
}
