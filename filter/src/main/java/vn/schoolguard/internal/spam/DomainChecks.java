package vn.schoolguard.internal.spam;

import java.util.LinkedHashSet;
import java.util.Set;

/** Checks of where a submission points: blocked and disguised domains, link counts, hidden links. */
final class DomainChecks {

    private DomainChecks() {
    }

    /** Blocked domains among the hosts that are not allowed. */
    static final class Block implements RuleCheck {
        @Override
        public void apply(Rule rule, Evaluation ev) {
            Set<String> matched = new LinkedHashSet<>();
            for (String host : ev.hosts) {
                if (!ev.allowedHosts.contains(host) && Hosts.matches(rule, host, ev.budget)) {
                    matched.add(host);
                }
            }
            if (!matched.isEmpty()) {
                ev.addMatched(rule, matched);
            }
        }
    }

    /** Domains written in disguise ("go88 chấm vip", "k u w i n . c o m") that are not allowed. */
    static final class Spelled implements RuleCheck {
        @Override
        public void apply(Rule rule, Evaluation ev) {
            Set<String> matched = new LinkedHashSet<>(ev.text.spelledDomains);
            matched.removeAll(ev.allowedHosts);
            if (!matched.isEmpty()) {
                ev.addMatched(rule, matched);
            }
        }
    }

    /** At least {@code threshold} links to hosts that are not allowed. */
    static final class Links implements RuleCheck {
        @Override
        public void apply(Rule rule, Evaluation ev) {
            int threshold = (int) RuleCheck.param(rule, "threshold", 3);
            int links = ev.linksNotAllowed();
            if (links >= threshold) {
                ev.add(rule, SpamTexts.links(rule.label(), links, threshold), rule.weight());
            }
        }
    }

    /** Links inside markup hidden with CSS or the hidden attribute. */
    static final class HiddenLink implements RuleCheck {
        @Override
        public void apply(Rule rule, Evaluation ev) {
            if (ev.html.hiddenLinks() > 0) {
                ev.add(rule, SpamTexts.hiddenLinks(rule.label(), ev.html.hiddenLinks()), rule.weight());
            }
        }
    }
}
