package org.parley.ui.unlock;

/**
 * A rough strength hint for a new passphrase: estimated bits = length × log2(size of the character classes
 * used). It is a hint, not a policy; the only rule enforced is {@link #MIN_LENGTH}.
 */
public enum PassphraseStrength {
    TOO_SHORT, WEAK, FAIR, STRONG;

    public static final int MIN_LENGTH = 8;

    public static PassphraseStrength of(CharSequence s) {
        if (s.length() < MIN_LENGTH) {
            return TOO_SHORT;
        }
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                other = true;
            }
        }
        int pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (other ? 33 : 0);
        double bits = s.length() * (Math.log(pool) / Math.log(2));
        if (bits < 50) {
            return WEAK;
        }
        return bits < 75 ? FAIR : STRONG;
    }
}
