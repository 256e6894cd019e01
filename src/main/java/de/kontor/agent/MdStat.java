package de.kontor.agent;

import de.kontor.agent.StorageFacts.RaidArray;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads Linux software RAID arrays from the text of {@code /proc/mdstat}. */
final class MdStat {

    private static final Pattern ARRAY = Pattern.compile("^(md\\S*)\\s*:\\s*(\\S+)\\s*(.*)$");
    private static final Pattern HEALTH = Pattern.compile("\\[\\d+/\\d+]\\s*\\[([U_]+)]");
    private static final Pattern PROGRESS = Pattern.compile("(resync|recovery|reshape|check)\\s*=\\s*\\S+");

    private MdStat() {}

    static List<RaidArray> parse(String text) {
        List<RaidArray> arrays = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            Matcher array = ARRAY.matcher(lines[i].strip());
            if (!array.matches()) {
                continue;
            }
            String level = "";
            List<String> members = new ArrayList<>();
            for (String word : array.group(3).split("\\s+")) {
                if (word.startsWith("raid") || word.equals("linear") || word.equals("multipath")) {
                    level = word;
                } else if (word.contains("[")) {
                    // sda1[0] or sdc1[2](F): the device name and whether it failed
                    members.add(word.substring(0, word.indexOf('[')) + (word.endsWith("(F)") ? "(F)" : ""));
                }
            }
            String health = "";
            String progress = "";
            for (int j = i + 1;
                    j < lines.length
                            && !lines[j].isBlank()
                            && !ARRAY.matcher(lines[j].strip()).matches();
                    j++) {
                Matcher h = HEALTH.matcher(lines[j]);
                if (h.find()) {
                    health = "[" + h.group(1) + "]";
                }
                Matcher p = PROGRESS.matcher(lines[j]);
                if (p.find()) {
                    progress = lines[j].strip().replaceAll("^\\[[=>.]*]\\s*", "");
                }
            }
            boolean degraded = health.contains("_") || members.stream().anyMatch(m -> m.endsWith("(F)"));
            arrays.add(new RaidArray(array.group(1), array.group(2), level, members, health, degraded, progress));
        }
        return arrays;
    }
}
