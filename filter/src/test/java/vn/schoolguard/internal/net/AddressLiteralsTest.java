package vn.schoolguard.internal.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Address literals and CIDR blocks parse strictly: an ambiguous form is no address at all. */
class AddressLiteralsTest {

    @Test
    void cidrBlocksMatchIpv4Ipv6AndMappedAddresses() {
        assertThat(Cidr.parse("192.168.0.0/16").orElseThrow().contains("192.168.44.1")).isTrue();
        assertThat(Cidr.parse("192.168.0.0/16").orElseThrow().contains("::ffff:192.168.44.1")).isTrue();
        assertThat(Cidr.parse("192.168.0.0/16").orElseThrow().contains("192.169.0.1")).isFalse();
        assertThat(Cidr.parse("2001:db8::/32").orElseThrow().contains("2001:db8:ffff::1")).isTrue();
        assertThat(Cidr.parse("2001:db8::/32").orElseThrow().contains("example.com")).isFalse();
        assertThat(Cidr.parse("10.0.0.0/33")).isEmpty();
        assertThat(Cidr.parse("not-an-ip")).isEmpty();
        assertThat(Cidr.parse("010.0.0.0/8")).as("ambiguous leading zero").isEmpty();
    }

    @Test
    void ipLiteralsParseStrictly() {
        assertThat(IpLiteral.canonical("::")).hasValue("::");
        assertThat(IpLiteral.canonical("1:2:3:4:5:6:7::")).hasValue("1:2:3:4:5:6:7:0");
        assertThat(IpLiteral.canonical("::ffff:1.2.3.4")).hasValue("1.2.3.4");
        assertThat(IpLiteral.canonical("64:ff9b::192.0.2.33")).hasValue("64:ff9b::c000:221");
        assertThat(IpLiteral.canonical("0.0.0.0")).hasValue("0.0.0.0");
        for (String bad : new String[] {"", ":", ":::", "1:2:3:4:5:6:7:8::", "1.2.3.4::", "::1.2.3", "1.2.3.4.5", "1..2.3",
                "-1.2.3.4", "+1.2.3.4", "1.2.3.4 5", "g::1", "[::1", "::1]", "0x1.2.3.4", "1e2.0.0.1"}) {
            assertThat(IpLiteral.parse(bad)).as(bad).isEmpty();
        }
    }
}
