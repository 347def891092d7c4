package io.sessionflow.source.ispring;

/**
 * Where {@link IspringFetcher} gets each training's session list: the vendor over SOAP ({@link IspringSoapClient})
 * or, for re-derivation, the archived answers read by {@link IspringAnswerReader}. Either way the fetcher, the
 * mapper and the tracker are the same.
 */
public interface IspringSessions {

    /** @throws IspringCallException when there is no readable answer for the training */
    IspringAnswer listSessions(String trainingId);
}
