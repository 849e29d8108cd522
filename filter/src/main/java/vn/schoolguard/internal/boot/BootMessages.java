package vn.schoolguard.internal.boot;

// Texts of the auto-registration decisions, in one place so that tests and docs can quote them.
final class BootMessages {

    private BootMessages() {
    }

    static String registered(String source, String name, String switchParam) {
        return "SchoolGuard: filter '" + name + "' registered first on /* (settings: " + source
                + "); to turn this off set context-parameter " + switchParam + "=false";
    }

    static String turnedOff(String switchParam) {
        return "SchoolGuard: auto-registration is off (context-parameter " + switchParam
                + "=false); declare vn.schoolguard.SchoolGuardFilter in web.xml to use it";
    }

    static String declaredByApplication(String name) {
        return "SchoolGuard: the application declares the filter itself as '" + name
                + "'; using that declaration and its order";
    }

    static String notConfigured(String defaultFile, String enabledParam) {
        return "SchoolGuard: not registered, no settings found (expected " + defaultFile
                + ", context-parameter or system property schoolguard.config, environment variable SCHOOLGUARD_CONFIG,"
                + " or context-parameter " + enabledParam + "=true)";
    }

    static String nameTaken(String name) {
        return "SchoolGuard: not registered, the application already has another filter named '" + name
                + "'; declare vn.schoolguard.SchoolGuardFilter in web.xml under another name";
    }
}
