package vn.schoolguard.internal.ratelimit;

import java.util.List;

/**
 * A roll-up suggestion: several blocked addresses share one subnet, which could be blocked as a whole.
 *
 * @param cidr     the subnet ({@code /24} for IPv4, {@code /48} for IPv6)
 * @param blockIds the active blocks inside it
 */
public record BlockSuggestion(String cidr, List<Long> blockIds) {
}
