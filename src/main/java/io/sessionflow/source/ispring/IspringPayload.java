package io.sessionflow.source.ispring;

import io.sessionflow.source.ispring.soap.TrainingSession;

/** One {@code trainingSession} of a ListSessionsByTraining result, with the training it was listed under. */
public record IspringPayload(String trainingId, TrainingSession session) {
}
