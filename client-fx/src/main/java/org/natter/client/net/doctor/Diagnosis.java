package org.natter.client.net.doctor;

import java.util.List;
import java.util.Optional;

/**
 * Everything the doctor found, step by step, up to and including the first failure (later steps depend on it and
 * were not tried).
 */
public record Diagnosis(List<Finding> findings) {

    public Diagnosis {
        findings = List.copyOf(findings);
    }

    /** True when every step passed: a login should work, up to the name and password. */
    public boolean healthy() {
        return findings.stream().allMatch(Finding::passed);
    }

    /** The step that failed, if one did. */
    public Optional<Finding> failure() {
        return findings.stream().filter(f -> !f.passed()).findFirst();
    }
}
