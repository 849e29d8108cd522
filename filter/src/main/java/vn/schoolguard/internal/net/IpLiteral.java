package vn.schoolguard.internal.net;

import vn.schoolguard.internal.hash.Hex;

import java.util.Optional;

/**
 * Parses IP address literals strictly and without ever touching DNS: dotted-quad IPv4 with no leading
 * zeros (so {@code 010.0.0.1} is not read as either 10 or 8), IPv6 with at most one {@code ::} and an
 * optional trailing dotted quad, optional brackets, and an IPv6 zone id ({@code %eth0}) that is dropped.
 * Octal, hex, integer and shortened IPv4 forms ({@code 0x7f.1}, {@code 2130706433}, {@code 127.1}) are refused.
 */
// Security-critical: what is not unambiguously one address must never be taken for one.
public final class IpLiteral {

    private static final int MAX_LENGTH = 100;

    private IpLiteral() {
    }

    /** The address bytes (4 or 16), or empty when the text is not an unambiguous IP literal. */
    public static Optional<byte[]> parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String s = text.trim();
        boolean bracketed = s.startsWith("[") && s.endsWith("]");
        if (bracketed) {
            s = s.substring(1, s.length() - 1);
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            if (!validZone(s.substring(zone + 1))) {
                return Optional.empty();
            }
            s = s.substring(0, zone);
        }
        if (s.indexOf(':') >= 0) {
            return Optional.ofNullable(ipv6(s));
        }
        // A zone or brackets belong to IPv6 only.
        return zone >= 0 || bracketed ? Optional.empty() : Optional.ofNullable(ipv4(s));
    }

    /** Dotted quad, four decimal parts 0-255 without leading zeros; null otherwise. */
    private static byte[] ipv4(String s) {
        byte[] bytes = new byte[4];
        int part = 0;
        int i = 0;
        while (part < 4) {
            int start = i;
            int value = 0;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - start < 3) {
                value = value * 10 + (s.charAt(i) - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || value > 255 || (digits > 1 && s.charAt(start) == '0')) {
                return null;
            }
            bytes[part++] = (byte) value;
            if (part < 4) {
                if (i >= s.length() || s.charAt(i) != '.') {
                    return null;
                }
                i++;
            }
        }
        return i == s.length() ? bytes : null;
    }

    /** Eight groups of 1-4 hex digits, one {@code ::} for a run of zero groups, a dotted quad as the last two. */
    private static byte[] ipv6(String s) {
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String head = gap >= 0 ? s.substring(0, gap) : s;
        String tail = gap >= 0 ? s.substring(gap + 2) : "";
        byte[] headBytes = groups(head, gap < 0);
        byte[] tailBytes = gap >= 0 ? groups(tail, true) : new byte[0];
        if (headBytes == null || tailBytes == null) {
            return null;
        }
        int total = headBytes.length + tailBytes.length;
        if (gap < 0 ? total != 16 : total > 14) {
            return null;
        }
        byte[] bytes = new byte[16];
        System.arraycopy(headBytes, 0, bytes, 0, headBytes.length);
        System.arraycopy(tailBytes, 0, bytes, 16 - tailBytes.length, tailBytes.length);
        return bytes;
    }

    /** Colon-separated groups (empty text is no group); a dotted quad is allowed as the last one when {@code last}. */
    private static byte[] groups(String s, boolean last) {
        if (s.isEmpty()) {
            return new byte[0];
        }
        String[] parts = s.split(":", -1);
        byte[] out = new byte[parts.length * 2 + 2];
        int n = 0;
        for (int p = 0; p < parts.length; p++) {
            String part = parts[p];
            if (part.indexOf('.') >= 0) {
                byte[] v4 = last && p == parts.length - 1 ? ipv4(part) : null;
                if (v4 == null) {
                    return null;
                }
                System.arraycopy(v4, 0, out, n, 4);
                n += 4;
                continue;
            }
            if (part.isEmpty() || part.length() > 4) {
                return null;
            }
            int value = 0;
            for (int i = 0; i < part.length(); i++) {
                int digit = Hex.digit(part.charAt(i));
                if (digit < 0) {
                    return null;
                }
                value = value * 16 + digit;
            }
            out[n++] = (byte) (value >> 8);
            out[n++] = (byte) value;
        }
        return n > 16 ? null : java.util.Arrays.copyOf(out, n);
    }

    private static boolean validZone(String zone) {
        if (zone.isEmpty() || zone.length() > 64) {
            return false;
        }
        for (int i = 0; i < zone.length(); i++) {
            char c = zone.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' || c == '~';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The canonical text of an address literal (lower-case, compressed IPv6), or empty. */
    public static Optional<String> canonical(String text) {
        return parse(text).map(IpLiteral::format);
    }

    /** The address as 32 lower-case hex digits, IPv4 mapped into IPv6 ({@code ::ffff:a.b.c.d}), so blocks sort as ranges. */
    public static Optional<String> hex(String text) {
        return parse(text).map(IpLiteral::hex);
    }

    static String hex(byte[] address) {
        byte[] v6 = new byte[16];
        if (address.length == 4) {
            v6[10] = (byte) 0xFF;
            v6[11] = (byte) 0xFF;
            System.arraycopy(address, 0, v6, 12, 4);
        } else {
            System.arraycopy(address, 0, v6, 0, 16);
        }
        StringBuilder out = new StringBuilder(32);
        for (byte b : v6) {
            out.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return out.toString();
    }

    /** RFC 5952 text of an address, IPv4-mapped IPv6 written as the IPv4 address. */
    static String format(byte[] bytes) {
        return formatExact(unmapIpv4(bytes));
    }

    /** RFC 5952 text: dotted IPv4; IPv6 in lower case, no leading zeros, the longest run of zero groups as {@code ::}. */
    static String formatExact(byte[] address) {
        if (address.length == 4) {
            return (address[0] & 0xFF) + "." + (address[1] & 0xFF) + "." + (address[2] & 0xFF) + "." + (address[3] & 0xFF);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((address[2 * i] & 0xFF) << 8) | (address[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
            i += length;
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    /** {@code ::ffff:a.b.c.d} as the 4 bytes of {@code a.b.c.d}; anything else unchanged. */
    static byte[] unmapIpv4(byte[] address) {
        if (address.length != 16) {
            return address;
        }
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return address;
            }
        }
        if (address[10] != (byte) 0xFF || address[11] != (byte) 0xFF) {
            return address;
        }
        return new byte[] {address[12], address[13], address[14], address[15]};
    }
}
