package io.sessionflow.source.deskchat;

import io.sessionflow.config.AccountSettings;

/** One Deskchat account. */
record DeskchatConfig(String baseUrl, String apiKey, int pageSize) {

    /** @throws IllegalArgumentException naming the setting when the account cannot be polled */
    static DeskchatConfig from(AccountSettings s) {
        int pageSize = s.integer("page-size");
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException(s.name("page-size") + " " + pageSize + " must be between 1 and 100");
        }
        return new DeskchatConfig(s.string("base-url"), s.required("api-key", "when " + s.name("base-url")
                + " is set"), pageSize);
    }

    @Override
    public String toString() {
        return "DeskchatConfig[baseUrl=" + baseUrl + ", apiKey=***, pageSize=" + pageSize + "]";
    }
}
