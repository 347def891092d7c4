package io.sessionflow.source.ispring;

import io.sessionflow.source.ispring.soap.ListSessionsByTrainingResult;

/** A successful ListSessionsByTraining call: the parsed result, and the answer's bytes as received. */
public record IspringAnswer(ListSessionsByTrainingResult result, byte[] body) {
}
