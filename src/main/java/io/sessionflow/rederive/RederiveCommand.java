package io.sessionflow.rederive;

public final class RederiveCommand {
    private RederiveCommand() {
    }

    public static void main(String[] args) {
        throw new IllegalArgumentException("not yet");
    }
}
