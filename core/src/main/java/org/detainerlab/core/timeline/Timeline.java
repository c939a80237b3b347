package org.detainerlab.core.timeline;

import java.time.LocalDate;
import java.util.List;

/** The entries that apply to a jurisdiction between two dates (inclusive), in date order. */
public record Timeline(String jurisdiction, List<String> includes, LocalDate from, LocalDate to,
                       List<TimelineEntry> entries) {
}
