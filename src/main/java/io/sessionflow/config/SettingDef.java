package io.sessionflow.config;

/** One declared setting: property key, environment variable, type, default and description. */
public record SettingDef(String key, String env, SettingType type, String defaultValue, String description) {

    /** A setting of one source account, keyed without its {@code sessionflow.<system>.} prefix ({@code base-url}). */
    public static SettingDef account(String key, SettingType type, String defaultValue, String description) {
        return new SettingDef(key, "", type, defaultValue, description);
    }

    /**
     * This account setting as the environment gives it to account {@code default}:
     * {@code sessionflow.webinar.base-url}.
     */
    public SettingDef under(String prefix) {
        String full = prefix + key;
        return new SettingDef(full, envNameOf(full), type, defaultValue, description);
    }

    /** {@code sessionflow.webinar.base-url} -> {@code SESSIONFLOW_WEBINAR_BASE_URL} */
    public static String envNameOf(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
