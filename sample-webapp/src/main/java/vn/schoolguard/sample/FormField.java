package vn.schoolguard.sample;

/** One field of a visitor form: its parameter name, Vietnamese label and limits (in characters). */
record FormField(String name, String label, boolean required, int maxChars) {
}
